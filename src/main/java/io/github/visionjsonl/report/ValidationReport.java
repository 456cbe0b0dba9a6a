package io.github.visionjsonl.report;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one dataset file.
 *
 * @param source the name of what was read (a path, {@code "-"} for standard input)
 * @param task the task, as given or detected; {@code null} when no record told it
 * @param lines the count of lines read
 * @param records the count of lines that are JSON objects
 * @param validRecords the count of records without an error
 * @param errors the count of error findings (all of them, also those not kept)
 * @param warnings the count of warning findings
 * @param infos the count of info findings
 * @param classCounts label occurrences per class name in the records of the file's task, by
 *     name (images per class for classification, objects per class for detection and
 *     segmentation)
 * @param statistics what the dataset contains: per class, objects, box sizes, polygon points
 * @param findings the kept findings, by line; at most the configured maximum
 * @param complete {@code false} when reading stopped early (fail-fast)
 * @param runtime what training would keep of the file
 * @param lineVerdicts where the lines went: accepted, rejected, blank
 * @param ruleCounts the count of every finding (also those not kept) per rule that has one, in
 *     the catalogue's order
 */
public record ValidationReport(
        String source,
        Task task,
        long lines,
        long records,
        long validRecords,
        long errors,
        long warnings,
        long infos,
        Map<String, Long> classCounts,
        DatasetStatistics statistics,
        List<Finding> findings,
        boolean complete,
        RuntimeView runtime,
        LineVerdicts lineVerdicts,
        Map<RuleCode, RuleCount> ruleCounts) {

    /** Copies the collections into unmodifiable ones. */
    public ValidationReport {
        classCounts = Map.copyOf(classCounts);
        findings = List.copyOf(findings);
        ruleCounts = Collections.unmodifiableMap(ruleCounts.isEmpty() ? new EnumMap<>(RuleCode.class)
                : new EnumMap<>(ruleCounts));
    }

    /** The same report with other kept findings; the counts stay. */
    public ValidationReport withFindings(List<Finding> kept) {
        return withFindings(kept, errors, warnings, infos, ruleCounts);
    }

    /** The same report with other kept findings and counts (what a baseline leaves as new). */
    public ValidationReport withFindings(List<Finding> kept, long errorCount, long warningCount, long infoCount,
            Map<RuleCode, RuleCount> counts) {
        return new ValidationReport(source, task, lines, records, validRecords, errorCount, warningCount, infoCount,
                classCounts, statistics, kept, complete, runtime, lineVerdicts, counts);
    }

    /**
     * Whether the dataset has no error finding, and training would not drop more than the
     * share of annotations the validator allows ({@link RuntimeView#exceedsMaxDropped()}).
     */
    public boolean isValid() {
        return errors == 0 && !runtime.exceedsMaxDropped();
    }

    /** The count of all findings, kept or not. */
    public long findingCount() {
        return errors + warnings + infos;
    }

    /** Whether some findings were counted but not kept because of the cap. */
    public boolean findingsTruncated() {
        return findings.size() < findingCount();
    }

    /** Whether at least one finding has the given severity or a worse one. */
    public boolean hasFindingsAtLeast(Severity severity) {
        return switch (severity) {
            case ERROR -> errors > 0;
            case WARNING -> errors + warnings > 0;
            case INFO -> findingCount() > 0;
        };
    }

    /** The kept findings of one rule. */
    public List<Finding> findings(RuleCode rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }
}
