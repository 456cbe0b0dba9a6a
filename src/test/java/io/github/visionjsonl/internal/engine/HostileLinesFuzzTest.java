package io.github.visionjsonl.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.RandomReads;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.reading.internal.binding.InputLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile lines through every reading path, at random from a fixed seed: non-finite literals
 * anywhere, keys twice in nested objects, huge names, numbers and strings, surrogates, byte order
 * marks inside, line breaks inside, lines cut short, and random bytes in valid lines of every
 * task. Whatever the line: nothing throws, every finding of a line has its line, the plain
 * reader and the parsers agree, and a line means the same with one character escaped.
 *
 * <p>{@code -Dvisionjsonl.fuzz.iterations=N} runs N lines (default 1500, a few seconds) and
 * {@code -Dvisionjsonl.fuzz.seed=S} another seed.
 */
class HostileLinesFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("visionjsonl.fuzz.iterations", 1500);
    private static final long SEED = Long.getLong("visionjsonl.fuzz.seed", 20);
    private static final String[] LITERALS = {"NaN", "Infinity", "-Infinity", "+Infinity", "-INF", "+INF"};

    private final Random random = new Random(SEED);
    private final List<String> valid = new ArrayList<>();

    @Test
    void hostileLinesGetTheSameVerdictWhicheverWayTheyAreRead() throws IOException {
        for (Task task : Task.values()) {
            String file = new String(DatasetGenerator.builder().task(task).records(40).invalidRate(0.2).seed(SEED)
                    .build().toBytes(), StandardCharsets.UTF_8);
            valid.addAll(file.lines().toList());
        }
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            lines.add(hostile(valid.get(random.nextInt(valid.size()))));
        }
        readersAgree(lines);
        DatasetValidator validator = DatasetValidator.create();
        Set<RuleCode> lineRules = EnumSet.noneOf(RuleCode.class);
        for (byte[] line : lines) {
            String text = new String(line, StandardCharsets.UTF_8);
            List<Finding> alone = validator.validateLine(text).findings();
            for (Finding f : alone) {
                assertThat(f.line()).as(text).isEqualTo(1);
                lineRules.add(f.rule());
            }
            String escaped = escapeOne(text);
            if (escaped != null) {
                assertThat(verdict(validator.validateLine(escaped).findings())).as(escaped).isEqualTo(verdict(alone));
            }
        }
        wholeFiles(validator, lines, lineRules);
    }

    /** The plain reader with the parser kept from line to line, against a parser per line, on every task. */
    private void readersAgree(List<byte[]> lines) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<int[]> spans = new ArrayList<>();
        for (byte[] l : lines) {
            // line breaks inside a line make lines of their own, as a file has them
            int from = 0;
            for (int i = 0; i <= l.length; i++) {
                if (i == l.length || l[i] == '\n') {
                    spans.add(new int[] {joined.size() + from, i - from});
                    from = i + 1;
                }
            }
            joined.writeBytes(l);
            joined.write('\n');
        }
        byte[] buf = joined.toByteArray();
        for (Task task : new Task[] {null, Task.IMAGE_INSTANCE_SEGMENTATION, Task.IMAGE_CLASSIFICATION_MULTILABEL}) {
            ValidatorConfig config = ValidatorConfig.builder().task(task).build();
            LineWork alone = new LineWork(config, true, false);
            LineWork asItRuns = new LineWork(config, true);
            int regionEnd = 0;
            long epoch = 0;
            for (int i = 0; i < spans.size(); i++) {
                int start = spans.get(i)[0];
                int length = spans.get(i)[1];
                if (start >= regionEnd) {
                    int last = Math.min(spans.size() - 1, i + random.nextInt(40));
                    regionEnd = spans.get(last)[0] + spans.get(last)[1];
                    epoch++;
                }
                boolean ascii = true;
                for (int k = start; k < start + length; k++) {
                    ascii &= buf[k] >= 0;
                }
                LineResult expected = alone.process(new InputLine().of(i + 1, buf, start, length).ascii(ascii));
                LineResult actual = asItRuns.process(new InputLine().of(i + 1, buf, start, length)
                        .readableTo(regionEnd, epoch).ascii(ascii));
                String what = "line " + (i + 1) + ": " + new String(buf, start, Math.min(length, 300), StandardCharsets.UTF_8);
                assertThat(actual.kind).as(what).isEqualTo(expected.kind);
                assertThat(actual.shape).as(what).isEqualTo(expected.shape);
                assertThat(actual.record).as(what).isEqualTo(expected.record);
                assertThat(PendingFindings.describe(actual.lineFindings)).as(what).isEqualTo(PendingFindings.describe(expected.lineFindings));
                assertThat(PendingFindings.describe(actual.recordFindings)).as(what).isEqualTo(PendingFindings.describe(expected.recordFindings));
            }
            asItRuns.releaseParser();
        }
    }

    /** The lines as one file, read whole, in random pieces, and as records: the same report. */
    private void wholeFiles(DatasetValidator validator, List<byte[]> lines, Set<RuleCode> lineRules)
            throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            joined.writeBytes(l);
            joined.writeBytes(random.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        byte[] file = joined.toByteArray();
        DatasetValidator all = DatasetValidator.builder().maxFindings(1_000_000).build();
        ValidationReport whole = all.validate(new ByteArrayInputStream(file), "f");
        ValidationReport pieces = all.validate(randomReads(file), "f");
        assertThat(pieces.findings()).isEqualTo(whole.findings());
        assertThat(whole.findings()).filteredOn(f -> f.line() == 0).extracting(Finding::rule)
                .doesNotContainAnyElementsOf(lineRules);
        int yielded = 0;
        try (RecordReader<ImageRecord> records = all.records(randomReads(file), "f", ImageRecord.class)) {
            for (ValidRecord<ImageRecord> r : records) {
                assertThat(r.record()).isNotNull();
                yielded++;
            }
            assertThat(yielded).isEqualTo(records.report().validRecords());
        }
        assertThat(whole.lines()).isGreaterThanOrEqualTo(lines.size());
    }

    private InputStream randomReads(byte[] bytes) {
        Random reads = new Random(random.nextLong());
        return RandomReads.of(bytes, () -> 1 + reads.nextInt(reads.nextBoolean() ? 16 : 70_000));
    }

    private byte[] hostile(String line) {
        int kind = random.nextInt(100);
        String s;
        if (kind < 15) {
            s = replaceNumber(line, LITERALS[random.nextInt(LITERALS.length)]);
        } else if (kind < 25) {
            s = insertKey(line, "\"x\": " + nested(LITERALS[random.nextInt(LITERALS.length)]));
        } else if (kind < 35) {
            String k = random.nextBoolean() ? "a" : "";
            s = insertKey(line, "\"meta\": {\"" + k + "\": 1, \"b\": " + nested("{\"c\": 2, \"c\": 3}") + ", \"" + k + "\": 4}");
        } else if (kind < 38) {
            int n = 50_000 + random.nextInt(30_000);
            s = switch (random.nextInt(3)) {
                case 0 -> insertKey(line, "\"" + "k".repeat(n) + "\": 1");
                case 1 -> replaceNumber(line, (random.nextBoolean() ? "-" : "") + "1" + "0".repeat(n / 20)
                        + (random.nextBoolean() ? ".5" : ""));
                default -> insertKey(line, "\"s\": \"" + "v".repeat(n) + "\"");
            };
        } else if (kind < 48) {
            String[] surrogates = {"\\udc00", "\\ud800", "\\ud83d\\ude00", "\\ud800\\u0041", "\\udbff\\udbff"};
            String esc = surrogates[random.nextInt(surrogates.length)];
            s = random.nextBoolean() ? insertKey(line, "\"x" + esc + "\": " + (random.nextBoolean() ? "1" : "{\"" + esc + "\": 2}"))
                    : line.replaceFirst("\\.jpg\"", ".jpg" + esc.replace("\\", "\\\\") + "\"");
        } else if (kind < 55) {
            int at = random.nextInt(3) == 0 ? 0 : random.nextInt(line.length() + 1);
            s = line.substring(0, at) + "\ufeff" + line.substring(at);
        } else if (kind < 62) {
            int at = random.nextInt(line.length() + 1);
            String[] breaks = {"\r", "\n", "\r\n", "\n\r"};
            s = line.substring(0, at) + breaks[random.nextInt(breaks.length)] + line.substring(at);
        } else if (kind < 72) {
            s = line.substring(0, random.nextInt(line.length()));
        } else if (kind < 80) {
            s = line;
        } else {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            byte[] alphabet = "{}[]\",:0123456789.-eE tnfalsuNI\\\r\t".getBytes(StandardCharsets.ISO_8859_1);
            for (int e = 1 + random.nextInt(3); e > 0; e--) {
                int at = random.nextInt(b.length);
                b[at] = random.nextInt(5) == 0 ? (byte) (0x80 + random.nextInt(128)) : alphabet[random.nextInt(alphabet.length)];
            }
            return b;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The value, or the value a few lists and objects deep. */
    private String nested(String value) {
        for (int d = random.nextInt(4); d > 0; d--) {
            value = random.nextBoolean() ? "[1, " + value + "]" : "{\"n\": " + value + "}";
        }
        return value;
    }

    private String insertKey(String line, String member) {
        int brace = line.indexOf('{');
        if (brace < 0) {
            return line;
        }
        return random.nextBoolean() || line.lastIndexOf('}') < 0
                ? line.substring(0, brace + 1) + member + ", " + line.substring(brace + 1)
                : line.substring(0, line.lastIndexOf('}')) + ", " + member + "}";
    }

    /** The line with one of its numbers (a coordinate, a size) written as the given text. */
    private String replaceNumber(String line, String text) {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?<=[:\\[,] ?)-?\\d+(\\.\\d+)?(?=[,\\]}])").matcher(line);
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        if (numbers.isEmpty()) {
            return insertKey(line, "\"x\": " + text);
        }
        int[] n = numbers.get(random.nextInt(numbers.size()));
        return line.substring(0, n[0]) + text + line.substring(n[1]);
    }

    /** The line with one ASCII letter inside a string written as an escape, or null when it has none. */
    private String escapeOne(String line) {
        List<Integer> letters = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i += i + 1 < line.length() && line.charAt(i + 1) == 'u' ? 5 : 1; // the escape's own letters
            } else if (c == '"') {
                inString = !inString;
            } else if (inString && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                letters.add(i);
            }
        }
        if (letters.isEmpty() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\ufffd') >= 0) {
            return null;
        }
        int at = letters.get(random.nextInt(letters.size()));
        return line.substring(0, at) + String.format("\\u%04x", (int) line.charAt(at)) + line.substring(at + 1);
    }

    /** What a line's findings say, columns aside (an escape moves what follows it). */
    private static List<String> verdict(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.severity() + " " + f.pointer() + " "
                + (f.rule() == RuleCode.JSON_SYNTAX ? "" : f.message())).toList();
    }

}
