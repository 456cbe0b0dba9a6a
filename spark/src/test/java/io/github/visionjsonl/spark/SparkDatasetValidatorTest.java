package io.github.visionjsonl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.RuleCount;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On {@code local[2]} with small forced splits (every file several partitions), the Spark report
 * is the core's, byte for byte in JSON, and the findings Dataset holds every finding.
 */
class SparkDatasetValidatorTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("vision-jsonl-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void brokenFilesWithRepeatsAcrossPartitions(Task task) throws IOException {
        Path file = write(task + "-broken.jsonl", Datasets.of(task, 1500, 3, 0.05));
        assertSameReport(DatasetValidator.create(), file, Files.size(file) / 7);
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void validFiles(Task task) throws IOException {
        Path file = write(task + "-valid.jsonl", Datasets.of(task, 800, 4, 0));
        assertSameReport(DatasetValidator.create(), file, Files.size(file) / 5);
    }

    @Test
    void settingsAndCaps() throws IOException {
        Path file = write("settings.jsonl", Datasets.of(Task.IMAGE_CLASSIFICATION, 1000, 8, 0.05));
        assertSameReport(DatasetValidator.builder().maxFindings(5).severity(RuleCode.DUPLICATE_IMAGE_URL, Severity.ERROR)
                .disable(RuleCode.BLANK_LINE).build(), file, 20_000);
        assertSameReport(DatasetValidator.builder().task(Task.IMAGE_CLASSIFICATION).maxDropped(1).build(), file, 30_000);
    }

    @Test
    void lineNumbersAcrossSplits() throws IOException {
        String good = "{\"image_url\": \"AmlDatastore://ds/%d.jpg\", \"label\": \"cat\"}";
        StringBuilder b = new StringBuilder("\uFEFF");
        for (int i = 0; i < 40; i++) {
            b.append(String.format(good, i % 31));
            b.append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 11 == 0) {
                b.append("\n");
            }
            if (i % 13 == 0) {
                b.append("{\"image_url\": \"AmlDatastore://ds/long.jpg\", \"label\": \"").append("x".repeat(300)).append("\"}\n");
            }
        }
        b.append(String.format(good, 5));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        Path file = write("edges.jsonl", bytes);
        DatasetValidator limited = DatasetValidator.builder().maxLineLength(200).build();
        // Ranges of 29 bytes: lines cross them, and the long lines span ranges that start no line.
        for (long split : new long[] {29, 97, 5000}) {
            assertSameReport(limited, file, split);
        }
        Path gzip = write("edges.jsonl.gz", gzip(bytes));
        assertSameReport(limited, gzip, 50);
    }

    @Test
    void severalFilesAreOneDataset() throws IOException {
        byte[] a = Datasets.of(Task.IMAGE_OBJECT_DETECTION, 300, 5, 0.05);
        byte[] b = "{\"image_url\": \"AmlDatastore://workspaceblobstore/x.jpg\", \"label\": []}".getBytes(StandardCharsets.UTF_8);
        byte[] c = Datasets.of(Task.IMAGE_OBJECT_DETECTION, 300, 6, 0.05);
        Path folder = Files.createDirectories(dir.resolve("parts"));
        Files.write(folder.resolve("part-00000.jsonl"), a);
        Files.write(folder.resolve("part-00001.jsonl"), b);
        Files.write(folder.resolve("part-00002.jsonl.gz"), gzip(c));
        Files.write(folder.resolve("_SUCCESS"), new byte[0]);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(a);
        all.write(b);
        all.write('\n');
        all.write(c);
        ValidationReport core = DatasetValidator.create().validate(new ByteArrayInputStream(all.toByteArray()), folder.toString());
        ValidationReport onSpark = SparkDatasetValidator.of(DatasetValidator.create()).withSplitSize(10_000)
                .validate(spark, folder.toString());
        assertThat(JsonReport.toJson(onSpark)).isEqualTo(JsonReport.toJson(core));
    }

    @Test
    void leadingEmptyLabelsBeyondTheFirstSplit() throws IOException {
        String held = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\n".repeat(40)
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": [\"cat\"]}\n";
        byte[] rest = Datasets.of(Task.IMAGE_CLASSIFICATION_MULTILABEL, 300, 9, 0.05);
        Path file = write("held.jsonl", (held + new String(rest, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertSameReport(DatasetValidator.create(), file, 500);
        Path none = write("none.jsonl", "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\nnot json\n\n"
                .repeat(30).getBytes(StandardCharsets.UTF_8));
        assertSameReport(DatasetValidator.create(), none, 100);
        assertSameReport(DatasetValidator.create(), write("empty.jsonl", new byte[0]), 10);
    }

    @ParameterizedTest
    @EnumSource(value = Task.class, names = {"IMAGE_CLASSIFICATION", "IMAGE_OBJECT_DETECTION"})
    void aPairGivesThePairReport(Task task) throws IOException {
        byte[] train = Datasets.of(task, 900, 31, 0.05);
        String[] trainLines = new String(train, StandardCharsets.UTF_8).split("\n");
        List<String> lines = new java.util.ArrayList<>(List.of(new String(Datasets.of(task, 500, 32, 0.05),
                StandardCharsets.UTF_8).split("\n")));
        java.util.SplittableRandom random = new java.util.SplittableRandom(task.ordinal());
        for (int i = 0; i < 30; i++) {
            lines.add(random.nextInt(lines.size()), trainLines[random.nextInt(trainLines.length)]);
        }
        for (int i = 0; i < 6; i++) {
            int at = random.nextInt(lines.size());
            lines.set(at, lines.get(at).replaceFirst("\"label\": \"[^\"]*\"", "\"label\": \"unseen" + (i % 3) + "\""));
        }
        Path training = write(task + "-train.jsonl", train);
        Path validation = write(task + "-validation.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        io.github.visionjsonl.report.PairReport core = DatasetValidator.create().validatePair(training, validation);
        io.github.visionjsonl.report.PairReport onSpark = SparkDatasetValidator.of(DatasetValidator.create())
                .withSplitSize(Files.size(validation) / 5).validatePair(spark, training.toString(), validation.toString());
        assertThat(JsonReport.toJson(onSpark.training())).isEqualTo(JsonReport.toJson(core.training()));
        assertThat(JsonReport.toJson(onSpark.validation())).isEqualTo(JsonReport.toJson(core.validation()));
        assertThat(core.validation().ruleCounts()).containsKeys(RuleCode.TRAIN_VALIDATION_LEAK,
                RuleCode.UNSEEN_VALIDATION_LABEL);
    }

    @Test
    void anUnreadableFileFailsAsInTheCore() {
        String missing = dir.resolve("missing.jsonl").toString();
        assertThatThrownBy(() -> SparkDatasetValidator.of(DatasetValidator.create()).validate(spark, missing))
                .isInstanceOf(NoSuchFileException.class).hasMessage(missing);
    }

    @Test
    void corruptGzipFailsAsInTheCore() throws IOException {
        byte[] gz = gzip(Datasets.of(Task.IMAGE_CLASSIFICATION, 200, 1, 0));
        Path cut = write("cut.jsonl.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
        Class<? extends Throwable> core = null;
        try {
            DatasetValidator.create().validate(cut);
        } catch (IOException e) {
            core = e.getClass();
        }
        assertThat(core).isNotNull();
        assertThatThrownBy(() -> SparkDatasetValidator.of(DatasetValidator.create()).validate(spark, cut.toString()))
                .isInstanceOf(core);
    }

    private static void assertSameReport(DatasetValidator validator, Path file, long split) throws IOException {
        ValidationReport core = validator.validate(file);
        try (SparkValidation onSpark = SparkDatasetValidator.of(validator).withSplitSize(Math.max(1, split))
                .validateWithFindings(spark, file.toString())) {
            assertThat(JsonReport.toJson(onSpark.report())).as("split %d", split).isEqualTo(JsonReport.toJson(core));
            Map<String, Long> expected = new HashMap<>();
            for (Map.Entry<RuleCode, RuleCount> e : core.ruleCounts().entrySet()) {
                expected.put(e.getKey().code(), e.getValue().errors() + e.getValue().warnings() + e.getValue().infos());
            }
            Map<String, Long> rows = new HashMap<>();
            List<Row> counted = onSpark.findings().groupBy("code").count().collectAsList();
            for (Row r : counted) {
                rows.put(r.getString(0), r.getLong(1));
            }
            assertThat(rows).isEqualTo(expected);
        }
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
