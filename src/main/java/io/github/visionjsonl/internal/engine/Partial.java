package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.findings.RuntimeTally;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.LineVerdicts;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one part of an input (read on another machine) adds to the input's report: its counts,
 * its kept findings (the first of the part by line, as many as a report keeps), what training
 * would keep, and the statistics of its records. Parts are absorbed in the input's order by a
 * {@link PartRuns#assembly assembly}, which then makes the checks of the whole file.
 */
public final class Partial implements Serializable {

    private static final long serialVersionUID = 1L;

    final long lines;
    final long records;
    final long validRecords;
    final long[] ruleCounts;
    private final List<Kept> kept;
    final RuntimeTally runtime;
    final RecordStats stats;
    private final long accepted;
    private final long rejected;
    private final long blank;
    /** For a validation file: its records with an image URL, and those whose image is in the training file. */
    final long[] pairCounts;
    private final Task task;
    private final long taskLine;

    /** A kept finding in a serializable form. */
    private record Kept(long line, int column, String pointer, RuleCode rule, Severity severity, String message,
            long lineHash) implements Serializable {
    }

    Partial(long lines, long records, long validRecords, long[] ruleCounts, List<Finding> kept, RuntimeTally runtime,
            RecordStats stats, LineVerdicts verdicts, long[] pairCounts, Task task, long taskLine) {
        this.pairCounts = pairCounts;
        this.accepted = verdicts.accepted();
        this.rejected = verdicts.rejected();
        this.blank = verdicts.blank();
        this.lines = lines;
        this.records = records;
        this.validRecords = validRecords;
        this.ruleCounts = ruleCounts;
        List<Kept> k = new ArrayList<>(kept.size());
        for (Finding f : kept) {
            k.add(new Kept(f.line(), f.column(), f.pointer(), f.rule(), f.severity(), f.message(), f.lineHash()));
        }
        this.kept = k;
        this.runtime = runtime;
        this.stats = stats;
        this.task = task;
        this.taskLine = taskLine;
    }

    /** The same results without the kept findings (counts and statistics only). */
    public Partial withoutKeptFindings() {
        return new Partial(lines, records, validRecords, ruleCounts, List.of(), runtime, stats, verdicts(), pairCounts,
                task, taskLine);
    }

    /** The part's kept findings, by line, in the order they were made within a line. */
    public List<Finding> keptFindings() {
        List<Finding> out = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            out.add(new Finding(k.line(), k.column(), k.pointer(), k.rule(), k.severity(), k.message(), k.lineHash()));
        }
        return out;
    }

    LineVerdicts verdicts() {
        return new LineVerdicts(accepted, rejected, blank);
    }

    /** The count of the part's lines. */
    public long lines() {
        return lines;
    }

    /** The count of the part's findings of a rule, all severities. */
    public long count(RuleCode rule) {
        int i = rule.ordinal() * 3;
        return ruleCounts[i] + ruleCounts[i + 1] + ruleCounts[i + 2];
    }

    /** The task known at the part's end (given, detected, or told), or null. */
    public Task task() {
        return task;
    }

    /** The line the task was detected from, 0 when given or unknown. */
    public long taskLine() {
        return taskLine;
    }
}
