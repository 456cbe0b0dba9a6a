package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No input, however hostile, makes the validator throw: every problem is a finding.
 *
 * <p>{@code -Dvisionjsonl.fuzz.iterations=N} mutates N valid lines (default 4000; 20000 for a
 * long run).
 */
class RobustnessTest {

    private static final int MUTATED_LINES = Integer.getInteger("visionjsonl.fuzz.iterations", 4000);

    /** The fixtures repeat one image on many lines; duplicate-image-url has tests of its own. */
    private static final DatasetValidator VALIDATOR = DatasetValidator.builder()
            .disable(RuleCode.DUPLICATE_IMAGE_URL).build();

    private static ValidationReport validate(byte[] content) throws IOException {
        return VALIDATOR.validate(new ByteArrayInputStream(content), "hostile");
    }

    private static ValidationReport validate(String content) throws IOException {
        return validate(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryGarbage() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(4096)];
            random.nextBytes(garbage);
            if (garbage.length > 1 && garbage[0] == 0x1f && garbage[1] == (byte) 0x8b) {
                garbage[0] = 0; // gzip magic would make this a (corrupt) gzip stream: an IOException by design
            }
            ValidationReport r = validate(garbage);
            assertThat(r.isValid()).isFalse();
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        }
    }

    @Test
    void mutatedValidLinesNeverThrow() {
        Random random = new Random(7);
        byte[][] seeds = {
            Samples.DETECTION.getBytes(StandardCharsets.UTF_8),
            Samples.SEGMENTATION.getBytes(StandardCharsets.UTF_8),
            Samples.MULTILABEL.getBytes(StandardCharsets.UTF_8),
            Samples.CLASSIFICATION.getBytes(StandardCharsets.UTF_8)};
        byte[] alphabet = "{}[]\",:0123456789.-eE tnfalsu\\\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < MUTATED_LINES; i++) {
            byte[] line = seeds[i % seeds.length].clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(line.length);
                line[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            String asString = new String(line, StandardCharsets.UTF_8);
            assertThatCode(() -> {
                validate(line);
                VALIDATOR.validateLine(asString);
            }).as("line %s", asString).doesNotThrowAnyException();
        }
    }

    @Test
    void aFiftyMegabyteLineIsSkippedWithoutBeingBuffered() throws IOException {
        long size = 50L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long served;

            @Override
            public int read() {
                if (served >= size + 1 + Samples.CLASSIFICATION.length()) {
                    return -1;
                }
                long i = served++;
                if (i == 0) {
                    return '[';
                }
                if (i < size) {
                    return '1';
                }
                if (i == size) {
                    return '\n';
                }
                return Samples.CLASSIFICATION.charAt((int) (i - size - 1));
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        ValidationReport r = VALIDATOR.validate(huge, "huge");
        // The one record left is of one class: single-class, judged on any file.
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.LINE_TOO_LONG, RuleCode.SINGLE_CLASS);
        assertThat(r.findings().get(0).message()).contains(String.valueOf(size));
        assertThat(r.validRecords()).isEqualTo(1);
    }

    @Test
    void deepNesting() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String deepInLabel = "{\"image_url\": \"a.jpg\", \"label\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        ValidationReport r = validate(deep + "\n" + deepInLabel + "\n" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        assertThat(r.findings()).extracting(Finding::line).contains(1L, 2L, 3L);
        // not JSON (too deep to read): a syntax error, not a value that is no object
        assertThat(r.findings()).filteredOn(f -> f.line() == 1).extracting(Finding::rule)
                .containsExactly(RuleCode.JSON_SYNTAX);
        assertThat(r.findings()).filteredOn(f -> f.rule() == RuleCode.JSON_SYNTAX)
                .allSatisfy(f -> assertThat(f.message()).contains("nesting depth"));
    }

    @Test
    void hugeNumbers() throws IOException {
        String digits = "9".repeat(400);
        ValidationReport r = validate(Samples.box(digits, "0.1", "0.5", "0.5") + "\n"
                + Samples.box("1e400", "0.1", "0.5", "0.5") + "\n"
                + "{\"image_url\": \"a.jpg\", \"image_details\": {\"width\": " + digits + "}, \"label\": " + digits + "}\n"
                + Samples.box("0." + "1".repeat(400), "0.1", "0.5", "0.5") + "\n");
        // numbers too large for a double are finite JSON numbers out of range (and above bottomX)
        assertThat(r.findings()).filteredOn(f -> f.line() == 1).extracting(Finding::rule)
                .containsExactly(RuleCode.COORDINATE_RANGE, RuleCode.BOX_INVERTED);
        assertThat(r.findings()).filteredOn(f -> f.line() == 2).extracting(Finding::rule)
                .containsExactly(RuleCode.COORDINATE_RANGE, RuleCode.BOX_INVERTED);
        assertThat(r.findings()).filteredOn(f -> f.line() == 3).extracting(Finding::rule)
                .contains(RuleCode.IMAGE_SIZE, RuleCode.LABEL_TYPE);
        assertThat(r.findings()).filteredOn(f -> f.line() == 4).isEmpty();
        // a number as long as a line allows is read, as the plain reader would
        assertThat(validate(Samples.box("1" + "0".repeat(5000), "0", "1", "1")).findings()).extracting(Finding::rule)
                .contains(RuleCode.COORDINATE_RANGE).doesNotContain(RuleCode.JSON_SYNTAX);
    }

    @Test
    void nonFiniteLiterals() throws IOException {
        for (String literal : new String[] {"NaN", "Infinity", "-Infinity", "+INF"}) {
            ValidationReport r = validate(Samples.box("0.1", literal, "0.5", "0.5"));
            assertThat(r.findings()).as(literal).extracting(Finding::rule)
                    .containsAnyOf(RuleCode.NON_FINITE_NUMBER, RuleCode.JSON_SYNTAX);
        }
        assertThat(validate(Samples.polygon("[[0.1, NaN, 0.5, 0.1, 0.3, 0.6]]")).findings()).extracting(Finding::pointer)
                .contains("/label/0/polygon/0/1");
    }

    @Test
    void emptyInputs() throws IOException {
        assertThat(validate("").findings()).extracting(Finding::rule).containsExactly(RuleCode.EMPTY_DATASET);
        assertThat(validate("\n\n").findings()).extracting(Finding::rule)
                .containsExactly(RuleCode.BLANK_LINE, RuleCode.BLANK_LINE, RuleCode.EMPTY_DATASET);
        assertThat(validate("{}").findings()).extracting(Finding::rule)
                .containsExactly(RuleCode.MISSING_FIELD, RuleCode.MISSING_FIELD, RuleCode.EMPTY_DATASET);
        assertThat(validate(new byte[] {0}).findings()).extracting(Finding::rule)
                .containsExactly(RuleCode.JSON_SYNTAX, RuleCode.EMPTY_DATASET);
    }

    @Test
    void controlCharactersAndEscapes() throws IOException {
        assertThat(validate("{\"image_url\": \"a\tb.jpg\", \"label\": \"a\"}").findings()).extracting(Finding::rule)
                .contains(RuleCode.JSON_SYNTAX);
        assertThat(validate("{\"image_url\": \"a.jpg\", \"label\": \"\\ud800\"}").isValid()).isTrue();
        assertThat(validate("{\"image_url\": \"a.jpg\", \"label\": \"\\u00zz\"}").findings()).extracting(Finding::rule)
                .contains(RuleCode.JSON_SYNTAX);
        assertThat(validate("{\"image_url\": \"a.jpg\", \"a/b~c\": 1, \"label\": \"a\"}").findings())
                .extracting(Finding::pointer).contains("/a~1b~0c");
    }

    @Test
    void overlongUtf8AndSurrogatesAreInvalidEncoding() throws IOException {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}};
        for (byte[] b : bad) {
            byte[] line = new byte[b.length + 2];
            line[0] = '"';
            System.arraycopy(b, 0, line, 1, b.length);
            line[line.length - 1] = '"';
            assertThat(validate(line).findings()).extracting(Finding::rule).first().isEqualTo(RuleCode.INVALID_ENCODING);
        }
    }
}
