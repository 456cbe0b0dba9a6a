package io.github.visionjsonl.mltable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLTable data assets: the MLTable as the job's loader reads it, then its JSONL files. */
class MLTableTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();
    private static final String LINE = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"can\"}\n"
            + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"cup\"}\n";
    private static final String READ = """
            transformations:
              - read_json_lines:
                  encoding: utf8
                  invalid_lines: error
                  include_path_column: false
              - convert_column_types:
                  - columns: image_url
                    column_type: stream_info
            """;

    @TempDir
    Path dir;

    private MLTableReport check(String mltable) throws IOException {
        Files.writeString(dir.resolve("MLTable"), mltable);
        return VALIDATOR.validateMLTable(dir);
    }

    private MLTableReport withData(String mltable) throws IOException {
        Files.writeString(dir.resolve("train.jsonl"), LINE);
        return check(mltable);
    }

    private static List<RuleCode> rules(MLTableReport r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void theGoodSampleIsCleanAndItsImagesAreChecked() throws IOException {
        Path good = Path.of("samples/mltable/good");
        MLTableReport r = DatasetValidator.builder().images(ImageOptions.under(good)).build().validateMLTable(good);
        assertThat(r.findings()).isEmpty();
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(Path.of("samples/mltable/good/train_annotations.jsonl").toString());
            assertThat(f.findingCount()).isZero();
            assertThat(f.runtime().annotationsKept()).isEqualTo(3);
        });
        assertThat(r.isValid()).isTrue();
        assertThat(r.mltable()).isEqualTo(good.resolve("MLTable"));
        assertThat(VALIDATOR.validateMLTable(good.resolve("MLTable")).findings()).isEmpty();
    }

    @Test
    void theBrokenSampleSaysWhereEachProblemIs() throws IOException {
        MLTableReport r = VALIDATOR.validateMLTable(Path.of("samples/mltable/broken"));
        assertThat(r.findings()).extracting(Finding::line, Finding::column, Finding::rule, Finding::pointer).containsExactly(
                Tuple.tuple(5L, 14, RuleCode.MLTABLE_PATH_MISSING, "/paths/1/pattern"),
                Tuple.tuple(9L, 7, RuleCode.MLTABLE_UNKNOWN_KEY, "/transformations/0/read_json_lines/invalid_line"),
                Tuple.tuple(12L, 22, RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM,
                        "/transformations/1/convert_column_types/0/column_type"));
        assertThat(r.findings().get(1).message()).contains("did you mean \"invalid_lines\"");
        assertThat(r.isValid()).isFalse();
        assertThat(r.files().get(0).findings(RuleCode.JSON_SYNTAX)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("with invalid_lines: error in", "fails the whole job"));
    }

    @Test
    void invalidLinesDropSaysTheLineIsDropped() throws IOException {
        Files.writeString(dir.resolve("train.jsonl"), LINE + "{broken\n");
        MLTableReport r = check("paths:\n  - file: ./train.jsonl\n" + READ.replace("invalid_lines: error", "invalid_lines: drop"));
        assertThat(r.dropsInvalidLines()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(r.files().get(0).findings(RuleCode.JSON_SYNTAX)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("invalid_lines: drop", "dropped"));
        assertThat(r.files().get(0).errors()).isEqualTo(1);
    }

    @Test
    void pathsResolveAgainstTheMLTablesFolder() throws IOException {
        Files.createDirectories(dir.resolve("data/more"));
        Files.writeString(dir.resolve("data/a.jsonl"), LINE);
        Files.writeString(dir.resolve("data/more/b.jsonl"), LINE);
        Files.writeString(dir.resolve("data/notes.txt"), LINE);
        MLTableReport r = check("paths:\n  - pattern: ./data/*.jsonl\n  - pattern: data/**/*.jsonl\n"
                + "  - folder: ./data/more\n  - file: https://example.com/x.jsonl\n" + READ);
        assertThat(r.files()).extracting(f -> Path.of(f.source()).getFileName().toString()).containsExactly("a.jsonl", "b.jsonl");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.MLTABLE_PATH_MISSING);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not checkable here");
        });
        assertThat(r.isValid()).isTrue();
        MLTableReport absolute = check("paths:\n  - pattern: " + dir.toAbsolutePath().resolve("data") + "/*.jsonl\n" + READ);
        assertThat(absolute.findings()).isEmpty();
        assertThat(absolute.files()).hasSize(1);
    }

    @Test
    void aPathThatMatchesNothingIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        MLTableReport r = check("paths:\n  - file: ./missing.jsonl\n  - folder: ./empty\n  - pattern: ./*.json\n"
                + "  - file: ./\n" + READ);
        assertThat(rules(r)).containsOnly(RuleCode.MLTABLE_PATH_MISSING).hasSize(4);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(r.files()).isEmpty();
    }

    @Test
    void noPaths() throws IOException {
        assertThat(rules(check(READ))).containsExactly(RuleCode.MLTABLE_NO_PATHS);
        assertThat(rules(check("paths: []\n" + READ))).containsExactly(RuleCode.MLTABLE_NO_PATHS);
        assertThat(rules(check("paths:\n  - files: ./train.jsonl\n" + READ)))
                .containsExactly(RuleCode.MLTABLE_NO_PATHS, RuleCode.MLTABLE_UNKNOWN_KEY);
        assertThat(rules(withData("paths:\n  - file: ./train.jsonl\n" + READ))).isEmpty();
    }

    @Test
    void readJsonLinesAndTheStreamConversionAreNeeded() throws IOException {
        String paths = "paths:\n  - file: ./train.jsonl\n";
        assertThat(rules(withData(paths))).containsExactly(RuleCode.MLTABLE_NO_JSON_LINES,
                RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM);
        assertThat(rules(withData(paths + "transformations:\n  - read_json_lines\n")))
                .containsExactly(RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM);
        assertThat(rules(withData(paths + "transformations:\n  - read_delimited:\n      delimiter: ','\n"
                + "  - convert_column_types:\n      - columns: image_url\n        column_type: stream_info\n")))
                .containsExactly(RuleCode.MLTABLE_NO_JSON_LINES);
        assertThat(rules(withData(paths + READ.replace("columns: image_url", "columns: label"))))
                .containsExactly(RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM);
        assertThat(rules(withData(paths + READ.replace("columns: image_url", "columns: [label, image_url]")))).isEmpty();
        assertThat(rules(withData(paths + READ + "  - take: 100\n"))).isEmpty();
    }

    @Test
    void unknownKeysTransformationsAndValuesAreWarnings() throws IOException {
        MLTableReport r = withData("paths:\n  - file: ./train.jsonl\n" + READ.replace("encoding: utf8", "encoding: utf-8")
                .replace("invalid_lines: error", "invalid_lines: skip") + "  - read_jsonl_lines: {}\ndescription: x\n");
        assertThat(r.findings()).extracting(Finding::rule, Finding::severity).containsOnly(
                Tuple.tuple(RuleCode.MLTABLE_UNKNOWN_KEY, Severity.WARNING));
        assertThat(r.findings()).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("encoding must be one of utf8", "was \"utf-8\""),
                m -> assertThat(m).contains("invalid_lines must be one of error, drop, was \"skip\""),
                m -> assertThat(m).contains("unknown transformation \"read_jsonl_lines\" (did you mean \"read_json_lines\"?)"),
                m -> assertThat(m).contains("unknown key \"description\" in the MLTable"));
        assertThat(r.isValid()).isTrue();
    }

    @Test
    void badYamlIsOneFindingWithItsPlace() throws IOException {
        MLTableReport r = check("paths:\n  - file: ./a.jsonl\n transformations: [\n");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.MLTABLE_SYNTAX);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.column()).isPositive();
            assertThat(f.message()).doesNotContain("\n");
        });
        assertThat(rules(check("- paths\n- transformations\n"))).containsExactly(RuleCode.MLTABLE_SYNTAX);
        assertThat(rules(check("paths: []\npaths: []\n"))).containsExactly(RuleCode.MLTABLE_SYNTAX);
        assertThat(rules(check("paths: []\n---\npaths: []\n"))).containsExactly(RuleCode.MLTABLE_SYNTAX);
    }

    @Test
    void binaryHugeDeepAndAliasBombsAreFindingsInBoundedTime() throws IOException {
        byte[] binary = {'p', 'a', 't', 'h', 's', ':', 0, 1, 2, (byte) 0xFF, (byte) 0xD8};
        Files.write(dir.resolve("MLTable"), binary);
        assertThat(rules(VALIDATOR.validateMLTable(dir))).containsExactly(RuleCode.MLTABLE_SYNTAX);
        Files.write(dir.resolve("MLTable"), new byte[] {'a', ':', ' ', 'b', 0});
        assertThat(VALIDATOR.validateMLTable(dir).findings().get(0).message()).contains("NUL byte");

        assertThat(check("# " + "x".repeat(YamlReader.MAX_BYTES) + "\n").findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("more than the 1048576"));
        assertThat(rules(check("a: ".repeat(1) + "[".repeat(10_000) + "]".repeat(10_000) + "\n")))
                .containsExactly(RuleCode.MLTABLE_SYNTAX);

        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        bomb.append("paths:\n  - file: *z\n");
        long start = System.nanoTime();
        MLTableReport r = check(bomb.toString());
        assertThat(System.nanoTime() - start).as("no expansion").isLessThan(TimeUnit.SECONDS.toNanos(30));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.MLTABLE_SYNTAX);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("an alias (*a)");
        });
    }

    /**
     * Mutations of a real MLTable (bytes flipped, cut, repeated, YAML punctuation thrown in):
     * every one gives findings or none, never an exception. More with
     * {@code -Dvisionjsonl.fuzz.iterations=N}.
     */
    @Test
    void mutatedMLTablesNeverThrow() throws IOException {
        byte[] good = Files.readAllBytes(Path.of("samples/mltable/good/MLTable"));
        byte[] punctuation = "-:[]{}&*!|>'\"%@`#,?\n\t ".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(15);
        int iterations = Integer.getInteger("visionjsonl.fuzz.iterations", 300);
        for (int i = 0; i < iterations; i++) {
            byte[] b = good.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(4)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> b[at] = punctuation[random.nextInt(punctuation.length)];
                    case 2 -> b = Arrays.copyOf(b, at + 1);
                    default -> {
                        byte[] longer = Arrays.copyOf(b, b.length + at);
                        System.arraycopy(b, 0, longer, b.length, at);
                        b = longer;
                    }
                }
            }
            Files.write(dir.resolve("MLTable"), b);
            MLTableReport r = VALIDATOR.validateMLTable(dir);
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("\n").isNotBlank());
        }
    }

    @Test
    void aFolderWithoutMLTableIsAnInputError() {
        assertThat(MLTableValidation.isMLTable(dir)).isFalse();
        assertThatThrownBy(() -> VALIDATOR.validateMLTable(dir)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void rulesTurnedOffOrReweightedApply() throws IOException {
        Files.writeString(dir.resolve("MLTable"), READ);
        MLTableReport off = DatasetValidator.builder().disable(RuleCode.MLTABLE_NO_PATHS).build().validateMLTable(dir);
        assertThat(off.findings()).isEmpty();
        MLTableReport warned = DatasetValidator.builder().severity(RuleCode.MLTABLE_NO_PATHS, Severity.WARNING).build()
                .validateMLTable(dir);
        assertThat(warned.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(warned.isValid()).isTrue();
        assertThat(Files.readString(dir.resolve("MLTable"), StandardCharsets.UTF_8)).isEqualTo(READ);
    }
}
