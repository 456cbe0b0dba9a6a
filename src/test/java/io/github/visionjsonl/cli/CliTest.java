package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, text and JSON output, usage errors. */
class CliTest {

    private static final String VALID = "samples/image-object-detection/train.jsonl";
    private static final String INVALID = "samples/invalid/coordinate-range.jsonl";
    private static final String WARNING_ONLY = "samples/invalid/unknown-field.jsonl";

    @Test
    void validFileExitsZero() {
        CliRun r = CliRun.run("validate", VALID);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(VALID + ": image-object-detection, 32 lines", "0 errors", "OK");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorsExitOneAndPrintLikeACompiler() {
        CliRun r = CliRun.run("validate", INVALID);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern(
                "samples/invalid/coordinate-range.jsonl:2:\\d+: error\\[coordinate-range\\]: topX must be in \\[0, 1\\], was 130.0");
        assertThat(r.out()).contains("INVALID");
    }

    @Test
    void failOnDecidesWhichSeverityFails() {
        assertThat(CliRun.run("validate", WARNING_ONLY).exit()).isZero();
        assertThat(CliRun.run("validate", "--fail-on", "warning", WARNING_ONLY).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--rule", "unknown-field=off", "--fail-on", "warning", WARNING_ONLY).exit()).isZero();
        assertThat(CliRun.run("validate", "--rule", "unknown-field=error", WARNING_ONLY).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--rule", "coordinate-range=warning", INVALID).exit()).isZero();
    }

    @Test
    void jsonOutputHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.run("validate", "--format", "json", INVALID);
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("file").asText()).isEqualTo(INVALID);
        assertThat(json.get("task").asText()).isEqualTo("image-object-detection");
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("lines").asInt()).isEqualTo(2);
        assertThat(json.get("records").asInt()).isEqualTo(2);
        assertThat(json.get("errors").asInt()).isEqualTo(4);
        assertThat(json.get("warnings").asInt()).isZero();
        assertThat(json.get("classes").get("can").asInt()).isEqualTo(2);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isPositive();
        assertThat(first.get("pointer").asText()).isEqualTo("/label/0/topX");
        assertThat(first.get("code").asText()).isEqualTo("coordinate-range");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("message").asText()).contains("130.0");
    }

    @Test
    void severalFilesGiveAnArrayAndTheWorstExitCode() throws Exception {
        CliRun r = CliRun.run("validate", "--format", "json", VALID, INVALID);
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("valid").asBoolean()).isTrue();
        assertThat(json.get(1).get("valid").asBoolean()).isFalse();
    }

    @Test
    void unreadableInputsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.run("validate", dir.resolve("none.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("cannot read", "no such file").doesNotContain("\n", "Exception");

        CliRun directory = CliRun.run("validate", dir.toString());
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err().strip()).contains("is a directory").doesNotContain("\n");

        Path corrupt = dir.resolve("bad.jsonl.gz");
        Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        CliRun gz = CliRun.run("validate", "--format", "json", VALID, corrupt.toString());
        assertThat(gz.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(gz.out());
        assertThat(json.get(1).get("error").asText()).isNotBlank();
    }

    @Test
    void commandsThatWriteNeverOverwriteAnExistingFile(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("existing.json"), "keep me");
        for (String[] args : new String[][] {
            {"convert", "--from", "jsonl", "--to", "coco", VALID, "-o", existing.toString()},
            {"fix", VALID, "--output", existing.toString()}}) {
            CliRun r = CliRun.run(args);
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).isEqualTo("vision-jsonl: " + existing + " exists; refusing to overwrite it\n");
            assertThat(Files.readString(existing)).isEqualTo("keep me");
        }
        assertThat(CliRun.run("fix", "--help").out()).contains("-o, --output=OUTPUT", "never over an existing one");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.run("validate").exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--task", "segmentatoin", VALID).err()).contains("unknown task 'segmentatoin'");
        assertThat(CliRun.run("validate", "--task", "segmentatoin", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--rule", "no-such-rule=error", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--rule", "blank-line", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--rule", "blank-line=loud", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--fail-on", "sometimes", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--format", "xml", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--max-findings", "-1", VALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("frobnicate").exit()).isEqualTo(2);
        assertThat(CliRun.run().exit()).isEqualTo(2);
    }

    @Test
    void helpIsCompleteAndExitsZero() {
        CliRun r = CliRun.run("validate", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--task", "--format", "--max-findings", "--rule", "--fail-on", "--fail-fast",
                "--max-line-length", "FILE", "Exit codes", "docs/rules.md");
        assertThat(CliRun.run("--help").out()).contains("validate");
        assertThat(CliRun.run("--version").exit()).isZero();
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        byte[] content = Files.readAllBytes(Path.of(INVALID));
        CliRun r = CliRun.withInput(new ByteArrayInputStream(content), "validate", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("-:2:", "coordinate-range");
        CliRun same = CliRun.run("validate", INVALID);
        assertThat(r.out().replace("-:", INVALID + ":").replace("-: ", INVALID + ": ")).isEqualTo(same.out());
    }

    @Test
    void taskCanBeGiven() {
        CliRun r = CliRun.run("validate", "--task", "segmentation", VALID);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("task-mismatch", "(as given)");
        assertThat(new String(r.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("32 records (0 valid)");
    }

    @Test
    void maxFindingsCapsTheOutput() {
        CliRun r = CliRun.run("validate", "--max-findings", "1", INVALID);
        assertThat(r.out().lines().filter(l -> l.contains("error[")).count()).isEqualTo(1);
        assertThat(r.out()).contains("showing the first 1 of 4 findings");
    }

    @Test
    void pairsPrintBothFilesWithTheirRoles() throws Exception {
        String dir = "samples/invalid/pairs/unseen-validation-label/";
        CliRun r = CliRun.run("validate", "--format", "json", "--train", dir + "train.jsonl", "--validation", dir + "validation.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("role").asText()).isEqualTo("training");
        assertThat(json.get(1).get("role").asText()).isEqualTo("validation");
        assertThat(json.get(1).get("findings").get(0).get("code").asText()).isEqualTo("unseen-validation-label");
        assertThat(CliRun.run("validate", "--train", dir + "train.jsonl").exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--train", dir + "train.jsonl").err()).contains("--train and --validation go together");
        assertThat(CliRun.run("validate", "--train", dir + "none.jsonl", "--validation", dir + "validation.jsonl").exit()).isEqualTo(2);
    }

    @Test
    void imagesRootAndItsOptions() throws Exception {
        String sample = "samples/invalid/images/image-truncated.jsonl";
        assertThat(CliRun.run("validate", sample).exit()).isZero();
        CliRun r = CliRun.run("validate", "--images-root", "samples/invalid/images", "--image-threads", "1", "--threads", "2", sample);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(sample + ":2:15: error[image-truncated]");
        assertThat(CliRun.run("validate", "--images-root", "samples/invalid/images", "--datastore-root", "workspaceblobstore=samples/invalid/images",
                "--decode", sample).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--decode", sample).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--images-root", "samples/invalid/images", "--datastore-root", "nodir", sample).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--images-root", "samples/invalid/images/none", sample).err()).contains("is not a folder");
        assertThat(CliRun.run("validate", "--images-root", "samples/invalid/images", "--image-threads", "0", sample).exit()).isEqualTo(2);
    }

    @Test
    void thresholdOptionsReachTheRules() {
        String sample = "samples/invalid/few-samples.jsonl";
        assertThat(CliRun.run("validate", "--fail-on", "warning", sample).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--fail-on", "warning", "--few-samples", "2", sample).exit()).isZero();
        assertThat(CliRun.run("validate", "--fail-on", "info", "--imbalance-ratio", "1.1", "--few-samples", "0", sample).out())
                .contains("info[class-imbalance]");
        assertThat(CliRun.run("validate", "--duplicate-box-iou", "1.5", sample).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--threads", "0", sample).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--threads", "2", "--fail-on", "warning", sample).exit()).isEqualTo(1);
    }
}
