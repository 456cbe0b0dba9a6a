package io.github.visionjsonl.html;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The lines of one file a page shows as thumbnails, chosen while the file streams past: the
 * first lines that fired each rule, and a sample of valid lines that is the same on every run
 * (the lines whose mixed line number is smallest), so memory is bounded by the gallery's size.
 */
final class LineSample {

    /** One line picked for the gallery. */
    record Entry(String source, long line, ImageRecord record, List<Finding> findings) {
    }

    private final String source;
    private final int perRule;
    private final int valid;
    private final Map<RuleCode, List<Entry>> byRule = new EnumMap<>(RuleCode.class);
    /** The picked valid lines, largest priority first so the head is the one to drop. */
    private final PriorityQueue<Picked> validLines = new PriorityQueue<>(Comparator.comparingLong(Picked::priority).reversed());

    private record Picked(long priority, Entry entry) {
    }

    LineSample(String source, int perRule, int valid) {
        this.source = source;
        this.perRule = perRule;
        this.valid = valid;
    }

    /** Looks at one line's verdict; keeps it only when the gallery may show it. */
    void accept(ValidatedLine line) {
        if (line.record() == null) {
            return; // nothing to draw: the rules table lists such lines
        }
        Entry entry = null;
        boolean error = false;
        List<Finding> findings = line.findings();
        for (int i = 0; i < findings.size(); i++) { // indexed: this runs for every line of the file
            Finding f = findings.get(i);
            error |= f.severity() == Severity.ERROR;
            List<Entry> kept = byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>(perRule));
            if (kept.size() < perRule && (kept.isEmpty() || kept.get(kept.size() - 1).line() != line.line())) {
                entry = entry != null ? entry : entryOf(line);
                kept.add(entry);
            }
        }
        if (!error && valid > 0) {
            long priority = mix(line.line());
            if (validLines.size() < valid) {
                validLines.add(new Picked(priority, entryOf(line)));
            } else if (priority < validLines.peek().priority()) {
                validLines.poll();
                validLines.add(new Picked(priority, entryOf(line)));
            }
        }
    }

    private Entry entryOf(ValidatedLine line) {
        return new Entry(source, line.line(), line.record(), line.findings());
    }

    /** The first lines of each rule, by rule in catalogue order, each line once. */
    Map<RuleCode, List<Entry>> byRule() {
        return byRule;
    }

    /** The sampled valid lines, in line order. */
    List<Entry> validLines() {
        List<Entry> lines = new ArrayList<>(validLines.size());
        for (Picked p : validLines) {
            lines.add(p.entry());
        }
        lines.sort(Comparator.comparingLong(Entry::line));
        return lines;
    }

    /**
     * The gallery of several files: lines of each rule first (rule by rule, up to the per-rule
     * count over all files), then valid lines, at most {@code limit} in all.
     */
    static List<Entry> gallery(List<LineSample> samples, int limit) {
        Map<String, Entry> picked = new LinkedHashMap<>();
        for (RuleCode rule : RuleCode.values()) {
            int ofRule = 0;
            for (LineSample s : samples) {
                for (Entry e : s.byRule.getOrDefault(rule, List.of())) {
                    if (ofRule < s.perRule && picked.size() < limit) {
                        if (picked.putIfAbsent(e.source() + '\n' + e.line(), e) == null) {
                            ofRule++;
                        }
                    }
                }
            }
        }
        for (LineSample s : samples) {
            for (Entry e : s.validLines()) {
                if (picked.size() < limit) {
                    picked.putIfAbsent(e.source() + '\n' + e.line(), e);
                }
            }
        }
        return List.copyOf(picked.values());
    }

    /** A fixed bijective mix of the line number (SplitMix64's finalizer). */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return (x ^ (x >>> 31)) >>> 1;
    }
}
