package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every COCO value of the wrong type or out of range is a finding on its pointer, never a default value. */
class CocoInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String IMAGE = "{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 10, \"height\": 10}";
    private static final String CATEGORY = "{\"id\": 1, \"name\": \"can\"}";

    private ConversionResult convert(Task task, String json) throws Exception {
        Path in = Files.writeString(Files.createTempFile(dir, "coco", ".json"), json);
        return new CocoToJsonl(task, "").convert(in, dir.resolve(in.getFileName() + ".jsonl"));
    }

    private static String coco(String images, String annotations, String categories) {
        return "{\"images\": " + images + ", \"annotations\": " + annotations + ", \"categories\": " + categories + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"images", "annotations", "categories"})
    void aTableThatIsNotAListIsAnInputError(String table) throws Exception {
        String json = coco(table.equals("images") ? "{}" : "[" + IMAGE + "]", table.equals("annotations") ? "{}" : "[]",
                table.equals("categories") ? "{\"1\": \"can\"}" : "[" + CATEGORY + "]");
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, json);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_INPUT);
        assertThat(r.findings().get(0).pointer()).isEqualTo("/" + table);
        assertThat(r.findings().get(0).message()).isEqualTo("\"" + table + "\" must be a list, not an object");
        assertThat(r.records()).isZero();
    }

    @Test
    void aSyntaxErrorSaysWhere() throws Exception {
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, "{\"images\": [\n  {\"id\": 1,, }]}");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.CONVERT_INPUT);
            assertThat(f.message()).contains("at line 2, column");
        });
    }

    @Test
    void idsThatAreNotIntegersNeverCollide() throws Exception {
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, coco("[" + IMAGE + ", {\"id\": \"x\", \"file_name\": "
                + "\"b.jpg\", \"width\": 10, \"height\": 10}]", "[{\"id\": 1, \"image_id\": 1, \"category_id\": \"zzz\", "
                + "\"bbox\": [1, 1, 2, 2]}, {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2]}]",
                "[" + CATEGORY + ", {\"id\": \"zzz\", \"name\": \"milk\"}, {\"id\": 1, \"name\": \"carton\"}]"));
        assertThat(r.findings()).extracting(Finding::pointer).containsExactly("/images/1", "/annotations/0",
                "/categories/1", "/categories/2");
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "image \"x\" left out: its id \"x\" is not an integer",
                "annotation 1 left out: its category_id \"zzz\" is not an integer",
                "category \"milk\" left out: its id \"zzz\" is not an integer",
                "category \"carton\" left out: its id 1 is already category \"can\"");
        JsonNode line = JSON.readTree(Files.readAllLines(r.output()).get(0));
        assertThat(line.get("label")).singleElement().satisfies(b -> assertThat(b.get("label").asText()).isEqualTo("can"));
        assertThat(r.records()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"NaN\", 1, 2, 2]", "[1e400, 1, 2, 2]", "[1, 1, \"2\", 2]", "{\"x\": 1}", "[1e308, 1, 1e308, 2]"})
    void aBoxThatIsNotFourFiniteNumbersIsLeftOutWithAFinding(String bbox) throws Exception {
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, coco("[" + IMAGE + "]",
                "[{\"id\": 7, \"image_id\": 1, \"category_id\": 1, \"bbox\": " + bbox + "}]", "[" + CATEGORY + "]"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.CONVERT_SKIPPED);
            assertThat(f.pointer()).isEqualTo("/annotations/0");
            assertThat(f.message()).startsWith("annotation 7 left out: ");
        });
        assertThat(Files.readString(r.output())).contains("\"label\":[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "\"1\"", "true", "0.5"})
    void anIsCrowdThatIsNotZeroOrOneIsAFinding(String crowd) throws Exception {
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, coco("[" + IMAGE + "]",
                "[{\"id\": 7, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"iscrowd\": " + crowd + "}]",
                "[" + CATEGORY + "]"));
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("annotation 7 left out: its iscrowd " + crowd + " is not 0 or 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"640\"", "1e400", "-5", "10.5", "null", "[10]"})
    void aSizeThatIsNotAPositiveWholeNumberLeavesTheImageOut(String width) throws Exception {
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, coco("[{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": "
                + width + ", \"height\": 10}]", "[]", "[" + CATEGORY + "]"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/images/0");
            assertThat(f.message()).contains("width and height must be positive whole numbers");
        });
        assertThat(r.records()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[-2, 3]", "[3000000000, 2]", "[10]", "[\"10\", 10]", "[0, 10]", "[2.5, 4]"})
    void anRleSizeOutOfBoundsIsAFinding(String size) throws Exception {
        ConversionResult r = convert(Task.IMAGE_INSTANCE_SEGMENTATION, coco("[" + IMAGE + "]",
                "[{\"id\": 3, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": " + size
                        + ", \"counts\": \"PPYo1\"}}]", "[" + CATEGORY + "]"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.CONVERT_SKIPPED);
            assertThat(f.message()).startsWith("annotation 3 left out: ");
        });
    }

    @Test
    void rleCountsThatAreNotWholeNumbersAreAFinding() throws Exception {
        ConversionResult r = convert(Task.IMAGE_INSTANCE_SEGMENTATION, coco("[" + IMAGE + "]",
                "[{\"id\": 3, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [10, 10], "
                        + "\"counts\": [5, \"x\", 3]}}]", "[" + CATEGORY + "]"));
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("count 1", "\"x\""));
    }

    @Test
    void anAnnotationWithoutAPolygonIsLeftOutOrTakesItsBoxWhenAsked() throws Exception {
        String json = coco("[" + IMAGE + "]", "[{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 4, 6], "
                + "\"segmentation\": []}, {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], "
                + "\"segmentation\": [[1, 1, 5], \"x\", [1, 1, 5, 1, 5, 5]]}, {\"id\": 3, \"image_id\": 1, \"category_id\": 1, "
                + "\"bbox\": [0, 0, 5, 5]}]", "[" + CATEGORY + "]");
        ConversionResult left = convert(Task.IMAGE_INSTANCE_SEGMENTATION, json);
        assertThat(left.findings()).extracting(Finding::pointer).containsExactly("/annotations/0",
                "/annotations/1/segmentation/0", "/annotations/1/segmentation/1", "/annotations/2");
        assertThat(left.findings().get(0).message()).isEqualTo(
                "annotation 1 left out: no segmentation (--box-as-polygon makes its bbox the polygon)");
        assertThat(left.findings().get(1).message()).contains("has 3 values");
        JsonNode masks = JSON.readTree(Files.readAllLines(left.output()).get(0)).get("label");
        assertThat(masks).singleElement().satisfies(m -> assertThat(m.get("polygon").toString())
                .isEqualTo("[[0.1,0.1,0.5,0.1,0.5,0.5]]"));
        assertThat(Files.readString(left.output())).doesNotContain("\"polygon\":[]");
        assertThat(left.validation().errors()).isZero();

        Path in = Files.writeString(dir.resolve("boxes.json"), json);
        ConversionResult boxes = new CocoToJsonl(Task.IMAGE_INSTANCE_SEGMENTATION, "").boxAsPolygon(true)
                .convert(in, dir.resolve("boxes.jsonl"));
        JsonNode label = JSON.readTree(Files.readAllLines(boxes.output()).get(0)).get("label");
        assertThat(label).hasSize(3);
        assertThat(label.get(0).get("polygon").toString()).isEqualTo("[[0.1,0.2,0.5,0.2,0.5,0.8,0.1,0.8]]");
        assertThat(boxes.validation().errors()).isZero();
    }

    @Test
    void warningsAreCountedBeyondTheKeptOnes() throws Exception {
        StringBuilder annotations = new StringBuilder("[");
        int n = ConversionLog.KEPT + 500;
        for (int i = 0; i < n; i++) {
            annotations.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append(", \"image_id\": 1, \"category_id\": 9}");
        }
        ConversionResult r = convert(Task.IMAGE_OBJECT_DETECTION, coco("[" + IMAGE + "]", annotations + "]", "[" + CATEGORY + "]"));
        assertThat(r.findings()).hasSize(ConversionLog.KEPT);
        assertThat(r.findingCount()).isEqualTo(n);
        assertThat(r.findingsTruncated()).isTrue();
    }
}
