package io.github.visionjsonl.reading;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.Severity;
import java.util.List;

/**
 * The verdict on one line: its record, when one could be built, and all its findings.
 *
 * @param line the 1-based line number
 * @param record the typed record, or {@code null} when the line is not a usable record
 * @param findings the findings of the line in the order found: all of them, up to the validator's
 *     {@code maxFindings} (and its first error past them); a report counts the rest
 */
public record ValidatedLine(long line, ImageRecord record, List<Finding> findings) {

    /** Copies the findings. */
    public ValidatedLine {
        findings = List.copyOf(findings);
    }

    /** Whether the line holds a record without an error finding. */
    public boolean isValid() {
        return record != null && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
