package io.github.visionjsonl.assertj;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.report.ValidationReport;
import java.nio.file.Path;

/**
 * Entry points of the AssertJ assertions for datasets, for the unit tests of data pipelines.
 * Needs {@code org.assertj:assertj-core} on your test classpath (vision-jsonl declares it
 * optional, so it is not inherited).
 *
 * <pre>{@code
 * import static io.github.visionjsonl.assertj.VisionJsonlAssertions.assertThatDataset;
 *
 * assertThatDataset(Path.of("train.jsonl"))
 *         .isValid()
 *         .hasTask(Task.IMAGE_OBJECT_DETECTION)
 *         .hasNoFindingsOf("duplicate-image-url")
 *         .hasAtLeastSamplesPerClass(20)
 *         .hasValidationPair(Path.of("validation.jsonl"));
 * }</pre>
 */
public final class VisionJsonlAssertions {

    private VisionJsonlAssertions() {
    }

    /** Validates a file with the default validator and starts assertions on it. */
    public static DatasetAssert assertThatDataset(Path file) {
        return new DatasetAssert(file, Default.VALIDATOR);
    }

    /** Built on first use, once: building a validator loads Hibernate Validator. Immutable and thread-safe. */
    private static final class Default {
        static final DatasetValidator VALIDATOR = DatasetValidator.create();
    }

    /** Validates a file with the given validator (task, severities, thresholds) and starts assertions on it. */
    public static DatasetAssert assertThatDataset(Path file, DatasetValidator validator) {
        return new DatasetAssert(file, validator);
    }

    /** Starts assertions on a report. */
    public static ValidationReportAssert assertThat(ValidationReport report) {
        return new ValidationReportAssert(report);
    }
}
