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

    @Test
    void objectsWithoutBoxesOrPolygonsPastTheCapInASegmentationFile() throws Exception {
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            objects.append(i == 0 ? "" : ", ").append("{\"label\": \"can\", \"isCrowd\": 0}");
        }
        String polygon = "{\"image_url\": \"AmlDatastore://ws/p.jpg\", \"label\": [{\"label\": \"can\", "
                + "\"polygon\": [[0.1, 0.1, 0.5, 0.1, 0.5, 0.5]]}]}\n";
        String line = "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": [" + objects + "]}\n";
        // the first line tells the task; the second's objects are judged as segmentation objects
        ValidationReport report = DatasetValidator.builder().maxFindings(3).build()
                .validate(new ByteArrayInputStream((polygon + line).getBytes(StandardCharsets.UTF_8)), "seg.jsonl");
        assertThat(report.task()).isEqualTo(Task.IMAGE_INSTANCE_SEGMENTATION);
        assertThat(report.ruleCounts().get(RuleCode.MISSING_FIELD).count()).isEqualTo(12);
        long perRule = report.ruleCounts().values().stream().mapToLong(c -> c.count()).sum();
        assertThat(perRule).isEqualTo(report.findingCount());
    }
}
