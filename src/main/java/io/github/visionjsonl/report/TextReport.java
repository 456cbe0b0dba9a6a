package io.github.visionjsonl.report;

import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The text form of a report, as a compiler prints diagnostics: one line per finding
 * ({@code train.jsonl:7:31: error[coordinate-range]: ...}), then a summary.
 */
public final class TextReport {

    private static final int CLASSES_SHOWN = 20;

    private TextReport() {
    }

    /** The findings, one per line, then the summary lines; every line ends with a newline. */
    public static String format(ValidationReport report) {
        return format(report, 0);
    }

    /**
     * The findings, at most {@code maxPerRule} of each rule ({@code 0} for all), then for each rule
     * cut short a line such as {@code ... and 259 more unknown-field warnings like the ones above},
     * then the summary lines; every line ends with a newline.
     */
    public static String format(ValidationReport report, int maxPerRule) {
        StringBuilder b = new StringBuilder();
        int[] shown = new int[RuleCode.values().length];
        List<RuleCode> cut = new ArrayList<>();
        for (Finding f : report.findings()) {
            int i = f.rule().ordinal();
            if (maxPerRule > 0 && shown[i] >= maxPerRule) {
                if (shown[i] == maxPerRule) {
                    cut.add(f.rule());
                    shown[i]++;
                }
                continue;
            }
            shown[i]++;
            b.append(f.format(report.source())).append('\n');
        }
        for (RuleCode rule : cut) {
            RuleCount count = report.ruleCounts().get(rule);
            long all = count != null ? count.count() : report.findings(rule).size();
            b.append("... and ").append(all - maxPerRule).append(" more ").append(rule.code()).append(' ')
                    .append(count == null ? "findings" : plural(count)).append(" like the ones above\n");
        }
        return b.append(summary(report)).toString();
    }

    /** The findings' name in the plural: their severity's when they all have one, else findings. */
    private static String plural(RuleCount count) {
        Severity only = count.count() == count.errors() ? Severity.ERROR
                : count.count() == count.warnings() ? Severity.WARNING
                : count.count() == count.infos() ? Severity.INFO : null;
        return only == null ? "findings" : only.label() + "s";
    }

