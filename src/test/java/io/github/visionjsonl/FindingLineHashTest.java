package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.reading.LineReader;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hash of a finding's line: the line's bytes, the same on every path through the engine. */
class FindingLineHashTest {

    /** FNV-1a over the bytes, as the engine documents it. */
    private static long fnv(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** The lines of a file as bytes, without their {@code \n} or {@code \r\n}. */
    private static List<byte[]> lines(byte[] all) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                int end = i > start && all[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(all, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static List<Path> invalidSamples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("samples/invalid"))) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    @Test
    void theHashIsThatOfTheLinesBytesOnEveryPath() throws Exception {
        DatasetValidator one = DatasetValidator.create();
        DatasetValidator two = DatasetValidator.builder().threads(2).build();
        int hashed = 0;
        for (Path file : invalidSamples()) {
            ValidationReport report = one.validate(file);
            assertThat(two.validate(file).findings()).as(file.toString()).isEqualTo(report.findings());
            List<Finding> perLine = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file); LineReader lines = one.lines(in, file.toString())) {
                for (ValidatedLine line : lines) {
                    perLine.addAll(line.findings());
                }
            }
            List<byte[]> text = lines(Files.readAllBytes(file));
            for (Finding f : report.findings()) {
                if (f.lineHash() != 0) {
                    assertThat(perLine).as(file + " " + f).contains(f);
                }
                if (f.line() == 0) {
                    assertThat(f.lineHash()).as(file + " " + f).isZero();
                } else if (f.lineHash() != 0 && f.rule() != RuleCode.LINE_TOO_LONG && f.rule() != RuleCode.INVALID_ENCODING
                        && f.rule() != RuleCode.BYTE_ORDER_MARK) {
                    assertThat(f.lineHash()).as(file + " " + f).isEqualTo(fnv(text.get((int) f.line() - 1)));
                    hashed++;
                }
            }
        }
        assertThat(hashed).isGreaterThan(40);
    }

    @Test
    void heldBackLinesKeepTheirHash() throws Exception {
        String empty = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": [], \"extra\": 1}";
        String multi = "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": [\"cat\"]}";
        ValidationReport report = DatasetValidator.create().validate(new ByteArrayInputStream(
                (empty + "\n" + multi + "\n").getBytes(StandardCharsets.UTF_8)), "f");
        List<Finding> first = report.findings().stream().filter(f -> f.line() == 1).toList();
        assertThat(first).extracting(Finding::rule).contains(RuleCode.UNKNOWN_FIELD, RuleCode.LABEL_LIST_EMPTY);
        assertThat(first).allSatisfy(f -> assertThat(f.lineHash()).isEqualTo(fnv(empty.getBytes(StandardCharsets.UTF_8))));
    }
}
