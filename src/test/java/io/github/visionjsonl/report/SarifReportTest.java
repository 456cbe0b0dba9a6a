package io.github.visionjsonl.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.rules.RuleCode;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output: valid against the official schema, rules described, findings located and fingerprinted. */
class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CLEAN = "{\"image_url\": \"AmlDatastore://ds/a%d.jpg\", \"image_details\": "
            + "{\"format\": \"jpg\", \"width\": 100, \"height\": 100}, \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}";
    private static final String BAD = "{\"image_url\": \"AmlDatastore://ds/bad.jpg\", \"image_details\": "
            + "{\"format\": \"jpg\", \"width\": 100, \"height\": 100}, \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 130, \"bottomY\": 0.5}]}";

    @TempDir
    Path dir;

    private static Schema sarifSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String sarif(List<ValidationReport> reports, Path root) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            SarifReport.write(reports, root, g);
        }
        return w.toString();
    }

    @Test
    void everyInvalidSampleAndAPairGiveOneValidLog() throws Exception {
        DatasetValidator validator = DatasetValidator.create();
        List<ValidationReport> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples/invalid"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                reports.add(validator.validate(f));
            }
        }
        PairReport pair = validator.validatePair(Path.of("samples/invalid/pairs/train-validation-leak/train.jsonl"),
                Path.of("samples/invalid/pairs/train-validation-leak/validation.jsonl"));
        reports.add(pair.training());
        reports.add(pair.validation());
        JsonNode log = MAPPER.readTree(sarif(reports, Path.of("")));

        assertThat(sarifSchema().validate(log)).isEmpty();
        JsonNode run = log.get("runs").get(0);
        assertThat(log.get("runs")).hasSize(1);
        assertThat(run.get("artifacts")).hasSize(reports.size());
        assertThat(run.get("artifacts").get(0).get("location").get("uri").asText())
                .isEqualTo("samples/invalid/blank-line.jsonl");
        long findings = reports.stream().mapToLong(r -> r.findings().size()).sum();
        assertThat(run.get("results")).hasSize((int) findings);
        for (JsonNode result : run.get("results")) {
            JsonNode rule = run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
            JsonNode location = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertThat(location.get("uriBaseId").asText()).isEqualTo("SRCROOT");
            assertThat(run.get("artifacts").get(location.get("index").asInt()).get("location").get("uri"))
                    .isEqualTo(location.get("uri"));
        }
        assertThat(sarifSchema().validate(MAPPER.readTree(sarif(List.of(), Path.of(""))))).isEmpty();
        ((ObjectNode) run.get("results").get(0)).put("level", "fatal");
        assertThat(sarifSchema().validate(log)).as("the schema refuses what SARIF does not allow").isNotEmpty();
    }

    @Test
    void theDriverDescribesTheWholeCatalogueWithItsDocumentation() throws Exception {
        JsonNode driver = MAPPER.readTree(SarifReport.toSarif(DatasetValidator.create()
                .validate(Path.of("samples/invalid/coordinate-range.jsonl")))).get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("vision-jsonl");
        assertThat(driver.get("version").asText()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(RuleCode.values().length);
        String docs = Files.readString(Path.of("docs/rules.md"));
        for (RuleCode code : RuleCode.values()) {
            JsonNode rule = rules.get(code.ordinal());
            assertThat(rule.get("id").asText()).isEqualTo(code.code());
            String help = rule.get("help").get("text").asText();
            int start = docs.indexOf("### `" + code.code() + "`");
            assertThat(start).as(code.code()).isNotNegative();
            assertThat(docs.substring(start)).as(code.code()).contains(help);
            assertThat(help).as(code.code()).contains("Default: **" + code.defaultSeverity().label() + "**");
            assertThat(rule.get("fullDescription").get("text").asText()).as(code.code())
                    .startsWith(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("defaultConfiguration").get("level").asText())
                    .isEqualTo(SarifReport.level(code.defaultSeverity()));
        }
        assertThat(rules.get(RuleCode.CLASS_IMBALANCE.ordinal()).get("defaultConfiguration").get("level").asText())
                .isEqualTo("note");
    }

    @Test
    void fingerprintsSurviveLinesInsertedAbove() throws Exception {
        Path before = dir.resolve("before.jsonl");
        Path after = dir.resolve("after.jsonl");
        Files.writeString(before, String.format(CLEAN, 1) + "\n" + BAD + "\n");
        Files.writeString(after, String.format(CLEAN, 7) + "\n" + String.format(CLEAN, 8) + "\n"
                + String.format(CLEAN, 1) + "\n" + BAD + "\n");
        JsonNode one = result(before);
        JsonNode two = result(after);
        assertThat(one.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(2);
        assertThat(two.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(4);
        assertThat(two.get("partialFingerprints")).isEqualTo(one.get("partialFingerprints"));

        Path changed = dir.resolve("changed.jsonl");
        Files.writeString(changed, String.format(CLEAN, 1) + "\n" + BAD.replace("130", "131") + "\n");
        assertThat(result(changed).get("partialFingerprints")).isNotEqualTo(one.get("partialFingerprints"));
    }

    private JsonNode result(Path file) throws Exception {
        ValidationReport report = DatasetValidator.create().validate(file);
        JsonNode results = MAPPER.readTree(sarif(List.of(report), dir)).get("runs").get(0).get("results");
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void fileLevelFindingsHaveNoRegionAndFilesOutsideTheRootAnAbsoluteUri() throws Exception {
        Path empty = dir.resolve("sub dir/empty.jsonl");
        Files.createDirectories(empty.getParent());
        Files.writeString(empty, "");
        ValidationReport report = DatasetValidator.create().validate(empty);
        JsonNode run = MAPPER.readTree(sarif(List.of(report), dir)).get("runs").get(0);
        JsonNode location = run.get("results").get(0).get("locations").get(0).get("physicalLocation");
        assertThat(run.get("results").get(0).get("ruleId").asText()).isEqualTo("empty-dataset");
        assertThat(location.has("region")).isFalse();
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("sub%20dir/empty.jsonl");
        assertThat(run.get("originalUriBaseIds").get("SRCROOT").get("uri").asText()).startsWith("file:").endsWith("/");

        JsonNode outside = MAPPER.readTree(sarif(List.of(report), dir.resolve("elsewhere"))).get("runs").get(0);
        JsonNode artifact = outside.get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation");
        assertThat(artifact.get("uri").asText()).startsWith("file:/").endsWith("empty.jsonl");
        assertThat(artifact.has("uriBaseId")).isFalse();
        assertThat(sarifSchema().validate(MAPPER.readTree(sarif(List.of(report), dir.resolve("elsewhere"))))).isEmpty();
    }
}
