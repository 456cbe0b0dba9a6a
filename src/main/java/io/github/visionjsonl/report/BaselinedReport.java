package io.github.visionjsonl.report;

import java.util.List;

/**
 * A report seen through a {@link Baseline}: its new findings, and those the baseline already had.
 *
 * @param report the report with only the new findings, counted (errors, warnings, per rule) as if
 *     the baselined ones were not there; its verdict is the one a build goes by
 * @param baselined the findings that matched an entry of the baseline, by line
 * @param fixed the count of the baseline's entries for this file that matched no finding
 */
public record BaselinedReport(ValidationReport report, List<Finding> baselined, long fixed) {

    /** Copies the list into an unmodifiable one. */
    public BaselinedReport {
        baselined = List.copyOf(baselined);
    }
}
