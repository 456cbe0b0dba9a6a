package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line in CI: SARIF output. */
class CiCliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID = "samples/invalid/coordinate-range.jsonl";

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void sarifNamesFilesRelativeToTheRootAndKeepsTheExitCode() throws Exception {
        Result r = run("validate", "--format", "sarif", INVALID, "samples/invalid/unknown-field.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        JsonNode run = MAPPER.readTree(r.out()).get("runs").get(0);
        assertThat(run.get("artifacts")).hasSize(2);
        assertThat(run.get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText()).isEqualTo(INVALID);

        Result rooted = run("validate", "--format", "sarif", "--sarif-root", "samples/invalid", INVALID);
        assertThat(MAPPER.readTree(rooted.out()).get("runs").get(0).get("artifacts").get(0).get("location")
                .get("uri").asText()).isEqualTo("coordinate-range.jsonl");
        assertThat(MAPPER.readTree(rooted.out()).get("runs").get(0).get("originalUriBaseIds").get("SRCROOT")
                .get("uri").asText()).isEqualTo(Path.of("samples/invalid").toAbsolutePath().toUri().toString());
    }

    @Test
    void sarifRootWithoutSarifIsAUsageError() {
        Result r = run("validate", "--sarif-root", ".", INVALID);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--sarif-root goes with --format sarif");
    }
}
