package io.github.visionjsonl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Baseline.apply: counts of the new findings only, fixed entries per file, findings not kept stay new. */
class BaselineTest {

    private static final String BAD = "{\"image_url\": \"AmlDatastore://ds/b%d.jpg\", \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": %d, \"bottomY\": 0.5}]}";

    private static final String CLEAN = "{\"image_url\": \"AmlDatastore://ds/c.jpg\", \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}";

    /** The lines after a clean one, so that no file-level finding joins them. */
    private static ValidationReport validate(DatasetValidator v, String source, String... lines) throws Exception {
        byte[] bytes = (CLEAN + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return v.validate(new ByteArrayInputStream(bytes), source);
    }

    @Test
    void newFindingsAreCountedAndEntriesOfOtherFilesAreNotFixed() throws Exception {
        DatasetValidator v = DatasetValidator.create();
        ValidationReport a = validate(v, "./data/a.jsonl", String.format(BAD, 1, 3), String.format(BAD, 2, 4));
        ValidationReport b = validate(v, "data/b.jsonl", String.format(BAD, 1, 3));
        Baseline baseline = Baseline.of(List.of(a, b));
        assertThat(baseline.size()).isEqualTo(3);

        BaselinedReport again = baseline.apply(validate(v, "data/a.jsonl", String.format(BAD, 2, 4), String.format(BAD, 1, 3),
                String.format(BAD, 5, 6)), 1000);
        assertThat(again.baselined()).hasSize(2);
        assertThat(again.fixed()).isZero();
        assertThat(again.report().errors()).isEqualTo(1);
        assertThat(again.report().findings()).extracting(Finding::line).containsExactly(4L);
        assertThat(again.report().ruleCounts().get(RuleCode.COORDINATE_RANGE).count()).isEqualTo(1);
        assertThat(again.report().isValid()).isFalse();

        BaselinedReport fixedOne = baseline.apply(validate(v, "data/a.jsonl", String.format(BAD, 2, 4)), 1000);
        assertThat(fixedOne.fixed()).isEqualTo(1);
        assertThat(fixedOne.report().errors()).isZero();
        assertThat(fixedOne.report().ruleCounts()).isEmpty();
    }

    @Test
    void findingsNotKeptCannotBeComparedAndStayNew() throws Exception {
        DatasetValidator all = DatasetValidator.create();
        ValidationReport before = validate(all, "f", String.format(BAD, 1, 3), String.format(BAD, 2, 3), String.format(BAD, 3, 3));
        Baseline baseline = Baseline.of(List.of(before));
        ValidationReport capped = validate(DatasetValidator.builder().maxFindings(1).build(), "f",
                String.format(BAD, 1, 3), String.format(BAD, 2, 3), String.format(BAD, 3, 3));
        BaselinedReport r = baseline.apply(capped, 1000);
        assertThat(r.baselined()).hasSize(1);
        assertThat(r.report().errors()).as("two errors were never compared").isEqualTo(2);
        assertThat(r.report().findings()).isEmpty();
        assertThat(baseline.apply(before, 1).report().findings()).isEmpty();
    }
}
