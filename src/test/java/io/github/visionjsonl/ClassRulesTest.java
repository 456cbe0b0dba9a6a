package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which file sizes the class rules judge: one class always, counts once they can tell, ratios on 20 records. */
class ClassRulesTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();

    private static ValidationReport validate(String... labels) throws IOException {
        return validate(VALIDATOR, labels);
    }

    private static ValidationReport validate(DatasetValidator v, String... labels) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            b.append("{\"image_url\": \"AmlDatastore://ds/").append(i).append(".jpg\", \"label\": \"").append(labels[i])
                    .append("\"}\n");
        }
        return v.validate(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), "d.jsonl");
    }

    private static String[] repeat(int n, String label) {
        String[] labels = new String[n];
        Arrays.fill(labels, label);
        return labels;
    }

    @Test
    void tenImagesOfOneClassAreASingleClassFile() throws IOException {
        ValidationReport r = validate(repeat(10, "can"));
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.SINGLE_CLASS);
        assertThat(r.findings().get(0).message()).isEqualTo(
                "classification with 1 class(es) (can); a classifier needs at least 2");
    }

    @Test
    void oneImageIsASingleClassFileToo() throws IOException {
        assertThat(validate("can").findings()).extracting(Finding::rule).containsExactly(RuleCode.SINGLE_CLASS);
    }

    /** Ten images of two classes could hold five of each: a class of two is rare. */
    @Test
    void aRareClassInASmallFileThatHadRoomForItIsFewSamples() throws IOException {
        String[] labels = repeat(10, "can");
        labels[3] = "carton";
        labels[7] = "carton";
        ValidationReport r = validate(labels);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.FEW_SAMPLES);
        assertThat(r.findings().get(0).line()).isEqualTo(4);
    }

    /** Twelve images of four classes cannot give each five: every class is rare, which is the file's size. */
    @Test
    void aFileTooSmallForEveryClassToReachTheThresholdHasNoFewSamples() throws IOException {
        assertThat(validate("can", "carton", "milk_bottle", "water_bottle", "can", "carton", "milk_bottle",
                "water_bottle", "can", "carton", "milk_bottle", "water_bottle").findings()).isEmpty();
    }

    /** 18 against 1 is a ratio over 10, on too few records for a ratio to tell. */
    @Test
    void imbalanceNeedsTwentyRecords() throws IOException {
        DatasetValidator v = DatasetValidator.builder().imbalanceRatio(10).build();
        String[] small = repeat(19, "can");
        small[0] = "carton";
        assertThat(validate(v, small).findings()).extracting(Finding::rule).containsExactly(RuleCode.FEW_SAMPLES);
        String[] large = repeat(22, "can");
        large[0] = "carton";
        assertThat(validate(v, large).findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder(RuleCode.FEW_SAMPLES, RuleCode.CLASS_IMBALANCE);
    }
}
