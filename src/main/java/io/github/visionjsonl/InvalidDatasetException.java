package io.github.visionjsonl;

import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;

/**
 * Thrown by {@link DatasetValidator#validateOrThrow} when a dataset has a finding at or above
 * the severity asked for. The message lists the first findings as a compiler would
 * ({@code train.jsonl:7:31: error[coordinate-range]: ...}) and the counts; {@link #report()}
 * has everything.
 */
public final class InvalidDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** How many findings the message lists. */
    static final int FINDINGS_IN_MESSAGE = 10;

    private final transient ValidationReport report;

    /** An exception for the given report. */
    public InvalidDatasetException(ValidationReport report) {
        super(TextReport.brief(report, FINDINGS_IN_MESSAGE));
        this.report = report;
    }

    /** The whole report of the dataset. */
    public ValidationReport report() {
        return report;
    }
}
