package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/schemas accept the clean samples and refuse what a schema can express. */
class SchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema(String task) throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("docs/schemas/" + task + ".schema.json")));
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void cleanSamplesPass(Task task) throws Exception {
        Schema schema = schema(task.sdkName());
        for (String file : new String[] {"train.jsonl", "validation.jsonl"}) {
            for (String line : Files.readAllLines(Path.of("samples", task.sdkName(), file))) {
                assertThat(schema.validate(MAPPER.readTree(line))).as(line).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "image-object-detection, coordinate-range", "image-object-detection, missing-field",
        "image-object-detection, wrong-type", "image-object-detection, numeric-string",
        "image-object-detection, image-url-empty", "image-object-detection, image-url-malformed",
        "image-object-detection, image-url-not-datastore", "image-object-detection, image-format",
        "image-object-detection, image-size", "image-object-detection, unknown-field",
        "image-object-detection, label-empty", "image-object-detection, label-whitespace",
        "image-object-detection, label-reserved", "image-object-detection, is-crowd-value",
        "image-classification, label-type", "image-classification-multilabel, label-list-empty",
        "image-classification-multilabel, label-duplicate", "image-instance-segmentation, polygon-shape",
        "image-instance-segmentation, polygon-too-few-points", "image-instance-segmentation, polygon-range"})
    void schemaRefusesWhatItCanExpress(String task, String rule) throws Exception {
        Schema schema = schema(task);
        String broken = Files.readAllLines(Path.of("samples/invalid", rule + ".jsonl")).get(1);
        assertThat(schema.validate(MAPPER.readTree(broken))).as(broken).isNotEmpty();
    }
}
