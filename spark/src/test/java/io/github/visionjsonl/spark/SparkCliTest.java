package io.github.visionjsonl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.cli.VisionJsonl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher prints what {@code vision-jsonl validate} prints, with its exit codes, on the repository's samples. */
class SparkCliTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("vision-jsonl-cli-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), spark);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run core(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> samples() throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : List.of("invalid", "image-classification", "image-object-detection", "automl-export")) {
            try (Stream<Path> s = Files.list(Path.of("..", "samples", folder))) {
                s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(p -> files.add(p.toString()));
            }
        }
        return files;
    }

    private static String[] args(List<String> before, List<String> files) {
        List<String> all = new ArrayList<>(before);
        all.addAll(files);
        return all.toArray(String[]::new);
    }

    @Test
    void jsonAndTextAreTheCoresOnEverySample() throws IOException {
        List<String> files = samples();
        assertThat(files).hasSizeGreaterThan(40);
        for (List<String> options : List.of(List.of("validate", "--format", "json"), List.of("validate"))) {
            List<String> onSpark = new ArrayList<>(options);
            onSpark.addAll(List.of("--split-size", "300"));
            Run s = spark(args(onSpark, files));
            Run c = core(args(options, files));
            assertThat(s.out()).isEqualTo(c.out());
            assertThat(s.exit()).isEqualTo(c.exit()).isEqualTo(1);
        }
    }

    @Test
    void aPairIsTheCoresPair() throws IOException {
        List<Path> pairs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("..", "samples", "invalid", "pairs"))) {
            s.filter(Files::isDirectory).sorted().forEach(pairs::add);
        }
        pairs.add(Path.of("..", "samples", "image-object-detection"));
        for (Path pair : pairs) {
            String train = pair.resolve("train.jsonl").toString();
            String validation = pair.resolve("validation.jsonl").toString();
            Run s = spark("validate", "--format", "json", "--split-size", "200", "--train", train, "--validation", validation);
            Run c = core("validate", "--format", "json", "--train", train, "--validation", validation);
            assertThat(s.out()).as(pair.toString()).isEqualTo(c.out());
            assertThat(s.exit()).isEqualTo(c.exit());
        }
        String missing = dir.resolve("missing.jsonl").toString();
        Run s = spark("validate", "--train", pairs.get(0).resolve("train.jsonl").toString(), "--validation", missing);
        Run c = core("validate", "--train", pairs.get(0).resolve("train.jsonl").toString(), "--validation", missing);
        assertThat(s.err()).isEqualTo(c.err());
        assertThat(s.exit()).isEqualTo(c.exit()).isEqualTo(2);
    }

    @Test
    void anUnreadableFileIsTheCoresOneLine() {
        String missing = dir.resolve("missing.jsonl").toString();
        Run s = spark("validate", missing);
        Run c = core("validate", missing);
        assertThat(s.err()).isEqualTo(c.err()).isEqualTo("vision-jsonl: cannot read " + missing
                + ": no such file; check the path" + System.lineSeparator());
        assertThat(s.exit()).isEqualTo(c.exit()).isEqualTo(2);
    }

    @Test
    void optionsThatNeedOneMachineAreRefused() {
        for (String option : List.of("--images-root=x", "--fail-fast", "--accepted", "--html")) {
            Run s = spark("validate", option, "../samples/invalid/blank-line.jsonl");
            assertThat(s.exit()).as(option).isEqualTo(2);
            assertThat(s.err()).startsWith("vision-jsonl-spark: " + option.replace("=x", "") + " cannot be used on Spark");
        }
        assertThat(spark("validate", "-").err()).startsWith("vision-jsonl-spark: standard input");
        assertThat(spark("generate").exit()).isEqualTo(2);
    }

    @Test
    void aConfigurationFileThatTurnsOnImageChecksIsAUsageErrorNamingIt() throws IOException {
        Path config = dir.resolve("images-on.yaml");
        Files.writeString(config, "images:\n  root: .\n");
        Run s = spark("validate", "--config", config.toString(), "../samples/invalid/blank-line.jsonl");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).startsWith("vision-jsonl: image files are not checked on Spark (images) (set by the options or"
                + " the configuration file)").doesNotContain("internal error");
    }

    @Test
    void findingsOutWritesEveryFindingAsParquet() throws IOException {
        String out = dir.resolve("findings").toString();
        List<String> files = samples().subList(0, 10);
        Run s = spark(args(List.of("validate", "--format", "json", "--findings-out", out), files));
        assertThat(s.exit()).isEqualTo(1);
        long counted = 0;
        for (String f : files) {
            counted += io.github.visionjsonl.DatasetValidator.create().validate(Path.of(f)).findingCount();
        }
        assertThat(spark.read().parquet(out).count()).isEqualTo(counted);
        assertThat(spark.read().parquet(out).columns()).containsExactly("file", "line", "column", "pointer", "code",
                "severity", "message");
        Run again = spark("validate", "--findings-out", out, files.get(0));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists; refusing to overwrite it");
    }
}
