package io.github.visionjsonl.internal.findings;

import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.RuleCount;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongUnaryOperator;

/**
 * Counts every finding and keeps the first ones up to the cap; when a caller iterates records,
 * it also gathers the findings of the current line.
 *
 * <p>"First" is by line, not by arrival: the images of a line are checked on a pool and their
 * findings arrive after those of later lines, and held-back lines are decided late. While the
 * lines are read, the kept findings are the first {@code maxFindings} by line (a finding about
 * an earlier line displaces the last kept one), so every run keeps the same ones; the findings
 * made about the whole dataset after the lines ({@link #linesDone()}) take only the room left.
 */
public final class FindingCollector implements FindingSink {

    private static final Comparator<Kept> LAST_FIRST = Comparator.<Kept>comparingLong(k -> order(k.finding().line()))
            .thenComparingLong(Kept::arrival).reversed();

    private final ValidatorConfig config;
    private final boolean perLine;
    /** The kept findings, the last by line first, so that an earlier one can take its place. */
    private final PriorityQueue<Kept> kept = new PriorityQueue<>(LAST_FIRST);
    private long arrivals;
    private boolean linesDone;
    /** Told of every finding of the current line: what training would drop. */
    private final RuntimeTally runtime;
    private List<Finding> lineFindings = new ArrayList<>();
    private long line;
    private boolean lineHasError;
    private long errors;
    private long warnings;
    private long infos;
    /** Counts per rule and severity, at {@code rule.ordinal() * 3 + severity.ordinal()}. */
    private final long[] ruleCounts = new long[RuleCode.values().length * 3];
    /** The hash of a line's bytes by its number, asked only for a kept finding; 0 when unknown. */
    private final LongUnaryOperator lineHash;

    public FindingCollector(ValidatorConfig config, boolean perLine, RuntimeTally runtime, LongUnaryOperator lineHash) {
        this.config = config;
        this.perLine = perLine;
        this.runtime = runtime;
        this.lineHash = lineHash;
    }

    /** Starts collecting for another line. */
    public void startLine(long number) {
        line = number;
        lineHasError = false;
        runtime.startLine();
        if (perLine && !lineFindings.isEmpty()) {
            lineFindings = new ArrayList<>();
        }
    }

    /** Sets the line of the findings that follow, without starting a new line. */
    public void atLine(long number) {
        line = number;
    }

    public long line() {
        return line;
    }

    public boolean lineHasError() {
        return lineHasError;
    }

    /** The findings of the current line, when collecting per line. */
    public List<Finding> lineFindings() {
        return List.copyOf(lineFindings);
    }

    @Override
    public void report(RuleCode rule, Severity suggested, String pointer, int column, String messageKey,
            Object... params) {
        Severity severity = config.severityOf(rule, suggested);
        if (severity == null) {
            return;
        }
        runtime.finding(rule, messageKey, pointer);
        count(rule, severity);
        if (keeps()) {
            keep(new Finding(line, column, pointer, rule, severity, Messages.format(messageKey, params),
                    lineHash(line)));
        }
    }

    /** The hash of a kept finding's line; none for a finding about the whole file. */
    public long lineHash(long number) {
        return number > 0 ? lineHash.applyAsLong(number) : 0;
    }

    /** Counts a finding of the given rule and severity in the current line. */
    public void count(RuleCode rule, Severity severity) {
        ruleCounts[rule.ordinal() * 3 + severity.ordinal()]++;
        switch (severity) {
            case ERROR -> {
                errors++;
                lineHasError = true;
            }
            case WARNING -> warnings++;
            case INFO -> infos++;
        }
    }

    /** Counts {@code n} findings of a rule and severity in the current line, none of them kept. */
    public void count(RuleCode rule, Severity severity, int n) {
        ruleCounts[rule.ordinal() * 3 + severity.ordinal()] += n;
        switch (severity) {
            case ERROR -> {
                errors += n;
                lineHasError |= n > 0;
            }
            case WARNING -> warnings += n;
            case INFO -> infos += n;
        }
    }

    /** Whether a finding counted now would be kept, so worth formatting. */
    public boolean keeps() {
        return perLine || keepsAt(line);
    }

    /** Whether a finding about the given line, made now, would be kept. */
    private boolean keepsAt(long about) {
        if (kept.size() < config.maxFindings()) {
            return true;
        }
        return !linesDone && !kept.isEmpty() && order(about) < order(kept.peek().finding().line());
    }

    /** From now on, findings take only the room left: the lines are all read and their images checked. */
    public void linesDone() {
        linesDone = true;
    }

