package io.github.visionjsonl.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.internal.binding.InputLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A worker reads plain lines without a parser, and the others with one parser kept from line to
 * line of a buffer, falling back to a parser per line when a line does not end cleanly. Whatever
 * the lines, each must get exactly the verdict it gets from a parser of its own: same kind,
 * record, findings, columns and messages. The lines here are chosen to trip both: values running
 * into the next line, trailing tokens, bare values, carriage returns, broken encoding, blank
 * lines, and every value a plain line may hold next to its near misses.
 *
 * <p>{@code -Dvisionjsonl.fuzz.iterations=N} adds N valid lines with random edits (default 1500;
 * 6000 for a long run).
 */
class SequenceParsingTest {

    private static final int EDITED_LINES = Integer.getInteger("visionjsonl.fuzz.iterations", 1500);

    private static ValidatorConfig config(Task task) {
        return ValidatorConfig.builder().task(task).build();
    }

    /** Lines that end in the middle of a value, or do not end where their value does. */
    private static final String[] HAZARDS = {
        "{\"image_url\": \"a.jpg\", \"label\": [",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\"",
        "{\"image_url\": \"a.jpg",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\"}}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\"} x",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\"}{\"image_url\": \"b.jpg\", \"label\": \"dog\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\"}   \t ",
        "   {\"image_url\": \"a.jpg\",\r \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"cat\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"cat\", \"polygon\": [[0.1, 0.2, 0.3",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": {\"deep\": [1, 2",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": {\"deep\": [1, 2]}}]",
        "}",
        "]",
        "{",
        "[",
        "\"",
        "12",
        "12 34",
        "-Infinity",
        "NaN",
        "true",
        "null",
        "\"just a string\"",
        "[1, 2, 3]",
        "{}",
        "{} {}",
        "",
        "   ",
        "\r",
        "\t\t",
        "{\"image_url\": \"\u00e9t\u00e9.jpg\", \"label\": \"caf\u00e9\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\" /* comment */}",
        "{\"image_url\": \"a.jpg\", \"label\": 'cat'}",
        "{\"image_url\": \"a.jpg\" \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\",}",
        // what a reader of plain lines must either read exactly as the parser does, or leave to it
        "{\"image_url\": \"a.jpg\", \"label\": []}",
        "{\"image_urn\": \"a.jpg\", \"labels\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_detailz\": {}, \"image_details\": {\"formats\": \"jpg\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topXX\": 0.1, \"bottomXY\": 0.2, \"isCrowded\": 0}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"top\": 0.1, \"\": 0.2, \"x\":1}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"labe\\u006c\": \"b\"}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [ ]}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"a\", \"b\", \"a\"]}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"a\", 3]}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"a\", {\"label\": \"b\"}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\"}, \"a\"]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{}, {\"label\": \"c\", \"label\": \"d\"}]}",
        "{\"image_url\": \"a.jpg\", \"label\": 7}",
        "{\"image_url\": \"a.jpg\", \"label\": null}",
        "{\"image_url\": null, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\"}",
        "{\"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_url\": \"b.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"a\u0041.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"c\u00e4t\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"c\u007ft\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"c\tt\"}",
        "{\t\"image_url\"\t:\t\"a.jpg\"\t,\t\"label\"\t:\t\"cat\"\t}\t",
        "{\"image_url\": \"a.jpg\", \"image_details\": null, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"format\": null, \"width\": null, \"height\": null}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"format\": \"png\", \"width\": 0, \"height\": 7}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": 0640, \"height\": 1}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": -640, \"height\": 1.5}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": 1234567890, \"height\": 123456789}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"640px\", \"height\": \"480\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"640 px\", \"height\": \"px\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": 640, \"width\": 480}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"format\": 3}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": [], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0, \"topY\": -0, \"bottomX\": 1, \"bottomY\": -0.0}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 00, \"topY\": 0.10, \"bottomX\": 1e0, \"bottomY\": 1E-1}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": -, \"topY\": 1., \"bottomX\": .5, \"bottomY\": +1}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0.1234567890123456, \"topY\": 12345678901, \"bottomX\": 123456789, \"bottomY\": -5}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": NaN, \"topY\": Infinity, \"bottomX\": -Infinity, \"bottomY\": \"0.5\"}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": true, \"topY\": null, \"bottomX\": [1], \"bottomY\": {}}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0.1 , \"topY\": 0.2\t, \"bottomX\": 0.3}, {\"bottomY\": 0.4}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"isCrowd\": 1}, {\"label\": \"b\", \"isCrowd\": 0}, {\"label\": \"b\", \"isCrowd\": true}, {\"label\": \"b\", \"isCrowd\": false}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"isCrowd\": 2}, {\"label\": \"b\", \"isCrowd\": 1.0}, {\"label\": \"b\", \"isCrowd\": \"1\"}, {\"label\": \"b\", \"isCrowd\": 10}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"isCrowd\": null}, {\"label\": 5}, {\"label\": null}, {\"lable\": \"b\"}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 1, 1, 0, 0.5, 0.5, 0.25]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, 0.2], [0.3, 0.4]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": []}, {\"label\": \"b\", \"polygon\": [[]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [0.1, 0.2, 0.3]}, {\"label\": \"b\", \"polygon\": null}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, \"x\"]]}, {\"label\": \"b\", \"polygon\": [[0.1, NaN]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]], \"topX\": 0.1, \"topY\": 0.2, \"bottomX\": 0.5, \"bottomY\": 0.6}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0.1, \"topY\": 0.2, \"bottomX\": 0.5, \"bottomY\": 0.6}, {\"label\": \"b\", \"polygon\": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]}]}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"label\": [\"dog\"]}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"cat\"]]",
        "{\"image_url\": \"a.jpg\", \"label\": [\"cat\",]}",
        "{\"image_url\": \"a.jpg\", \"label\": [,\"cat\"]}",
        "{\"image_url\": \"a.jpg\" , \"label\" : \"cat\" }",
        "{\"image_url\":\"a.jpg\",\"label\":[{\"label\":\"b\",\"topX\":0.1,\"topY\":0.2,\"bottomX\":0.5,\"bottomY\":0.6,\"isCrowd\":0}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0.1}]}x",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 0.1}] }  ",
        // faults the plain reader reports itself: unknown keys with plain values, keys twice, sizes that are none
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"label_confidence\": 0.93}",
        "{\"score\": 1, \"image_url\": \"a.jpg\", \"id\": \"x\", \"ok\": true, \"no\": false, \"n\": null, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"extra\": 1, \"extra\": 2, \"label\": \"cat\"}",
        "{\"image_urls\": \"a.jpg\", \"lable\": \"cat\"}",
        "{\"imageurl\": \"a.jpg\", \"label\": \"cat\"}",
        "{\"a/b~c\": 1, \"image_url\": \"a.jpg\", \"label\": \"cat\"}",
        "{\"\": 1, \"image_url\": \"a.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": 1e5, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": -0.5, \"y\": 12345678901234, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"cat\", \"dog\"], \"label_confidence\": [1.0, 0.5]}",
        "{\"image_url\": \"a.jpg\", \"x\": [], \"y\": [ ], \"z\": [\"a\", true, null, -1, false], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1, [2]], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1, {}], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1,], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [,1], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1 2], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": [1e3, 1.5], \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\": [1",
        "{\"image_url\": \"a.jpg\", \"x\": {\"y\": 1}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": \"caf\\u00e9\", \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\\u0041\": 1, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\" : 1 , \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": tru, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"x\": 1}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\": 1",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\"}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\":}",
        "{\"image_url\": \"a.jpg\", \"image_url\": \"a.jpg\", \"image_url\": \"b.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_url\": 3, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": 5}, \"image_details\": {\"height\": 6}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"format\": \"jpg\", \"format\": \"png\", \"dpi\": 72, \"dpi\": 96}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"widht\": 640, \"heigth\": 480, \"fmt\": \"jpg\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"wide\", \"height\": \"\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"a size written out in far more than forty characters\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"1234567890px\", \"height\": \"12px3\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": \"w\\u0069de\"}, \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"score\": 0.5, \"topX\": 0.1, \"topY\": 0.2, \"bottomX\": 0.5, \"bottomY\": 0.6}]}",
        // non-finite literals anywhere, nested duplicate keys, numbers and names no limit but the line's, surrogates
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": [NaN]}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": {\"a\": [1, {\"b\": -Infinity}]}}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": +INF}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"extra\": -INF, \"more\": +Infinity}",
        "{\"image_url\": Infinity, \"image_details\": {\"width\": NaN, \"format\": NaN}, \"label\": NaN}",
        "{\"image_url\": \"a.jpg\", \"label\": [\"a\", NaN]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": NaN, \"isCrowd\": NaN, \"polygon\": NaN}]}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [NaN, [0.1, Infinity]]}]}",
        "[NaN]",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"meta\": {\"a\": 1, \"a\": 2}}",
        "{\"image_url\": \"a.jpg\", \"label\": {\"a\": {\"b\": 1, \"b\": [{\"c\": 1, \"c\": 1}]}}}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\": 1" + "0".repeat(1500) + "}",
        "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": 1" + "0".repeat(400) + ", \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.6}]}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"" + "k".repeat(60_000) + "\": 1}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"\\u006b" + "k".repeat(60_000) + "\": 1}",
        "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\\udc00\": 1, \"\\ud800\": {\"\\udbff\": 1, \"\\udbff\": 2}}",
        "{\"image_url\": \"a\\udc00.jpg\", \"label\": \"cat\"}",
        "[1, 2",
        "123 456",
        "\"abc",
        "\ufeff{\"image_url\": \"a.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"a.jpg\",\ufeff \"label\": \"cat\"}",
    };

    @Test
    void everyLineGetsTheVerdictItGetsAlone() {
        Random random = new Random(11);
        List<byte[]> lines = new ArrayList<>();
        for (Task task : Task.values()) {
            String generated = new String(DatasetGenerator.builder().task(task).records(300).invalidRate(0.3)
                    .seed(3).build().toBytes(), StandardCharsets.UTF_8);
            generated.lines().forEach(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
        }
        List<byte[]> seeds = new ArrayList<>();
        for (Task task : Task.values()) {
            String valid = new String(DatasetGenerator.builder().task(task).records(5).seed(5).build().toBytes(),
                    StandardCharsets.UTF_8);
            valid.lines().forEach(l -> seeds.add(l.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] alphabet = "{}[]\",:0123456789.-eE tnfalsu\\\r\t".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < EDITED_LINES; i++) {
            byte[] line = seeds.get(i % seeds.size()).clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(line.length);
                line[at] = random.nextInt(4) == 0 ? (byte) (0x80 + random.nextInt(128))
                        : alphabet[random.nextInt(alphabet.length)];
            }
            lines.add(line);
        }
        for (String hazard : HAZARDS) {
            for (int i = 0; i < 20; i++) {
                lines.add(hazard.getBytes(StandardCharsets.UTF_8));
            }
        }
        Collections.shuffle(lines, random);

        for (Task task : new Task[] {null, Task.IMAGE_OBJECT_DETECTION, Task.IMAGE_CLASSIFICATION}) {
            // the parser kept from line to line, on its own
            LineWork parserOnly = new LineWork(config(task), true, false);
            compare(lines, task, random, parserOnly);
            // Most lines must have been read by a parser that read the line before, or this proves nothing.
            assertThat(parserOnly.linesInSequence()).as("lines read in sequence").isGreaterThan(lines.size() / 4);
            // as it runs: plain lines without a parser, the others with the parser kept from line to line
            LineWork asItRuns = new LineWork(config(task), true);
            compare(lines, task, random, asItRuns);
            assertThat(asItRuns.linesPlain()).as("lines read without a parser").isGreaterThan(lines.size() / 4);
        }
    }

    private static void compare(List<byte[]> lines, Task task, Random random, LineWork inSequence) {
        // One buffer, lines ended by \n or \r\n as a file has them; the terminator is not part of a line.
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int[] starts = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = joined.size();
            joined.writeBytes(lines.get(i));
            joined.writeBytes(random.nextInt(5) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        byte[] buf = joined.toByteArray();
        LineWork alone = new LineWork(config(task), true, false);
        int regionEnd = 0;
        long epoch = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (starts[i] >= regionEnd) {
                // As a reading buffer does: a new region of a few lines now and then.
                int last = Math.min(lines.size() - 1, i + random.nextInt(60));
                regionEnd = starts[last] + lines.get(last).length;
                epoch++;
            }
            boolean ascii = true;
            for (byte b : line) {
                ascii &= b >= 0;
            }
            LineResult expected = alone.process(new InputLine().of(i + 1, buf, starts[i], line.length).ascii(ascii));
            LineResult actual = inSequence.process(new InputLine().of(i + 1, buf, starts[i], line.length)
                    .readableTo(regionEnd, epoch).ascii(ascii));
            String what = "line " + (i + 1) + ": " + new String(line, StandardCharsets.UTF_8);
            assertThat(actual.kind).as(what).isEqualTo(expected.kind);
            assertThat(actual.shape).as(what).isEqualTo(expected.shape);
            assertThat(actual.record).as(what).isEqualTo(expected.record);
            assertThat(actual.jsonIndex).as(what).isEqualTo(expected.jsonIndex);
            assertThat(actual.fingerprint).as(what).isEqualTo(expected.fingerprint);
            assertThat(PendingFindings.describe(actual.lineFindings)).as(what).isEqualTo(PendingFindings.describe(expected.lineFindings));
            assertThat(PendingFindings.describe(actual.recordFindings)).as(what).isEqualTo(PendingFindings.describe(expected.recordFindings));
        }
        inSequence.releaseParser();
    }

}
