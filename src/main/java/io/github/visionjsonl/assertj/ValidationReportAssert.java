package io.github.visionjsonl.assertj;

import io.github.visionjsonl.report.ValidationReport;

/** Assertions on a report you already have; start with {@link VisionJsonlAssertions#assertThat(ValidationReport)}. */
public class ValidationReportAssert extends AbstractValidationReportAssert<ValidationReportAssert> {

    /** Used by {@link VisionJsonlAssertions}. */
    public ValidationReportAssert(ValidationReport actual) {
        super(actual, ValidationReportAssert.class);
    }
}
