package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in CI: SARIF output, summaries that scale, the configuration file. */
class CiCliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID = "samples/invalid/coordinate-range.jsonl";

    @Test
    void sarifNamesFilesRelativeToTheRootAndKeepsTheExitCode() throws Exception {
        CliRun r = CliRun.run("validate", "--format", "sarif", INVALID, "samples/invalid/unknown-field.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        JsonNode run = MAPPER.readTree(r.out()).get("runs").get(0);
        assertThat(run.get("artifacts")).hasSize(2);
        assertThat(run.get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText()).isEqualTo(INVALID);

        CliRun rooted = CliRun.run("validate", "--format", "sarif", "--sarif-root", "samples/invalid", INVALID);
        assertThat(MAPPER.readTree(rooted.out()).get("runs").get(0).get("artifacts").get(0).get("location")
                .get("uri").asText()).isEqualTo("coordinate-range.jsonl");
        assertThat(MAPPER.readTree(rooted.out()).get("runs").get(0).get("originalUriBaseIds").get("SRCROOT")
                .get("uri").asText()).isEqualTo(Path.of("samples/invalid").toAbsolutePath().toUri().toString());
    }

    /** A detection file with {@code n} boxes out of range and one unknown key per line, on {@code n} lines. */
    static Path manyFindings(Path dir, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("{\"image_url\": \"AmlDatastore://ds/").append(i).append(".jpg\", \"x\": 1, \"label\": [{\"label\": \"can\", ")
                    .append("\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 3, \"bottomY\": 0.5}]}\n");
        }
        return Files.writeString(dir.resolve("many.jsonl"), b);
    }

    @Test
    void textPrintsTenFindingsOfARuleThenCountsTheRest(@TempDir Path dir) throws Exception {
        Path file = manyFindings(dir, 30);
        CliRun r = CliRun.run("validate", "--max-findings", "25", file.toString());
        assertThat(r.out().lines().filter(l -> l.contains("error[coordinate-range]"))).hasSize(10);
        assertThat(r.out().lines().filter(l -> l.contains("warning[unknown-field]"))).hasSize(10);
        assertThat(r.out()).contains("... and 20 more coordinate-range errors like the ones above\n",
                "... and 20 more unknown-field warnings like the ones above\n");
        assertThat(r.out()).containsPattern("\n  rule +findings\n  unknown-field +30 warnings\n  coordinate-range +30 errors\n  empty-dataset +1 error\n");

        CliRun all = CliRun.run("validate", "--max-per-rule", "0", "--max-findings", "100", file.toString());
        assertThat(all.out().lines().filter(l -> l.startsWith(file + ":") && l.contains("]: "))).hasSize(61);
        assertThat(all.out()).doesNotContain("more coordinate-range");
        assertThat(CliRun.run("validate", "--max-per-rule", "3", file.toString()).out().lines()
                .filter(l -> l.startsWith(file + ":") && l.contains("]: "))).hasSize(7);
        assertThat(CliRun.run("validate", "--max-per-rule", "-1", file.toString()).exit()).isEqualTo(2);
    }

    @Test
    void jsonCountsEveryFindingPerRule(@TempDir Path dir) throws Exception {
        Path file = manyFindings(dir, 30);
        JsonNode json = MAPPER.readTree(CliRun.run("validate", "--format", "json", "--max-findings", "5", file.toString()).out());
        assertThat(json.get("findings")).hasSize(5);
        assertThat(json.get("rules").get("coordinate-range").get("severity").asText()).isEqualTo("error");
        assertThat(json.get("rules").get("coordinate-range").get("count").asInt()).isEqualTo(30);
        assertThat(json.get("rules").get("unknown-field").get("severity").asText()).isEqualTo("warning");
        assertThat(json.get("rules").get("unknown-field").get("count").asInt()).isEqualTo(30);
        assertThat(json.get("rules").get("empty-dataset").get("count").asInt()).isEqualTo(1);
        assertThat(json.get("rules")).hasSize(3);
        assertThat(MAPPER.readTree(CliRun.run("validate", "--format", "json", "samples/image-object-detection/train.jsonl").out())
                .get("rules")).isEmpty();
    }

    @Test
    void severalFilesEndWithOneTotalLine(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("validate", INVALID, "samples/invalid/unknown-field.jsonl", "samples/image-object-detection/train.jsonl",
                dir.resolve("none.jsonl").toString());
        assertThat(r.out()).endsWith("4 files: 1 invalid, 2 valid, 1 unreadable; 4 errors, 1 warning\n");
        assertThat(CliRun.run("validate", INVALID).out()).doesNotContain(" files: ");
        assertThat(CliRun.run("validate", "--train", "samples/image-object-detection/train.jsonl", "--validation",
                "samples/image-object-detection/validation.jsonl").out()).containsPattern("\n2 files: 0 invalid, 2 valid; 0 errors, \\d+ warnings?\n$");
    }

    @Test
    void aConfigFileSetsWhatTheCommandLineDoesNotSay(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vision-jsonl.yaml"),
                "rules:\n  unknown-field: error\nfail-on: warning\nmax-findings: 2\n");
        String warnings = "samples/invalid/unknown-field.jsonl";
        assertThat(CliRun.run("validate", warnings).exit()).isZero();
        assertThat(CliRun.run("validate", "--config", config.toString(), warnings).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--config", config.toString(), "--rule", "unknown-field=info", warnings).exit())
                .as("--rule overrides the file, fail-on warning from the file lets info pass").isZero();
        assertThat(CliRun.run("validate", "--config", config.toString(), "--rule", "unknown-field=info", "--fail-on", "info",
                warnings).exit()).isEqualTo(1);
        Path many = manyFindings(dir, 30);
        JsonNode json = MAPPER.readTree(CliRun.run("validate", "--config", config.toString(), "--format", "json", many.toString()).out());
        assertThat(json.get("findings")).hasSize(2);
        json = MAPPER.readTree(CliRun.run("validate", "--config", config.toString(), "--max-findings", "7", "--format", "json",
                many.toString()).out());
        assertThat(json.get("findings")).hasSize(7);
    }

    @Test
    void aConfigFileNamesTheImagesAndThresholdsRelativeToItsFolder(@TempDir Path dir) throws Exception {
        Path samples = Path.of("samples/invalid").toAbsolutePath();
        Path config = Files.writeString(dir.resolve("c.yaml"),
                "images:\n  root: " + dir.relativize(samples.resolve("images")) + "\n  decode: true\n");
        String sample = "samples/invalid/images/image-truncated.jsonl";
        CliRun r = CliRun.run("validate", "--config", config.toString(), sample);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(sample + ":2:15: error[image-truncated]");

        Path thresholds = Files.writeString(dir.resolve("t.yaml"), "thresholds:\n  few-samples: 2\n");
        String few = "samples/invalid/few-samples.jsonl";
        assertThat(CliRun.run("validate", "--fail-on", "warning", few).exit()).isEqualTo(1);
        assertThat(CliRun.run("validate", "--config", thresholds.toString(), "--fail-on", "warning", few).exit()).isZero();
        assertThat(CliRun.run("validate", "--config", thresholds.toString(), "--few-samples", "5", "--fail-on", "warning", few)
                .exit()).isEqualTo(1);
    }

    @Test
    void aBrokenConfigIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vision-jsonl.yaml"), "task: detection\nrules:\n  unknown-feild: error\n");
        CliRun r = CliRun.run("validate", "--config", config.toString(), INVALID);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vision-jsonl: " + config + ":3: rules.unknown-feild: unknown rule \"unknown-feild\"; "
                + "docs/rules.md lists the codes\n");
        CliRun missing = CliRun.run("validate", "--config", dir.resolve("none.yaml").toString(), INVALID);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read config").contains("no such file").hasLineCount(1);
        assertThat(CliRun.run("validate", "--config", config.toString(), "--no-config", INVALID).exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--no-config", INVALID).exit()).isEqualTo(1);
    }

    @Test
    void sarifRootWithoutSarifIsAUsageError() {
        CliRun r = CliRun.run("validate", "--sarif-root", ".", INVALID);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--sarif-root goes with --format sarif");
    }
}
