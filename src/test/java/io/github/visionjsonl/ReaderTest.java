package io.github.visionjsonl;

import static io.github.visionjsonl.Samples.CLASSIFICATION;
import static io.github.visionjsonl.Samples.DETECTION;
import static io.github.visionjsonl.Samples.MULTILABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting, encodings, recovery, task detection, configuration and the record iterator. */
class ReaderTest {

    /** The fixtures repeat one image on many lines; duplicate-image-url has tests of its own. */
    private static final DatasetValidator VALIDATOR = base().build();

    private static DatasetValidator.Builder base() {
        // The files here are about reading: most repeat one image of one class.
        return DatasetValidator.builder().disable(RuleCode.DUPLICATE_IMAGE_URL).disable(RuleCode.SINGLE_CLASS);
    }

    private static ValidationReport validate(String content) throws IOException {
        return validate(VALIDATOR, content.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidationReport validate(DatasetValidator v, byte[] content) throws IOException {
        return v.validate(new ByteArrayInputStream(content), "test.jsonl");
    }

    private static List<RuleCode> codes(ValidationReport r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void crlfAndMissingFinalNewlineAreFine() throws IOException {
        ValidationReport r = validate(DETECTION + "\r\n" + DETECTION + "\r\n" + DETECTION);
        assertThat(r.findings()).isEmpty();
        assertThat(r.lines()).isEqualTo(3);
        assertThat(r.validRecords()).isEqualTo(3);
    }

    @Test
    void byteOrderMarkIsAWarningAndTheLineStillReads() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (DETECTION + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        ValidationReport r = validate(VALIDATOR, all);
        assertThat(codes(r)).containsExactly(RuleCode.BYTE_ORDER_MARK);
        assertThat(r.validRecords()).isEqualTo(1);
    }

    @Test
    void blankLinesAreWarningsAndCountAsLinesNotRecords() throws IOException {
        ValidationReport r = validate(DETECTION + "\n\n   \n" + DETECTION + "\n");
        assertThat(r.findings()).extracting(Finding::line).containsExactly(2L, 3L);
        assertThat(codes(r)).containsOnly(RuleCode.BLANK_LINE);
        assertThat(r.lines()).isEqualTo(4);
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void readingGoesOnAfterABrokenLine() throws IOException {
        ValidationReport r = validate(DETECTION + "\n{\"image_url\": \"x\n" + DETECTION + "\nnot json at all\n" + DETECTION + "\n");
        assertThat(r.findings()).extracting(Finding::line, Finding::rule)
                .containsExactly(Tuple.tuple(2L, RuleCode.JSON_SYNTAX),
                        Tuple.tuple(4L, RuleCode.JSON_SYNTAX));
        assertThat(r.validRecords()).isEqualTo(3);
        assertThat(r.records()).isEqualTo(5);
    }

    @Test
    void gzipInputIsRecognizedByContent(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("train.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((DETECTION + "\n" + DETECTION + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ValidationReport r = VALIDATOR.validate(gz);
        assertThat(r.findings()).isEmpty();
        assertThat(r.validRecords()).isEqualTo(2);
        assertThat(r.source()).endsWith("train.jsonl.gz");
    }

    @Test
    void aStreamIsReadToItsEndAndLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream((DETECTION + "\n").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(VALIDATOR.validate(in).validRecords()).isEqualTo(1);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void overLongLinesAreSkippedAndTheNextLineIsRead() throws IOException {
        DatasetValidator small = base().maxLineLength(100).build();
        String longLine = "{\"image_url\": \"" + "a".repeat(300_000) + ".jpg\", \"label\": \"a\"}";
        ValidationReport r = validate(small, (CLASSIFICATION + "\n" + longLine + "\n" + CLASSIFICATION + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(codes(r)).containsExactly(RuleCode.LINE_TOO_LONG);
        assertThat(r.findings().get(0).line()).isEqualTo(2);
        assertThat(r.findings().get(0).message()).contains(String.valueOf(longLine.length()));
        assertThat(r.validRecords()).isEqualTo(2);
        // An over-long last line without a newline is caught too.
        assertThat(codes(validate(small, (CLASSIFICATION + "\n" + longLine).getBytes(StandardCharsets.UTF_8))))
                .containsExactly(RuleCode.LINE_TOO_LONG);
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        byte[] line = "{\"image_url\": \"a.jpg\", \"label\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ValidationReport r = validate(VALIDATOR, line);
        Finding f = r.findings().get(0);
        assertThat(f.rule()).isEqualTo(RuleCode.INVALID_ENCODING);
        assertThat(f.column()).isEqualTo(37);
        assertThat(f.message()).contains("0xE9");
    }

    @Test
    void taskIsDetectedFromTheFirstUnambiguousRecord() throws IOException {
        String background = "{\"image_url\": \"" + Samples.URL + "\", \"label\": []}";
        ValidationReport r = validate(background + "\n" + background + "\n" + DETECTION + "\n");
        assertThat(r.task()).isEqualTo(Task.IMAGE_OBJECT_DETECTION);
        assertThat(r.findings()).isEmpty();
        assertThat(r.validRecords()).isEqualTo(3);

        ValidationReport ml = validate(background + "\n" + MULTILABEL + "\n");
        assertThat(ml.task()).isEqualTo(Task.IMAGE_CLASSIFICATION_MULTILABEL);
        assertThat(ml.findings()).extracting(Finding::line, Finding::rule)
                .containsExactly(Tuple.tuple(1L, RuleCode.LABEL_LIST_EMPTY));

        ValidationReport cls = validate(background + "\n" + CLASSIFICATION + "\n");
        assertThat(cls.findings()).extracting(Finding::line, Finding::rule)
                .containsExactly(Tuple.tuple(1L, RuleCode.TASK_MISMATCH));
        assertThat(cls.validRecords()).isEqualTo(1);
    }

    @Test
    void allEmptyLabelsLeaveTheTaskUnknown() throws IOException {
        String background = "{\"image_url\": \"" + Samples.URL + "\", \"label\": []}";
        ValidationReport r = validate(background + "\n");
        assertThat(r.task()).isNull();
        assertThat(r.validRecords()).isEqualTo(1);
    }

    @Test
    void givenTaskMakesOtherShapesMismatch() throws IOException {
        DatasetValidator v = base().task(Task.IMAGE_INSTANCE_SEGMENTATION).build();
        ValidationReport r = validate(v, (DETECTION + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(codes(r)).contains(RuleCode.TASK_MISMATCH);
        assertThat(r.findings().get(0).message()).contains("image-instance-segmentation (as given)");
    }

    @Test
    void severitiesCanBeChangedAndRulesTurnedOff() throws IOException {
        String content = DETECTION + "\n\n";
        DatasetValidator stricter = base().severity(RuleCode.BLANK_LINE, Severity.ERROR).build();
        ValidationReport strict = validate(stricter, content.getBytes(StandardCharsets.UTF_8));
        assertThat(strict.errors()).isEqualTo(1);
        assertThat(strict.findings().get(0).severity()).isEqualTo(Severity.ERROR);

        DatasetValidator quiet = base().disable(RuleCode.BLANK_LINE).build();
        ValidationReport off = validate(quiet, content.getBytes(StandardCharsets.UTF_8));
        assertThat(off.findings()).isEmpty();
        assertThat(off.findingCount()).isZero();

        DatasetValidator integers = base().severity(RuleCode.LABEL_TYPE, Severity.INFO).build();
        assertThat(integers.validateLine("{\"image_url\": \"a.jpg\", \"label\": 3}").findings())
                .filteredOn(f -> f.rule() == RuleCode.LABEL_TYPE)
                .extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void findingsAreCappedButAllCounted() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            b.append("oops\n");
        }
        DatasetValidator capped = base().maxFindings(10).build();
        ValidationReport r = validate(capped, b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.findings()).hasSize(10);
        assertThat(r.errors()).isEqualTo(51); // 50 syntax errors and the empty dataset
        assertThat(r.findingsTruncated()).isTrue();
    }

    @Test
    void failFastStopsAtTheFirstError() throws IOException {
        DatasetValidator fast = base().failFast(true).build();
        ValidationReport r = validate(fast, (DETECTION + "\n\noops\n" + DETECTION + "\noops\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.complete()).isFalse();
        assertThat(r.lines()).isEqualTo(3);
        assertThat(codes(r)).containsExactly(RuleCode.BLANK_LINE, RuleCode.JSON_SYNTAX);
    }

    @Test
    void classCountsCountLabelOccurrences() throws IOException {
        ValidationReport r = validate(MULTILABEL + "\n" + MULTILABEL.replace("\"carton\"", "\"milk\"") + "\n");
        assertThat(r.classCounts()).containsEntry("can", 2L).containsEntry("carton", 1L).containsEntry("milk", 1L);
    }

    @Test
    void recordReaderYieldsValidRecordsWithLineNumbersAndWarnings() throws IOException {
        String content = DETECTION + "\nbroken\n" + DETECTION.replace("\"image_url\"", "\"extra\": 1, \"image_url\"") + "\n";
        List<ValidRecord<DetectionRecord>> got = new ArrayList<>();
        try (RecordReader<DetectionRecord> reader = VALIDATOR.records(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "s", DetectionRecord.class)) {
            reader.forEach(got::add);
            assertThat(reader.report().errors()).isEqualTo(1);
            assertThat(reader.report().task()).isEqualTo(Task.IMAGE_OBJECT_DETECTION);
        }
        assertThat(got).extracting(ValidRecord::line).containsExactly(1L, 3L);
        assertThat(got.get(0).findings()).isEmpty();
        assertThat(got.get(1).findings()).extracting(Finding::rule).containsExactly(RuleCode.UNKNOWN_FIELD);
        assertThat(got.get(0).record().boxes().get(0).label()).isEqualTo("can");
    }

    @Test
    void coordinatesAreReadExactlyWhateverTheirSpelling() throws IOException {
        // Short decimals take a fast path over the input bytes; every spelling must give the double
        // Double.parseDouble gives, in sequence and alone, signs and zeros included.
        Random random = new Random(5);
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "0.5", "0.50", "1e-1", "2.5E-1",
                "0.123456789012345", "0.1234567890123456", "0.30000000000000004", "0.000001", "0.9999999999999999"));
        for (int i = 0; i < 400; i++) {
            StringBuilder n = new StringBuilder("0.");
            for (int d = 1 + random.nextInt(18); d > 0; d--) {
                n.append(random.nextInt(10));
            }
            numbers.add(n.toString());
        }
        StringBuilder content = new StringBuilder();
        for (String n : numbers) {
            content.append("{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"x\", \"topX\": ").append(n)
                    .append(", \"topY\": ").append(n).append(", \"bottomX\": 1, \"bottomY\": 1}]}\n");
        }
        List<Double> read = new ArrayList<>();
        try (RecordReader<DetectionRecord> reader = base().task(Task.IMAGE_OBJECT_DETECTION).build().records(
                new ByteArrayInputStream(content.toString().getBytes(StandardCharsets.UTF_8)), "n", DetectionRecord.class)) {
            reader.forEach(r -> read.add(r.record().boxes().get(0).topX()));
        }
        List<Double> expected = numbers.stream().map(n -> n.equals("-0") ? 0.0 : Double.parseDouble(n)).toList();
        assertThat(read).hasSize(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(Double.doubleToRawLongBits(read.get(i))).as(numbers.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(expected.get(i)));
        }
    }

    @Test
    void typedReaderFixesTheTask(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.jsonl");
        Files.writeString(file, CLASSIFICATION + "\n" + MULTILABEL + "\n");
        try (RecordReader<ClassificationRecord> reader = VALIDATOR.records(file, ClassificationRecord.class)) {
            assertThat(reader).extracting(r -> r.record().label()).containsExactly("can");
            assertThat(reader.report().findings()).extracting(Finding::rule).containsExactly(RuleCode.TASK_MISMATCH);
        }
        try (RecordReader<ImageRecord> reader = VALIDATOR.records(file)) {
            assertThat(reader).hasSize(1);
        }
        DatasetValidator ml = base().task(Task.IMAGE_CLASSIFICATION_MULTILABEL).build();
        assertThatThrownBy(() -> ml.records(file, DetectionRecord.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DetectionRecord");
        try (RecordReader<MultiLabelRecord> reader = ml.records(file, MultiLabelRecord.class)) {
            assertThat(reader.stream().toList()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(2));
        }
    }

    @Test
    void pendingBackgroundLinesAreYieldedInOrder() throws IOException {
        String background = "{\"image_url\": \"" + Samples.URL + "\", \"label\": []}";
        String content = background + "\n" + background + "\n" + DETECTION + "\n";
        try (RecordReader<ImageRecord> reader = VALIDATOR.records(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "s", ImageRecord.class)) {
            assertThat(reader).extracting(ValidRecord::line).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void validateLineDetectsTheTaskFromTheLine() {
        assertThat(VALIDATOR.validateLine(CLASSIFICATION).record()).isInstanceOf(ClassificationRecord.class);
        assertThat(VALIDATOR.validateLine(DETECTION).isValid()).isTrue();
        assertThat(VALIDATOR.validateLine("[1]").record()).isNull();
        assertThat(VALIDATOR.validateLine("[1]").isValid()).isFalse();
        assertThat(VALIDATOR.validateLine("").findings()).extracting(Finding::rule).containsExactly(RuleCode.BLANK_LINE);
    }

    @Test
    void missingFileOrDirectoryIsAnIOException(@TempDir Path dir) {
        assertThatThrownBy(() -> VALIDATOR.validate(dir)).isInstanceOf(IOException.class).hasMessageContaining("directory");
        assertThatThrownBy(() -> VALIDATOR.validate(dir.resolve("none.jsonl"))).isInstanceOf(IOException.class);
    }

    @Test
    void sameVerdictFromAFileAndFromAStream(@TempDir Path dir) throws IOException {
        Path file = Samples.invalid("coordinate-range");
        ValidationReport fromFile = VALIDATOR.validate(file);
        ValidationReport fromStream;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            in.transferTo(copy);
            fromStream = VALIDATOR.validate(new ByteArrayInputStream(copy.toByteArray()), file.toString());
        }
        assertThat(fromStream).isEqualTo(fromFile);
    }

    @Test
    void progressIsReportedWithTheShareOfBytesRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append(CLASSIFICATION.replace("001.jpg", i + ".jpg")).append('\n');
        }
        Files.writeString(file, b);
        List<Progress> seen = new ArrayList<>();
        ValidationReport r = VALIDATOR.validate(file, seen::add);
        assertThat(r.validRecords()).isEqualTo(20_000);
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.lines()).isEqualTo(20_000);
        assertThat(last.records()).isEqualTo(20_000);
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(last.totalBytes()).isEqualTo(Files.size(file));
        assertThat(seen).extracting(Progress::lines).isSorted();
    }
}