    /**
     * Counts and keeps a finding about another line than the current one (a held-back line, an
     * image checked on another thread, or the whole file with line 0), decided only now; the
     * current line is not affected.
     *
     * @return the finding (kept or not), or {@code null} when its rule is off
     */
    public Finding reportAt(long line, RuleCode rule, String pointer, int column, String messageKey, Object... params) {
        return reportAt(line, -1, rule, pointer, column, messageKey, params);
    }

    /**
     * {@link #reportAt(long, RuleCode, String, int, String, Object...)} with the hash the finding
     * is matched on given ({@code -1}: the hash of the line's bytes, where they are still at hand).
     */
    public Finding reportAt(long line, long hash, RuleCode rule, String pointer, int column, String messageKey,
            Object... params) {
        Severity severity = config.severityOf(rule, null);
        if (severity == null) {
            return null;
        }
        ruleCounts[rule.ordinal() * 3 + severity.ordinal()]++;
        switch (severity) {
            case ERROR -> errors++;
            case WARNING -> warnings++;
            case INFO -> infos++;
        }
        Finding f = new Finding(line, column, pointer, rule, severity, Messages.format(messageKey, params),
                !keepsAt(line) ? 0 : hash != -1 ? hash : lineHash(line));
        if (keepsAt(line)) {
            add(f);
        }
        return f;
    }

    /** {@link #reportAt(long, RuleCode, String, int, String, Object...)} without a column. */
    public Finding reportAt(long line, RuleCode rule, String pointer, String messageKey, Object... params) {
        return reportAt(line, rule, pointer, 0, messageKey, params);
    }

    /** Keeps a counted finding. */
    public void keep(Finding finding) {
        if (keepsAt(finding.line())) {
            add(finding);
        }
        if (perLine) {
            lineFindings.add(finding);
        }
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public long infos() {
        return infos;
    }

    /** The count of every finding per rule that has one, in the catalogue's order. */
    public Map<RuleCode, RuleCount> ruleCounts() {
        Map<RuleCode, RuleCount> counts = new EnumMap<>(RuleCode.class);
        for (RuleCode rule : RuleCode.values()) {
            int i = rule.ordinal() * 3;
            if (ruleCounts[i] + ruleCounts[i + 1] + ruleCounts[i + 2] > 0) {
                counts.put(rule, new RuleCount(ruleCounts[i], ruleCounts[i + 1], ruleCounts[i + 2]));
            }
        }
        return counts;
    }

    /** The kept findings by line and column, findings about the whole file last. */
    public List<Finding> sorted() {
        List<Kept> all = new ArrayList<>(kept);
        all.sort(Comparator.<Kept>comparingLong(k -> order(k.finding().line()))
                .thenComparingInt(k -> k.finding().column()).thenComparingLong(Kept::arrival));
        return all.stream().map(Kept::finding).toList();
    }

    /** The kept findings in the order they count for the cap: by line, then as they came. */
    public List<Finding> keptInLineOrder() {
        List<Kept> all = new ArrayList<>(kept);
        all.sort(Comparator.<Kept>comparingLong(k -> order(k.finding().line())).thenComparingLong(Kept::arrival));
        return all.stream().map(Kept::finding).toList();
    }

    /** The counts per rule and severity, at {@code rule.ordinal() * 3 + severity.ordinal()}. */
    public long[] ruleCountArray() {
        return ruleCounts.clone();
    }

    /**
     * Adds the findings of a part of the input that follows the parts absorbed before (read on
     * another machine): its counts, and its kept findings in {@link #keptInLineOrder()}, which
     * are kept as if they had been made here.
     */
    public void absorb(long[] counts, List<Finding> keptInLineOrder) {
        for (int i = 0; i < counts.length; i++) {
            ruleCounts[i] += counts[i];
            switch (i % 3) {
                case 0 -> errors += counts[i];
                case 1 -> warnings += counts[i];
                default -> infos += counts[i];
            }
        }
        for (Finding f : keptInLineOrder) {
            if (keepsAt(f.line())) {
                add(f);
            }
        }
    }

    private void add(Finding finding) {
        kept.add(new Kept(finding, arrivals++));
        if (kept.size() > config.maxFindings()) {
            kept.poll();
        }
    }

    /** Findings about the whole file (line 0) come after every line. */
    private static long order(long line) {
        return line == 0 ? Long.MAX_VALUE : line;
    }

    /** A kept finding and when it came: within a line, findings keep the order they were made in. */
    private record Kept(Finding finding, long arrival) {
    }

}