    /**
     * A short account for an exception or a failed assertion: the summary line and the first
     * {@code limit} findings, one per line, each as {@code file:line:col: severity[code]: message}.
     */
    public static String brief(ValidationReport report, int limit) {
        StringBuilder b = new StringBuilder(summary(report).lines().findFirst().orElse(""));
        int shown = 0;
        for (Finding f : report.findings()) {
            if (shown++ == limit) {
                break;
            }
            b.append("\n  ").append(f.format(report.source()));
        }
        long rest = report.findingCount() - Math.min(limit, report.findings().size());
        if (rest > 0) {
            b.append("\n  ... and ").append(rest).append(rest == 1 ? " more finding" : " more findings");
        }
        return b.toString();
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
        if (report.runtime().images() > 0) {
            b.append("  ").append(report.runtime().describe(report.task())).append('\n');
        }
        LineVerdicts verdicts = report.lineVerdicts();
        b.append("  ").append(report.lines()).append(report.lines() == 1 ? " line = " : " lines = ")
                .append(verdicts.accepted()).append(" accepted + ").append(verdicts.rejected()).append(" rejected + ")
                .append(verdicts.blank()).append(" blank\n");
        if (!report.ruleCounts().isEmpty()) {
            b.append(ruleTable(report.ruleCounts()));
        }
        Map<String, ClassStatistics> classes = report.statistics().classes();
        if (!classes.isEmpty()) {
            b.append(classTable(classes, report.task() != null && report.task().hasObjects()));
        }
        DatasetStatistics stats = report.statistics();
        if (report.task() != null && report.task().hasObjects() && stats.objectsPerImage().count() > 0) {
            Distribution perImage = stats.objectsPerImage();
            b.append(String.format(Locale.ROOT, "  objects per image: min %.0f, mean %.2f, max %.0f; %d image(s) without objects%n",
                    perImage.min(), perImage.mean(), perImage.max(), stats.imagesWithoutObjects()));
            if (stats.boxWidth().count() > 0) {
                b.append(String.format(Locale.ROOT,
                        "  box width p5/p50/p95: %.3f/%.3f/%.3f, height: %.3f/%.3f/%.3f (fractions of the image)%n",
                        stats.boxWidth().p5(), stats.boxWidth().p50(), stats.boxWidth().p95(),
                        stats.boxHeight().p5(), stats.boxHeight().p50(), stats.boxHeight().p95()));
            }
            if (stats.pointsPerSegment().count() > 0) {
                Distribution points = stats.pointsPerSegment();
                b.append(String.format(Locale.ROOT, "  points per polygon segment: min %.0f, mean %.1f, max %.0f%n",
                        points.min(), points.mean(), points.max()));
            }
        }
        ImageContentStatistics content = stats.imageContent();
        if (content != null && content.images() > 0) {
            b.append(String.format(Locale.ROOT, "  image content: %d images, %d decoded", content.images(),
                    content.decoded()));
            if (content.decoded() > 0) {
                b.append(String.format(Locale.ROOT, "; brightness p5/p50/p95 %.0f/%.0f/%.0f, contrast %.0f/%.0f/%.0f,"
                        + " sharpness p50 %.0f", content.brightness().p5(), content.brightness().p50(),
                        content.brightness().p95(), content.contrast().p5(), content.contrast().p50(),
                        content.contrast().p95(), content.sharpness().p50()));
            }
            b.append(String.format(Locale.ROOT, "; %d duplicate(s) in %d group(s), %d near-duplicate(s)%n",
                    content.duplicates(), content.duplicateGroups(), content.nearDuplicates()));
            for (List<Long> group : content.firstGroups()) {
                b.append("    same bytes: lines ").append(group.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append('\n');
            }
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

    /** The classes, most images first, as an aligned table; long lists end with a count of the rest. */
    private static String classTable(Map<String, ClassStatistics> classes, boolean objects) {
        List<Map.Entry<String, ClassStatistics>> rows = classes.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, ClassStatistics>>comparingLong(e -> -e.getValue().images())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        int width = Math.max(5, rows.stream().limit(CLASSES_SHOWN).mapToInt(e -> name(e.getKey()).length()).max().orElse(5));
        StringBuilder b = new StringBuilder();
        String format = "  %-" + width + "s %8s" + (objects ? " %10s %6s" : "") + "%n";
        b.append(objects ? String.format(format, "class", "images", "instances", "crowd")
                : String.format(format, "class", "images"));
        for (Map.Entry<String, ClassStatistics> e : rows.subList(0, Math.min(CLASSES_SHOWN, rows.size()))) {
            ClassStatistics c = e.getValue();
            b.append(objects ? String.format(format, name(e.getKey()), c.images(), c.instances(), c.crowdInstances())
                    : String.format(format, name(e.getKey()), c.images()));
        }
        if (rows.size() > CLASSES_SHOWN) {
            b.append("  ... and ").append(rows.size() - CLASSES_SHOWN).append(" more classes (--format json lists all)\n");
        }
        return b.toString();
    }

    /** Every rule that gave a finding, most findings first, with its counts by severity. */
    private static String ruleTable(Map<RuleCode, RuleCount> counts) {
        List<Map.Entry<RuleCode, RuleCount>> rows = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<RuleCode, RuleCount>>comparingLong(e -> -e.getValue().count())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        int width = Math.max(4, rows.stream().mapToInt(e -> e.getKey().code().length()).max().orElse(4));
        String format = "  %-" + width + "s %s%n";
        StringBuilder b = new StringBuilder(String.format(format, "rule", "findings"));
        for (Map.Entry<RuleCode, RuleCount> e : rows) {
            RuleCount c = e.getValue();
            List<String> parts = new ArrayList<>();
            if (c.errors() > 0) {
                parts.add(plural(c.errors(), "error"));
            }
            if (c.warnings() > 0) {
                parts.add(plural(c.warnings(), "warning"));
            }
            if (c.infos() > 0) {
                parts.add(plural(c.infos(), "info"));
            }
            b.append(String.format(format, e.getKey().code(), String.join(", ", parts)));
        }
        return b.toString();
    }

    /** Quotes a class name whose edges or separators would be lost in the table. */
    private static String name(String className) {
        boolean plain = !className.isEmpty() && className.strip().length() == className.length()
                && className.indexOf(' ') < 0 && className.indexOf('"') < 0;
        return plain ? className : '"' + className.replace("\"", "\\\"") + '"';
    }

    private static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word.endsWith("s") ? word + "es" : word + "s");
    }
}
