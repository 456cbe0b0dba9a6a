package io.github.visionjsonl;

import static io.github.visionjsonl.Samples.box;
import static io.github.visionjsonl.Samples.detection;
import static io.github.visionjsonl.Samples.polygon;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages, hints, pointers and columns: what makes a finding actionable. */
class RuleDetailsTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();

    private static List<Finding> findings(String line) {
        return VALIDATOR.validateLine(line).findings();
    }

    private static Finding only(String line, RuleCode rule) {
        List<Finding> of = findings(line).stream().filter(f -> f.rule() == rule).toList();
        assertThat(of).as("%s in %s", rule, findings(line)).hasSize(1);
        return of.get(0);
    }

    @Test
    void pixelCoordinateIsNamedAndLocated() {
        String line = box("120", "0.1", "0.9", "0.5");
        Finding f = only(line, RuleCode.COORDINATE_RANGE);
        assertThat(f.pointer()).isEqualTo("/label/0/topX");
        assertThat(f.column()).isEqualTo(line.indexOf("120") + 1);
        assertThat(f.message()).contains("topX must be in [0, 1], was 120.0", "pixel coordinates?", "width");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void nearlyNormalizedCoordinateSuggestsClamping() {
        assertThat(only(box("0.1", "-0.004", "0.5", "0.5"), RuleCode.COORDINATE_RANGE).message())
                .contains("clamp it to 0");
        assertThat(only(box("0.1", "0.1", "1.005", "0.5"), RuleCode.COORDINATE_RANGE).message())
                .contains("clamp it to 1");
        assertThat(only(box("-0.5", "0.1", "0.5", "0.5"), RuleCode.COORDINATE_RANGE).message())
                .doesNotContain("clamp", "pixel");
    }

    @Test
    void misspeltKeyGetsAHintInBothFindings() {
        String line = detection("\"label\": \"can\", \"topx\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5");
        assertThat(only(line, RuleCode.UNKNOWN_FIELD).message()).contains("did you mean \"topX\"");
        Finding missing = only(line, RuleCode.MISSING_FIELD);
        assertThat(missing.pointer()).isEqualTo("/label/0/topX");
        assertThat(missing.message()).contains("\"topX\" is missing (found \"topx\")");
        assertThat(only("{\"imageurl\": \"a.jpg\", \"label\": \"a\"}", RuleCode.UNKNOWN_FIELD).message())
                .contains("did you mean \"image_url\"");
        assertThat(only(detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"is_crowd\": 0"),
                RuleCode.UNKNOWN_FIELD).message()).contains("did you mean \"isCrowd\"");
    }

    @Test
    void pointersFollowTheLineEvenWhenEarlierObjectsAreIncomplete() {
        // The first box cannot be built (no bottomY); the second box's finding must still say /label/1.
        String line = "{\"image_url\": \"" + Samples.URL + "\", \"label\": ["
                + "{\"label\": \"a\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.2},"
                + "{\"label\": \"b\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 2.0, \"bottomY\": 0.2}]}";
        assertThat(only(line, RuleCode.COORDINATE_RANGE).pointer()).isEqualTo("/label/1/bottomX");
        assertThat(only(line, RuleCode.MISSING_FIELD).pointer()).isEqualTo("/label/0/bottomY");
        String names = "{\"image_url\": \"" + Samples.URL + "\", \"label\": [\"a\", null, \"a\"]}";
        assertThat(only(names, RuleCode.LABEL_DUPLICATE).pointer()).isEqualTo("/label/2");
    }

    @Test
    void integerClassNameIsAWarningAndOtherTypesAnError() {
        Finding integer = only("{\"image_url\": \"" + Samples.URL + "\", \"label\": 3}", RuleCode.LABEL_TYPE);
        assertThat(integer.severity()).isEqualTo(Severity.WARNING);
        assertThat(integer.message()).contains("\"3\"");
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"label\": true}", RuleCode.LABEL_TYPE).severity())
                .isEqualTo(Severity.ERROR);
        assertThat(only(detection("\"label\": null, \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1"),
                RuleCode.LABEL_TYPE).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"label\": {\"name\": \"can\"}}", RuleCode.WRONG_TYPE)
                .message()).contains("label must be a class name or a list, was an object");
        assertThat(only(box("0.1", "null", "0.5", "0.5"), RuleCode.WRONG_TYPE).message())
                .contains("topY must be a number, was null");
        assertThat(only(box("[0.1]", "0.1", "0.5", "0.5"), RuleCode.WRONG_TYPE).pointer()).isEqualTo("/label/0/topX");
        assertThat(only("{\"image_url\": 7, \"label\": \"a\"}", RuleCode.WRONG_TYPE).pointer()).isEqualTo("/image_url");
        assertThat(only("{\"image_url\": \"a.jpg\", \"label\": [\"a\", {\"label\": \"b\"}]}", RuleCode.WRONG_TYPE).pointer())
                .isEqualTo("/label/1");
    }

    @Test
    void numericStringsAreConvertedLikeTheRuntime() {
        ValidatedLine line = VALIDATOR.validateLine(box("\"0.1\"", "0.2", "0.5", " 0.6"));
        assertThat(line.findings()).extracting(Finding::rule).containsExactly(RuleCode.NUMERIC_STRING);
        assertThat(line.isValid()).isTrue();
        assertThat(((DetectionRecord) line.record()).boxes().get(0).topX()).isEqualTo(0.1);
        assertThat(only(box("\"abc\"", "0.2", "0.5", "0.6"), RuleCode.WRONG_TYPE).message()).contains("\"abc\"");
        assertThat(only(box("\"NaN\"", "0.2", "0.5", "0.6"), RuleCode.NON_FINITE_NUMBER).pointer()).isEqualTo("/label/0/topX");
    }

    @Test
    void isCrowdFollowsTheRuntimeMeaning() {
        String crowd = detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": \"True\"");
        ValidatedLine line = VALIDATOR.validateLine(crowd);
        assertThat(only(crowd, RuleCode.IS_CROWD_VALUE).message()).contains("counts it as crowd");
        assertThat(((DetectionRecord) line.record()).boxes().get(0).crowd()).isTrue();
        String two = detection("\"label\": \"a\", \"topX\": 0, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1, \"isCrowd\": 2");
        assertThat(only(two, RuleCode.IS_CROWD_VALUE).message()).contains("not crowd");
    }

    @Test
    void polygonShapesAreTold() {
        assertThat(only(polygon("[[0.1, 0.1], [0.5, 0.1], [0.3, 0.6]]"), RuleCode.POLYGON_SHAPE).message())
                .contains("list of [x, y] points");
        assertThat(only(polygon("[]"), RuleCode.POLYGON_SHAPE).message()).contains("no segment");
        assertThat(only(polygon("[[]]"), RuleCode.POLYGON_SHAPE).message()).contains("empty");
        assertThat(only(polygon("null"), RuleCode.POLYGON_SHAPE).message()).contains("was null");
        assertThat(only(polygon("[[\"0.1\", 0.2, 0.3, 0.4, 0.5, 0.6]]"), RuleCode.POLYGON_SHAPE).pointer())
                .isEqualTo("/label/0/polygon/0/0");
        assertThat(only(polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6], [0.1, 0.2, 1.5, 0.2, 0.3, 0.4]]"), RuleCode.POLYGON_RANGE)
                .pointer()).isEqualTo("/label/0/polygon/1/2");
        assertThat(only(polygon("[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6], [0.1, 0.2]]"), RuleCode.POLYGON_TOO_FEW_POINTS)
                .pointer()).isEqualTo("/label/0/polygon/1");
    }

    @Test
    void segmentationRecordKeepsPolygonsAndOptionalBox() {
        ValidatedLine line = VALIDATOR.validateLine("{\"image_url\": \"" + Samples.URL + "\", \"label\": [{\"label\": \"can\","
                + " \"topX\": 0.2, \"topY\": 0.2, \"bottomX\": 0.6, \"bottomY\": 0.7, \"polygon\": [[0.2, 0.2, 0.6, 0.2, 0.6, 0.7, 0.2, 0.7]]}]}");
        assertThat(line.findings()).isEmpty();
        SegmentationRecord r = (SegmentationRecord) line.record();
        assertThat(r.masks().get(0).polygon().segments().get(0).pointCount()).isEqualTo(4);
        assertThat(r.masks().get(0).box()).isNotNull();
    }

    @Test
    void duplicateKeysAreFoundAtEveryLevel() {
        assertThat(only("{\"image_url\": \"a.jpg\", \"label\": \"a\", \"label\": \"b\"}", RuleCode.DUPLICATE_KEY).pointer())
                .isEqualTo("/label");
        assertThat(only(detection("\"label\": \"a\", \"topX\": 0, \"topX\": 0.1, \"topY\": 0, \"bottomX\": 1, \"bottomY\": 1"),
                RuleCode.DUPLICATE_KEY).pointer()).isEqualTo("/label/0/topX");
        assertThat(only("{\"image_url\": \"a.jpg\", \"label\": \"a\", \"x\": 1, \"x\": 2}", RuleCode.DUPLICATE_KEY).pointer())
                .isEqualTo("/x");
    }

    @Test
    void imageDetailsSizesAreIntegers() {
        ValidatedLine line = VALIDATOR.validateLine("{\"image_url\": \"" + Samples.URL
                + "\", \"image_details\": {\"format\": \"jpg\", \"width\": \"400px\", \"height\": \"300\"}, \"label\": \"a\"}");
        assertThat(line.record().imageDetails().width()).isEqualTo(400);
        assertThat(line.record().imageDetails().height()).isEqualTo(300);
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"image_details\": {\"width\": 0}, \"label\": \"a\"}",
                RuleCode.IMAGE_SIZE).pointer()).isEqualTo("/image_details/width");
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"image_details\": {\"height\": 400.5}, \"label\": \"a\"}",
                RuleCode.IMAGE_SIZE).message()).contains("400.5");
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"image_details\": {\"width\": 99999999999}, \"label\": \"a\"}",
                RuleCode.IMAGE_SIZE).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void formatWithADotGetsAHint() {
        assertThat(only("{\"image_url\": \"" + Samples.URL + "\", \"image_details\": {\"format\": \".jpg\"}, \"label\": \"a\"}",
                RuleCode.IMAGE_FORMAT).message()).contains("write \"jpg\" without the dot");
    }

    @Test
    void urlForms() {
        assertThat(only("{\"image_url\": \"azureml://datastores/ds/a.jpg\", \"label\": \"a\"}", RuleCode.IMAGE_URL_MALFORMED)
                .message()).contains("azureml://datastores/<datastore>/paths/<path>");
        assertThat(only("{\"image_url\": \"AmlDatastore://ds/\", \"label\": \"a\"}", RuleCode.IMAGE_URL_MALFORMED)).isNotNull();
        assertThat(only("{\"image_url\": \"images/a.jpg\", \"label\": \"a\"}", RuleCode.IMAGE_URL_NOT_DATASTORE).message())
                .contains("bare path");
        assertThat(only("{\"image_url\": \"wasbs://c@acc.blob.core.windows.net/a.jpg\", \"label\": \"a\"}",
                RuleCode.IMAGE_URL_NOT_DATASTORE).message()).contains("not a datastore URL");
        assertThat(only("{\"image_url\": \"   \", \"label\": \"a\"}", RuleCode.IMAGE_URL_EMPTY).message()).contains("blank");
    }

    @Test
    void trailingContentAfterTheObjectIsASyntaxError() {
        Finding f = only(Samples.CLASSIFICATION + " {}", RuleCode.JSON_SYNTAX);
        assertThat(f.message()).contains("after the end of the JSON object");
    }

    @Test
    void syntaxErrorsHaveAColumnAndNoParserNoise() {
        String line = "{\"image_url\": \"a.jpg\", \"label\": [\"a\", ]}";
        Finding f = only(line, RuleCode.JSON_SYNTAX);
        assertThat(f.column()).isEqualTo(line.indexOf(']') + 1);
        Finding truncated = only("{\"image_url\": \"a.jpg\", \"label\": [\"a\"", RuleCode.JSON_SYNTAX);
        assertThat(truncated.message()).doesNotContain("Source", "REDACTED").contains("end-of-input");
    }
}
