package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What JSON is and is not, whatever stands where: a line that is not JSON is never accepted,
 * and JSON is never refused for being long or unusual.
 */
class JsonVerdictsTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();
    private static final String URL = "\"image_url\": \"AmlDatastore://d/a.jpg\"";

    private static List<Finding> findings(String line) {
        return VALIDATOR.validateLine(line).findings();
    }

    private static List<RuleCode> rules(String line) {
        return findings(line).stream().map(Finding::rule).toList();
    }

    @Test
    void nonFiniteNumbersAreErrorsWhereverTheyStand() {
        String[] literals = {"NaN", "Infinity", "-Infinity", "+Infinity", "-INF"};
        String[] places = {
            "{" + URL + ", \"label\": \"cat\", \"extra\": %s}",
            "{" + URL + ", \"label\": \"cat\", \"extra\": [%s]}",
            "{" + URL + ", \"label\": \"cat\", \"extra\": {\"deep\": [1, {\"x\": %s}]}}",
            "{" + URL + ", \"label\": %s}",
            "{" + URL + ", \"label\": [\"cat\", %s]}",
            "{" + URL + ", \"image_details\": {\"width\": %s}, \"label\": \"cat\"}",
            "{" + URL + ", \"image_details\": {\"format\": %s}, \"label\": \"cat\"}",
            "{\"image_url\": %s, \"label\": \"cat\"}",
            "{" + URL + ", \"label\": [{\"label\": \"cat\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5,"
                    + " \"bottomY\": 0.5, \"isCrowd\": %s}]}",
            "{" + URL + ", \"label\": [{\"label\": \"cat\", \"topX\": %s, \"topY\": 0.1, \"bottomX\": 0.5,"
                    + " \"bottomY\": 0.5}]}",
            "{" + URL + ", \"label\": [{\"label\": \"cat\", \"polygon\": %s}]}",
            "{" + URL + ", \"label\": [{\"label\": \"cat\", \"polygon\": [%s]}]}",
            "{" + URL + ", \"label\": [{\"label\": \"cat\", \"polygon\": [[0.1, 0.2, %s, 0.4, 0.5, 0.6]]}]}",
            "{" + URL + ", \"label\": [{\"label\": %s, \"polygon\": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]}]}",
            "[%s]",
            "%s",
        };
        for (String place : places) {
            for (String literal : literals) {
                String line = String.format(place, literal);
                List<Finding> found = findings(line);
                assertThat(found).as(line).filteredOn(f -> f.rule() == RuleCode.NON_FINITE_NUMBER).hasSize(1)
                        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                        .allSatisfy(f -> assertThat(f.column()).isEqualTo(line.indexOf(literal) + 1));
                assertThat(found).as(line).extracting(Finding::rule).doesNotContain(RuleCode.LABEL_TYPE,
                        RuleCode.IMAGE_SIZE, RuleCode.WRONG_TYPE, RuleCode.IS_CROWD_VALUE, RuleCode.POLYGON_SHAPE,
                        RuleCode.NOT_AN_OBJECT);
                assertThat(VALIDATOR.validateLine(line).isValid()).as(line).isFalse();
            }
            // no dialect writes +INF: it is not even a non-finite number
            String line = String.format(place, "+INF");
            assertThat(rules(line)).as(line).contains(RuleCode.JSON_SYNTAX).doesNotContain(RuleCode.NON_FINITE_NUMBER);
        }
    }

    @Test
    void numbersTooLargeForADoubleAreOutOfRange() {
        String big = "1" + "0".repeat(400);
        assertThat(rules("{" + URL + ", \"label\": [{\"label\": \"cat\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": "
                + big + ", \"bottomY\": 0.5}]}")).containsExactly(RuleCode.COORDINATE_RANGE);
        assertThat(rules("{" + URL + ", \"label\": [{\"label\": \"cat\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": "
                + "1e400, \"bottomY\": 0.5}]}")).containsExactly(RuleCode.COORDINATE_RANGE);
        assertThat(rules("{" + URL + ", \"label\": [{\"label\": \"cat\", \"polygon\": [[0.1, 0.2, -" + big
                + ", 0.4, 0.5, 0.6]]}]}")).containsExactly(RuleCode.POLYGON_RANGE);
        assertThat(rules("{" + URL + ", \"image_details\": {\"width\": " + big + "}, \"label\": \"cat\"}"))
                .containsExactly(RuleCode.IMAGE_SIZE);
    }

    @Test
    void numbersNamesAndStringsAsLongAsALineAreJson() {
        String digits = "1" + "0".repeat(2000);
        Finding f = findings("{" + URL + ", \"label\": \"cat\", \"n\": " + digits + "}").get(0);
        assertThat(f.rule()).isEqualTo(RuleCode.UNKNOWN_FIELD);
        String name = "a".repeat(60_000);
        // plain for the byte reader, escaped for the parser: the same verdict
        List<RuleCode> plain = rules("{" + URL + ", \"label\": \"cat\", \"" + name + "\": 1}");
        List<RuleCode> escaped = rules("{" + URL + ", \"label\": \"cat\", \"\\u0061" + name.substring(1) + "\": 1}");
        assertThat(plain).containsExactly(RuleCode.UNKNOWN_FIELD);
        assertThat(escaped).isEqualTo(plain);
        // a finding holds no key of that size: its pointer and message are cut
        Finding f60k = findings("{" + URL + ", \"label\": \"cat\", \"" + name + "\": 1}").get(0);
        assertThat(f60k.pointer()).isEqualTo("/" + "a".repeat(200) + "\u2026");
        assertThat(f60k.message()).contains("\"" + "a".repeat(200) + "\u2026\" (60000 characters)").hasSizeLessThan(400);
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"x\": \"\\u0061" + name + "\"}")).isEqualTo(plain);
    }

    @Test
    void duplicateKeysAreFoundInEveryObject() {
        List<Finding> found = findings("{" + URL + ", \"label\": \"cat\", \"meta\": {\"a\": 1, \"b\": [{\"c\": 1,"
                + " \"c\": 2}], \"a\": 2}}");
        assertThat(found).filteredOn(f -> f.rule() == RuleCode.DUPLICATE_KEY).extracting(Finding::pointer)
                .containsExactlyInAnyOrder("/meta/b/0/c", "/meta/a");
        assertThat(rules("{" + URL + ", \"label\": {\"x\": 1, \"x\": 1}}")).contains(RuleCode.DUPLICATE_KEY);
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"meta\": {\"a\": {\"a\": 1}, \"b\": {\"a\": 1}}}"))
                .doesNotContain(RuleCode.DUPLICATE_KEY);
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"meta\": {\"\": 1, \"\": 2}}"))
                .contains(RuleCode.DUPLICATE_KEY);
    }

    @Test
    void loneSurrogatesInKeysAreJson() {
        ValidatedLine line = VALIDATOR.validateLine("{" + URL + ", \"label\": \"cat\", \"x\\udc00\": 1, \"y\\ud800\": {\"\\udbff\": 1}}");
        assertThat(line.findings()).extracting(Finding::rule).containsOnly(RuleCode.UNKNOWN_FIELD);
        assertThat(line.findings()).extracting(Finding::pointer).containsExactly("/x\udc00", "/y\ud800");
        assertThat(line.findings().get(0).column()).isEqualTo(URL.length() + 20);
        assertThat(line.isValid()).isTrue();
        // two lone surrogates are two keys, the same one twice is a duplicate
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"\\udc00\": 1, \"\\udc01\": 1}"))
                .doesNotContain(RuleCode.DUPLICATE_KEY);
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"\\udc00\": 1, \"\\udc00\": 1}"))
                .contains(RuleCode.DUPLICATE_KEY);
        // still no JSON: the line's own fault is reported
        assertThat(rules("{" + URL + ", \"label\": \"cat\", \"\\udc00\": 1,}")).contains(RuleCode.JSON_SYNTAX);
    }

    @Test
    void onlyJsonThatIsNoObjectIsNotAnObject() {
        for (String line : new String[] {"[1, 2", "\"abc", "123 456", "[1] x", "tru", "[1,]"}) {
            assertThat(rules(line)).as(line).containsExactly(RuleCode.JSON_SYNTAX);
        }
        for (String line : new String[] {"[1, 2]", "\"abc\"", "123", "null", "[]"}) {
            assertThat(rules(line)).as(line).containsExactly(RuleCode.NOT_AN_OBJECT);
        }
    }

    @Test
    void aByteOrderMarkAfterTheFilesStartIsNoJson() throws Exception {
        String record = "{" + URL + ", \"label\": \"cat\"}";
        String file = "\ufeff" + record + "\n\ufeff" + record.replace("a.jpg", "b.jpg") + "\n"
                + record.replace("a.jpg", "c.jpg").replace("cat", "dog") + "\n{" + URL + ",\ufeff \"label\": \"cat\"}\n";
        ValidationReport report = VALIDATOR.validate(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "bom");
        assertThat(report.findings()).extracting(f -> f.line() + " " + f.rule() + " " + f.severity() + " " + f.column())
                .containsExactly("1 byte-order-mark WARNING 1", "2 json-syntax ERROR 1", "4 json-syntax ERROR 42");
        assertThat(report.findings().get(1).message()).contains("byte order mark");
        assertThat(report.validRecords()).isEqualTo(2);
    }
}
