package io.github.visionjsonl;

import static io.github.visionjsonl.Samples.CLASSIFICATION;
import static io.github.visionjsonl.Samples.DETECTION;
import static io.github.visionjsonl.Samples.MULTILABEL;
import static io.github.visionjsonl.Samples.SEGMENTATION;
import static io.github.visionjsonl.Samples.box;
import static io.github.visionjsonl.Samples.detection;
import static io.github.visionjsonl.Samples.polygon;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-firing half of the rule catalogue: for every rule, inputs close to the firing ones
 * that must not fire it (boundaries, allowed variants).
 */
class RuleNonFiringTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();
    private static final Map<RuleCode, List<String>> NEAR_MISSES = new EnumMap<>(RuleCode.class);

    private static void add(RuleCode rule, String... files) {
        NEAR_MISSES.computeIfAbsent(rule, r -> new ArrayList<>()).addAll(Arrays.asList(files));
    }

    private static String url(String url) {
        return "{\"image_url\": \"" + url + "\", \"label\": \"can\"}";
    }

    private static String details(String detailsJson) {
        return "{\"image_url\": \"" + Samples.URL + "\", \"image_details\": " + detailsJson + ", \"label\": \"can\"}";
    }

    static {
        String longPolygon = "[[" + "0.5, 0.25, ".repeat(2000) + "0.5, 0.75, 0.25, 0.5]]";
        add(RuleCode.JSON_SYNTAX, DETECTION + "   ", "{\"image_url\": \"" + Samples.URL + "\", \"label\": \"caf\\u00e9\"}");
        add(RuleCode.NOT_AN_OBJECT, DETECTION, CLASSIFICATION);
        add(RuleCode.BLANK_LINE, DETECTION + "\n" + DETECTION + "\n", DETECTION + "\r\n" + DETECTION + "\r\n", DETECTION);
        add(RuleCode.LINE_TOO_LONG, polygon(longPolygon));
        add(RuleCode.INVALID_ENCODING, "{\"image_url\": \"" + Samples.URL + "\", \"label\": \"café 🥫\"}");
        add(RuleCode.BYTE_ORDER_MARK, DETECTION + "\n\uFEFF" + DETECTION.substring(1).replace("{\"image_url", "{\"image_url"));
        add(RuleCode.DUPLICATE_KEY, DETECTION, "{\"image_url\": \"" + Samples.URL + "\", \"label\": [{\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1}, {\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1}]}",
                // the same unknown key on two lines, and at two levels of one line
                "{\"image_url\": \"" + Samples.URL + "\", \"label\": \"can\", \"source\": 1}\n"
                        + "{\"image_url\": \"" + Samples.URL.replace("1.jpg", "2.jpg") + "\", \"label\": \"can\", \"source\": 1}\n",
                "{\"image_url\": \"" + Samples.URL + "\", \"source\": 1, \"image_details\": {\"source\": 2}, \"label\": \"can\"}");
        add(RuleCode.NON_FINITE_NUMBER, box("0", "1e-320", "1", "1.0"), box("0.0", "0.1", "1E0", "0.5"));
        add(RuleCode.UNKNOWN_FIELD, DETECTION, SEGMENTATION, detection("\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.2, \"bottomY\": 0.2, \"isCrowd\": 1"));
        add(RuleCode.TASK_MISMATCH, DETECTION + "\n" + detection("") .replace("[{}]", "[]") + "\n",
                MULTILABEL + "\n" + MULTILABEL.replace("[\"can\", \"carton\"]", "[]") + "\n",
                "{\"image_url\": \"" + Samples.URL + "\", \"label\": []}\n" + DETECTION + "\n",
                CLASSIFICATION + "\n" + CLASSIFICATION.replace("\"can\"", "7") + "\n");
        add(RuleCode.MISSING_FIELD, SEGMENTATION, CLASSIFICATION, DETECTION);
        add(RuleCode.WRONG_TYPE, details("null"), box("0", "0", "1", "1"), DETECTION);
        add(RuleCode.NUMERIC_STRING, details("{\"width\": \"400\", \"height\": \"300px\"}"), DETECTION);
        add(RuleCode.IMAGE_URL_EMPTY, url("a.jpg"), CLASSIFICATION);
        add(RuleCode.IMAGE_URL_MALFORMED,
                url("AmlDatastore://ds/a/b/c.jpg"),
                url("azureml://datastores/ds/paths/a/b.jpg"),
                url("azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/ds/paths/a.png"),
                url("https://example.com/a.jpg"),
                // a "/" inside the path is a folder, only a leading one makes it absolute
                url("azureml://datastores/ds/paths/a//b.jpg"));
        add(RuleCode.MIXED_DATASTORES,
                // one datastore in its three spellings, and the long form of one workspace
                url("AmlDatastore://ds/a.jpg") + "\n" + url("azureml://datastores/DS/paths/b.jpg") + "\n"
                        + url("azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/ds/paths/c.jpg") + "\n"
                        + url("azureml://Subscriptions/s/resourceGroups/rg/workspaces/WS/datastores/ds/paths/d.jpg") + "\n",
                // URLs that name no datastore
                url("a.jpg") + "\n" + url("https://example.com/b.jpg") + "\n" + url("AmlDatastore://ds/c.jpg") + "\n");
        add(RuleCode.IMAGE_URL_NOT_DATASTORE, url("AmlDatastore://ds/a.jpg"), url("azureml://datastores/ds/paths/a.jpg"),
                url("AMLDATASTORE://ds/a.jpg"));
        add(RuleCode.IMAGE_FORMAT, details("{\"format\": \"JPG\"}"), details("{\"format\": \"jpeg\"}"),
                details("{\"format\": \"tiff\"}"), details("{\"format\": \"jfif\"}"), details("{\"format\": \"bmp\"}"),
                details("{\"format\": \"png\"}"), details("{\"format\": \"jpe\"}"), details("{\"format\": \"tif\"}"));
        add(RuleCode.IMAGE_EXTENSION, url("AmlDatastore://ds/a.JPEG"), url("AmlDatastore://ds/a.tif"),
                url("AmlDatastore://ds/images/a"), url("AmlDatastore://ds/v1.2/a.png"));
        add(RuleCode.FORMAT_MISMATCH, details("{\"format\": \"jpeg\"}"), details("{\"format\": \"JFIF\"}"),
                "{\"image_url\": \"AmlDatastore://ds/a.tiff\", \"image_details\": {\"format\": \"tif\"}, \"label\": \"a\"}");
        add(RuleCode.IMAGE_SIZE, details("{\"width\": 400, \"height\": 300}"), details("{\"width\": \"400px\", \"height\": \"300\"}"),
                details("{\"width\": 1}"));
        add(RuleCode.LABEL_EMPTY, CLASSIFICATION, url("x").replace("\"can\"", "\"a\""));
        add(RuleCode.LABEL_WHITESPACE, CLASSIFICATION.replace("\"can\"", "\"milk bottle\""));
        add(RuleCode.LABEL_RESERVED, CLASSIFICATION.replace("\"can\"", "\"bg\""), CLASSIFICATION.replace("\"can\"", "\"--bg\""));
        add(RuleCode.LABEL_TYPE, CLASSIFICATION, MULTILABEL, DETECTION);
        add(RuleCode.LABEL_LIST_EMPTY, MULTILABEL, DETECTION + "\n" + detection("").replace("[{}]", "[]"));
        add(RuleCode.LABEL_DUPLICATE, MULTILABEL, MULTILABEL.replace("\"carton\"", "\"Can\""));
        add(RuleCode.COORDINATE_RANGE, box("0", "0", "1", "1"), box("0.0", "0.0", "1.0", "1.0"), box("1e-9", "0.5", "0.999999", "0.75"));
        add(RuleCode.BOX_INVERTED, box("0.1", "0.1", "0.2", "0.2"), box("0", "0", "1", "1"));
        add(RuleCode.BOX_EMPTY, box("0.5", "0.5", "0.500001", "0.500001"));
        add(RuleCode.IS_CROWD_VALUE,
                detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": 0"),
                detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": 1"),
                detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": true"),
                detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": false"),
                detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1"));
        add(RuleCode.POLYGON_SHAPE, polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]"), polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6], [0.6, 0.6, 0.9, 0.6, 0.8, 0.9]]"));
        add(RuleCode.POLYGON_ODD, polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6, 0.2, 0.5]]"));
        add(RuleCode.POLYGON_TOO_FEW_POINTS, polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]"));
        add(RuleCode.POLYGON_RANGE, polygon("[[0, 0, 1, 0, 1, 1, 0, 1]]"), polygon("[[0.0, 0.0, 1.0, 0.0, 0.5, 1.0]]"));
        add(RuleCode.POLYGON_DEGENERATE, polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]"), polygon("[[0.1, 0.1, 0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]"));
        add(RuleCode.POLYGON_BOX_MISMATCH, SEGMENTATION,
                "{\"image_url\": \"" + Samples.URL + "\", \"label\": [{\"label\": \"can\", \"topX\": 0.205, \"topY\": 0.2, \"bottomX\": 0.6, \"bottomY\": 0.695, \"polygon\": [[0.2, 0.2, 0.6, 0.2, 0.6, 0.7, 0.2, 0.7]]}]}");
        add(RuleCode.EMPTY_DATASET, DETECTION, "\n" + CLASSIFICATION);
        add(RuleCode.DUPLICATE_IMAGE_URL, url("AmlDatastore://ds1/a.jpg") + "\n" + url("AmlDatastore://ds2/a.jpg"),
                url("AmlDatastore://ds/a.jpg") + "\n" + url("AmlDatastore://ds/A.jpg"),
                url("AmlDatastore://ds/a.jpg") + "\n" + url("AmlDatastore://ds/a.jpg").replace("\"can\"", "\"box\""));
        add(RuleCode.CONFLICTING_LABELS, url("AmlDatastore://ds/a.jpg") + "\n" + url("azureml://datastores/ds/paths/a.jpg"),
                multi("a.jpg", "\"can\", \"carton\"") + "\n" + multi("a.jpg", "\"carton\", \"can\""));
        add(RuleCode.NO_OBJECTS, background("a.jpg") + "\n" + DETECTION);
        add(RuleCode.SINGLE_CLASS, classes(10, "can", 10, "carton"), classes(1, "can", 1, "carton"));
        add(RuleCode.FEW_SAMPLES, classes(10, "can", 10, "carton"), classes(15, "can", 5, "carton"), classes(2, "can", 3, "carton"));
        add(RuleCode.CLASS_IMBALANCE, classes(250, "can", 5, "carton"), classes(10, "can", 10, "carton"));
        add(RuleCode.MIXED_LABEL_TYPES, url("a.jpg").replace("\"can\"", "1") + "\n" + url("b.jpg").replace("\"can\"", "2"),
                url("a.jpg") + "\n" + url("b.jpg").replace("\"can\"", "\"7\""));
        add(RuleCode.CASE_VARIANT_LABELS, url("a.jpg") + "\n" + url("b.jpg").replace("\"can\"", "\"cans\""),
                url("a.jpg").replace("\"can\"", "\"milk_bottle\"") + "\n" + url("b.jpg").replace("\"can\"", "\"milk bottle\""));
        add(RuleCode.DUPLICATE_BOX,
                boxes("{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}, "
                        + "{\"label\": \"can\", \"topX\": 0.12, \"topY\": 0.12, \"bottomX\": 0.5, \"bottomY\": 0.5}"),
                boxes("{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}, "
                        + "{\"label\": \"cup\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}"));
        add(RuleCode.TINY_BOX,
                "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": 100, \"height\": 100}, \"label\": "
                        + "[{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.11, \"bottomY\": 0.11}]}",
                box("0.1", "0.1", "0.100001", "0.100001"));
    }

    private static String multi(String url, String names) {
        return "{\"image_url\": \"" + url + "\", \"label\": [" + names + "]}";
    }

    private static String background(String url) {
        return "{\"image_url\": \"" + url + "\", \"label\": []}";
    }

    private static String boxes(String objects) {
        return "{\"image_url\": \"a.jpg\", \"label\": [" + objects + "]}";
    }

    /** A classification file with {@code n1} images of one class and {@code n2} of another. */
    private static String classes(int n1, String c1, int n2, String c2) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n1 + n2; i++) {
            b.append("{\"image_url\": \"AmlDatastore://ds/").append(i).append(".jpg\", \"label\": \"")
                    .append(i < n1 ? c1 : c2).append("\"}\n");
        }
        return b.toString();
    }

    static Stream<Arguments> nearMisses() {
        return NEAR_MISSES.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(f -> Arguments.of(e.getKey(), f)));
    }

    @ParameterizedTest(name = "{0} must not fire on #{index}")
    @MethodSource("nearMisses")
    void ruleDoesNotFire(RuleCode rule, String content) throws Exception {
        ValidationReport report = VALIDATOR.validate(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "near-miss");
        assertThat(report.findings()).as("%s on %s", rule, content).noneMatch(f -> f.rule() == rule);
    }

    @Test
    void everyRuleHasNearMisses() {
        // Rules of pairs, image files, MLTables, conversions and predictions have theirs in PairTest,
        // ImageChecksTest, MLTableTest, ConvertersTest and PredictionsTest.
        assertThat(NEAR_MISSES.keySet()).containsExactlyInAnyOrder(Arrays.stream(RuleCode.values())
                .filter(r -> !r.isPairRule() && !r.isImageRule() && !r.isMLTableRule() && !r.isConversionRule()
                        && !r.isPredictionRule())
                .toArray(RuleCode[]::new));
    }
}
