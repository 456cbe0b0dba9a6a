package io.github.visionjsonl.internal;

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
import java.util.function.LongUnaryOperator;

/**
 * Counts every finding and keeps the first ones up to the cap; when a caller iterates records,
 * it also gathers the findings of the current line.
 */
final class FindingCollector implements FindingSink {

    private final ValidatorConfig config;
    private final boolean perLine;
    private final List<Finding> kept = new ArrayList<>();
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

    FindingCollector(ValidatorConfig config, boolean perLine) {
        this(config, perLine, line -> 0);
    }

    FindingCollector(ValidatorConfig config, boolean perLine, LongUnaryOperator lineHash) {
        this.config = config;
        this.perLine = perLine;
        this.lineHash = lineHash;
    }

    /** Starts collecting for another line. */
    void startLine(long number) {
        line = number;
        lineHasError = false;
        if (perLine && !lineFindings.isEmpty()) {
            lineFindings = new ArrayList<>();
        }
    }

    /** Sets the line of the findings that follow, without starting a new line. */
    void atLine(long number) {
        line = number;
    }

    long line() {
        return line;
    }

    boolean lineHasError() {
        return lineHasError;
    }

    /** The findings of the current line, when collecting per line. */
    List<Finding> lineFindings() {
        return List.copyOf(lineFindings);
    }

    @Override
    public void report(RuleCode rule, Severity suggested, String pointer, int column, String messageKey,
            Object... params) {
        Severity severity = config.severityOf(rule, suggested);
        if (severity == null) {
            return;
        }
        count(rule, severity);
        if (keeps()) {
            keep(new Finding(line, column, pointer, rule, severity, Messages.format(messageKey, params),
                    lineHash(line)));
        }
    }

    /** The hash of a kept finding's line; none for a finding about the whole file. */
    long lineHash(long number) {
        return number > 0 ? lineHash.applyAsLong(number) : 0;
    }

    /** Counts a finding of the given rule and severity in the current line. */
    void count(RuleCode rule, Severity severity) {
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

    /** Whether a finding counted now would be kept, so worth formatting. */
    boolean keeps() {
        return perLine || kept.size() < config.maxFindings();
    }

    /**
     * Counts and keeps a finding about another line than the current one (a held-back line, an
     * image checked on another thread, or the whole file with line 0), decided only now; the
     * current line is not affected.
     *
     * @return the finding (kept or not), or {@code null} when its rule is off
     */
    Finding reportAt(long line, RuleCode rule, String pointer, int column, String messageKey, Object... params) {
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
                perLine || kept.size() < config.maxFindings() ? lineHash(line) : 0);
        if (kept.size() < config.maxFindings()) {
            kept.add(f);
        }
        return f;
    }

    /** {@link #reportAt(long, RuleCode, String, int, String, Object...)} without a column. */
    Finding reportAt(long line, RuleCode rule, String pointer, String messageKey, Object... params) {
        return reportAt(line, rule, pointer, 0, messageKey, params);
    }

    /** Keeps a counted finding. */
    void keep(Finding finding) {
        if (kept.size() < config.maxFindings()) {
            kept.add(finding);
        }
        if (perLine) {
            lineFindings.add(finding);
        }
    }

    long errors() {
        return errors;
    }

    long warnings() {
        return warnings;
    }

    long infos() {
        return infos;
    }

    /** The count of every finding per rule that has one, in the catalogue's order. */
    Map<RuleCode, RuleCount> ruleCounts() {
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
    List<Finding> sorted() {
        List<Finding> all = new ArrayList<>(kept);
        all.sort(Comparator.<Finding>comparingLong(f -> f.line() == 0 ? Long.MAX_VALUE : f.line())
                .thenComparingInt(Finding::column));
        return all;
    }
}
