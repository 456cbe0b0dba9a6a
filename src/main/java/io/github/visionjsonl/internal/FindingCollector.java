package io.github.visionjsonl.internal;

import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    FindingCollector(ValidatorConfig config, boolean perLine) {
        this.config = config;
        this.perLine = perLine;
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
        count(severity);
        if (keeps()) {
            keep(new Finding(line, column, pointer, rule, severity, Messages.format(messageKey, params)));
        }
    }

    /** Counts a finding of the given severity in the current line. */
    void count(Severity severity) {
        switch (severity) {
            case ERROR -> {
                errors++;
                lineHasError = true;
            }
            case WARNING -> warnings++;
            case INFO -> infos++;
        }
    }

    /** Counts {@code n} findings of the given severity in the current line, none of them kept. */
    void count(Severity severity, int n) {
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
        switch (severity) {
            case ERROR -> errors++;
            case WARNING -> warnings++;
            case INFO -> infos++;
        }
        Finding f = new Finding(line, column, pointer, rule, severity, Messages.format(messageKey, params));
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

    /** The kept findings by line and column, findings about the whole file last. */
    List<Finding> sorted() {
        List<Finding> all = new ArrayList<>(kept);
        all.sort(Comparator.<Finding>comparingLong(f -> f.line() == 0 ? Long.MAX_VALUE : f.line())
                .thenComparingInt(Finding::column));
        return all;
    }
}
