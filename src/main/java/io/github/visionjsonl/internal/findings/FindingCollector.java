package io.github.visionjsonl.internal.findings;

import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.reading.internal.PointerLocator;
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

    private static final RuleCode[] RULES = RuleCode.values();
    private static final Severity[] SEVERITIES = Severity.values();

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
    /** The line being merged: its bytes give the findings their columns and hashes. */
    private LineResult current;
    /** The line whose hash {@link #currentHash} is (0 for none), computed for its first kept finding. */
    private long hashedLine;
    private long currentHash;
    /** A line read before the current one whose finding is being reported, with its hash. */
    private long earlierLine;
    private long earlierHash;
    /** Whether the input is read to its end: the reader may have reused the last line's buffer. */
    private boolean inputDone;

    public FindingCollector(ValidatorConfig config, boolean perLine, RuntimeTally runtime) {
        this.config = config;
        this.perLine = perLine;
        this.runtime = runtime;
    }

    /** Starts collecting for another line. */
    public void startLine(LineResult r) {
        current = r;
        line = r.line;
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

    /**
     * The hash of a kept finding's line: the current line's (hashed once, for its first kept
     * finding), an earlier line's whose finding is being reported now ({@link #atEarlierLine}),
     * else 0: its bytes are gone, as for the findings of the checks at the end of the file, and
     * for a finding about the whole file.
     */
    public long lineHash(long number) {
        if (number <= 0) {
            return 0;
        }
        if (number == earlierLine) {
            return earlierHash;
        }
        LineResult r = current;
        if (inputDone || r == null || number != r.line) {
            return 0;
        }
        if (hashedLine != number) {
            currentHash = LineHash.of(r.buf, r.start, r.length);
            hashedLine = number;
        }
        return currentHash;
    }

    /** The findings about {@code number} that follow are about an earlier line, whose bytes hashed to {@code hash}. */
    public void atEarlierLine(long number, long hash) {
        earlierLine = number;
        earlierHash = hash;
    }

    /** The findings that follow are no longer about an earlier line. */
    public void earlierLineDone() {
        earlierLine = 0;
    }

    /** The input is read to its end: the last line's bytes may be gone. */
    public void inputDone() {
        inputDone = true;
    }

    /** The column of a pointer in the current line, found from the line's bytes. */
    public int columnOf(String pointer) {
        LineResult r = current;
        int column = r.plain ? PointerLocator.plainColumn(r.buf, r.start, r.length, pointer) : -1;
        return column > 0 ? column : PointerLocator.column(config.jsonFactory(), r.buf, r.start, r.length, pointer);
    }

    /**
     * Counts and keeps the findings a worker made about the current line, now that their order
     * is known: the held ones, and those past the line's cap, which followed every held one and
     * are counted, never kept.
     */
    public void merge(List<PendingFinding> held, int[] overCap, List<PendingFinding> dropsOverCap) {
        if (held != null) {
            for (PendingFinding f : held) {
                runtime.finding(f.rule(), f.messageKey(), f.pointer());
                count(f.rule(), f.severity());
                if (keeps()) {
                    int column = f.column() >= 0 ? f.column() : columnOf(f.pointer());
                    keep(new Finding(line, column, f.pointer(), f.rule(), f.severity(),
                            Messages.format(f.messageKey(), f.params()), lineHash(line)));
                }
            }
        }
        if (overCap != null) {
            for (int i = 0; i < overCap.length; i++) {
                if (overCap[i] > 0) {
                    count(RULES[i / 3], SEVERITIES[i % 3], overCap[i]);
                }
            }
            if (dropsOverCap != null) {
                for (PendingFinding f : dropsOverCap) {
                    runtime.finding(f.rule(), f.messageKey(), f.pointer());
                }
            }
        }
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

    /**
     * Reports the problems found in one line's image, about that line; whether one of them is an
     * error. The findings are added to {@code lineFindings} unless it is null.
     */
    public boolean reportImage(long line, int urlColumn, List<ImageChecker.Problem> problems, List<Finding> lineFindings) {
        boolean error = false;
        for (ImageChecker.Problem p : problems) {
            Finding f = reportAt(line, p.rule(), p.pointer(), p.pointer().equals("/image_url") ? urlColumn : 0,
                    p.messageKey(), p.params());
            if (f != null) {
                error |= f.severity() == Severity.ERROR;
                if (lineFindings != null) {
                    lineFindings.add(f);
                }
            }
        }
        return error;
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
