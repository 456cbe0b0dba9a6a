package io.github.visionjsonl.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text form of a report, as a compiler prints diagnostics: one line per finding
 * ({@code train.jsonl:7:31: error[coordinate-range]: ...}), then a summary.
 */
public final class TextReport {

    private static final int CLASSES_SHOWN = 12;

    private TextReport() {
    }

    /** The findings, one per line, then the summary lines; every line ends with a newline. */
    public static String format(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(f.format(report.source())).append('\n');
        }
        return b.append(summary(report)).toString();
    }

    /** The summary: counts, task, classes, and a note when findings were cut or reading stopped. */
    public static String summary(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        b.append(report.source()).append(": ")
                .append(report.task() == null ? "task unknown" : report.task().sdkName()).append(", ")
                .append(report.lines()).append(report.lines() == 1 ? " line, " : " lines, ")
                .append(report.records()).append(report.records() == 1 ? " record (" : " records (")
                .append(report.validRecords()).append(" valid), ")
                .append(plural(report.errors(), "error")).append(", ")
                .append(plural(report.warnings(), "warning"));
        if (report.infos() > 0) {
            b.append(", ").append(plural(report.infos(), "info"));
        }
        b.append(report.isValid() ? " - OK" : " - INVALID").append('\n');
        Map<String, Long> classes = report.classCounts();
        if (!classes.isEmpty()) {
            List<Map.Entry<String, Long>> top = classes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            String shown = top.stream().limit(CLASSES_SHOWN).map(e -> name(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            b.append("  ").append(plural(classes.size(), "class")).append(": ").append(shown)
                    .append(top.size() > CLASSES_SHOWN ? ", ..." : "").append('\n');
        }
        if (report.findingsTruncated()) {
            b.append("  showing the first ").append(report.findings().size()).append(" of ")
                    .append(report.findingCount()).append(" findings (--max-findings)\n");
        }
        if (!report.complete()) {
            b.append("  stopped at the first error (--fail-fast)\n");
        }
        return b.toString();
    }

    /** Quotes a class name whose edges or separators would be lost in the list. */
    private static String name(String className) {
        boolean plain = !className.isEmpty() && className.strip().length() == className.length()
                && className.indexOf(',') < 0 && className.indexOf('"') < 0;
        return plain ? className : '"' + className.replace("\"", "\\\"") + '"';
    }

    private static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word.endsWith("s") ? word + "es" : word + "s");
    }
}
