package io.github.visionjsonl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vision-jsonl.yaml: every key read, every fault one line with its key and line, found up to the repository's root. */
class ConfigFileTest {

    private static final String FULL = """
            task: detection
            rules:
              unknown-field: error
              blank-line: off
              tiny-box: "off"
            thresholds:
              few-samples: 10
              imbalance-ratio: 20
              duplicate-box-iou: 0.9
            max-findings: 5000
            fail-on: warning
            images:
              root: images
              datastore-roots:
                workspaceblobstore: blob
              decode: true
            threads: 2
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ConfigFile c = ConfigFile.read(write("vision-jsonl.yaml", FULL));
        assertThat(c.task()).contains(Task.IMAGE_OBJECT_DETECTION);
        assertThat(c.severities()).containsExactlyEntriesOf(Map.of(RuleCode.UNKNOWN_FIELD, Severity.ERROR));
        assertThat(c.disabled()).containsExactlyInAnyOrder(RuleCode.BLANK_LINE, RuleCode.TINY_BOX);
        assertThat(c.fewSamples()).hasValue(10);
        assertThat(c.imbalanceRatio()).hasValue(20);
        assertThat(c.duplicateBoxIou()).hasValue(0.9);
        assertThat(c.maxFindings()).hasValue(5000);
        assertThat(c.failOn()).contains(Severity.WARNING);
        assertThat(c.imagesRoot()).contains(dir.resolve("images").toAbsolutePath());
        assertThat(c.datastoreRoots()).containsEntry("workspaceblobstore", dir.resolve("blob").toAbsolutePath());
        assertThat(c.decode()).isTrue();
        assertThat(c.threads()).hasValue(2);

        ConfigFile json = ConfigFile.read(write("vision-jsonl.json", "{\"rules\": {\"unknown-field\": \"off\"}, \"max-findings\": 3}"));
        assertThat(json.disabled()).containsExactly(RuleCode.UNKNOWN_FIELD);
        assertThat(json.maxFindings()).hasValue(3);
        assertThat(ConfigFile.read(write("empty.yaml", "")).task()).isEmpty();
    }

    @Test
    void theExampleOfTheDocsIsAValidConfiguration() throws Exception {
        String doc = Files.readString(Path.of("docs/ci.md"));
        int start = doc.indexOf("```yaml\ntask:") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        ConfigFile c = ConfigFile.read(write("vision-jsonl.yaml", example));
        assertThat(c.task()).contains(Task.IMAGE_OBJECT_DETECTION);
        assertThat(c.disabled()).containsExactly(RuleCode.BLANK_LINE);
        assertThat(c.threads()).hasValue(2);
        assertThat(c.duplicateBoxIou()).hasValue(0.9);
    }

    @Test
    void theBuilderTakesTheFileAndLaterCallsOverrideIt() throws Exception {
        Path config = write("c.yaml", "rules:\n  unknown-field: error\n  coordinate-range: off\nmax-findings: 1\n");
        Path data = Path.of("samples/invalid/unknown-field.jsonl");
        ValidationReport r = DatasetValidator.builder().config(config).build().validate(data);
        assertThat(r.errors()).isPositive();
        assertThat(r.findings()).hasSize(1);
        assertThat(DatasetValidator.builder().config(config).severity(RuleCode.UNKNOWN_FIELD, Severity.WARNING).build()
                .validate(data).errors()).isZero();
        assertThat(DatasetValidator.builder().config(config).build()
                .validate(Path.of("samples/invalid/coordinate-range.jsonl")).findings(RuleCode.COORDINATE_RANGE)).isEmpty();
    }

    @Test
    void faultsNameTheKeyAndTheLine() throws Exception {
        String[][] cases = {
            {"task: detection\nrulez:\n  a: b\n", ":2: rulez: unknown key; expected one of task, rules"},
            {"rules:\n  unknown-feild: error\n", ":2: rules.unknown-feild: unknown rule \"unknown-feild\""},
            {"rules:\n  blank-line: loud\n", ":2: rules.blank-line: unknown severity 'loud': expected error, warning, info or off"},
            {"max-findings: many\n", ":1: max-findings: must be an integer, was the string \"many\""},
            {"max-findings: -1\n", ":1: max-findings: must be in [0, 2147483647], was -1"},
            {"threads: 2.5\n", ":1: threads: must be an integer, was the number 2.5"},
            {"thresholds:\n  duplicate-box-iou: 1.5\n", ":2: thresholds.duplicate-box-iou: must be in (0, 1], was 1.5"},
            {"thresholds:\n  max-dropped: 3\n", ":2: thresholds.max-dropped: unknown threshold"},
            {"images:\n  decode: yes please\n", ":2: images.decode: must be true or false"},
            {"images:\n  decode: true\n", "images: datastore-roots and decode need images.root"},
            {"rules: [blank-line]\n", ":1: rules: must be a mapping of keys, was a list"},
            {"- a\n- b\n", ":1: the configuration must be a mapping of keys"},
            {"fail-on: warning\nfail-on: error\n", ":2: fail-on: given twice"},
            {"task: \"unclosed\n", "not valid YAML"},
            {"task: detection\n\u0000\u0001\u0002\n", "not valid YAML"},
            {"a: &a [x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\n"
                    + "e: &e [*d, *d, *d, *d]\nf: [*e, *e, *e, *e]\n", "vision-jsonl.yaml"},
            {"task: detection\n---\ntask: segmentation\n", "one document only"},
        };
        for (String[] c : cases) {
            Path file = write("vision-jsonl.yaml", c[0]);
            assertThatThrownBy(() -> ConfigFile.read(file)).as(c[0]).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(file.toString()).hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void binaryHugeAndRandomFilesAreOneLineFaults() throws Exception {
        Random random = new Random(Long.getLong("visionjsonl.fuzz.seed", 16));
        int iterations = Integer.getInteger("visionjsonl.fuzz.iterations", 200);
        for (int i = 0; i < iterations; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (i % 2 == 0) {
                // Mostly YAML-shaped: keys, colons, indentation, anchors.
                byte[] alphabet = "task:rules\n  -[]{}&*!|>'\"#%@`,?0.5e off\t".getBytes(StandardCharsets.UTF_8);
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = alphabet[random.nextInt(alphabet.length)];
                }
            }
            Path file = Files.write(dir.resolve("vision-jsonl.yaml"), bytes);
            try {
                ConfigFile.read(file);
            } catch (ConfigException e) {
                assertThat(e.getMessage()).doesNotContain("\n", "Exception").startsWith(file.toString());
            }
        }
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 't', 'a'});
        assertThatThrownBy(() -> ConfigFile.read(latin1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML").satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(1 << 20) + "\n");
        assertThatThrownBy(() -> ConfigFile.read(huge)).isInstanceOf(ConfigException.class).hasMessageContaining("too large");
    }

    @Test
    void theFileIsFoundInTheFolderOrAParentUpToTheRepositoryRoot() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path deep = Files.createDirectories(repo.resolve("data/train"));
        assertThat(ConfigFile.find(deep)).isEmpty();
        write("vision-jsonl.yaml", "task: detection\n");
        assertThat(ConfigFile.find(deep)).as("not above the repository's root").isEmpty();
        Path inRepo = Files.writeString(repo.resolve("vision-jsonl.yml"), "");
        assertThat(ConfigFile.find(deep)).contains(inRepo);
        Path nearer = Files.writeString(repo.resolve("data/vision-jsonl.json"), "{}");
        assertThat(ConfigFile.find(deep)).contains(nearer);
        Path yaml = Files.writeString(repo.resolve("data/vision-jsonl.yaml"), "");
        assertThat(ConfigFile.find(repo.resolve("data"))).as("yaml first").contains(yaml);

        Path outside = Files.createDirectories(dir.resolve("plain/sub"));
        assertThat(ConfigFile.find(outside)).as("outside a repository: only the folder itself").isEmpty();
        Path own = Files.writeString(outside.resolve("vision-jsonl.yaml"), "");
        assertThat(ConfigFile.find(outside)).contains(own);
    }
}
