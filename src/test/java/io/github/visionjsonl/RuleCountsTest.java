package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every finding is counted under its rule, also those past a line's cap of held findings. */
class RuleCountsTest {

    @Test
    void findingsPastALinesCapAreCountedUnderTheirRule() throws Exception {
        StringBuilder boxes = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            boxes.append(i == 0 ? "" : ", ").append("{\"label\": \"can\", \"topX\": 2, \"topY\": 0.1, \"bottomX\": 0.9,"
                    + " \"bottomY\": 0.9}");
        }
        String line = "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": [" + boxes + "]}\n";
        for (int threads = 1; threads <= 2; threads++) {
            ValidationReport report = DatasetValidator.builder().maxFindings(3).threads(threads).build()
                    .validate(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "boxes.jsonl");
            assertThat(report.findings()).hasSize(3);
            // each box: topX out of range and inverted against bottomX
            long perRule = report.ruleCounts().values().stream().mapToLong(c -> c.count()).sum();
            assertThat(perRule).isEqualTo(report.findingCount());
            assertThat(report.ruleCounts().get(RuleCode.COORDINATE_RANGE).count()).isEqualTo(20);
        }
    }
}
