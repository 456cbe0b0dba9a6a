package io.github.visionjsonl.cli;

import io.github.visionjsonl.report.ValidationReport;
import java.util.List;

/** The line that ends the text output of several files. */
final class RunTotal {

    private RunTotal() {
    }

    /** One line for several files: {@code 48 files: 3 invalid, 45 valid; 12 errors, 7 warnings}. */
    static String of(List<Object> results) {
        long invalid = 0;
        long unreadable = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        long baselined = 0;
        long fixed = 0;
        for (Object r : results) {
            if (r instanceof ValidateCommand.Entry entry) {
                if (entry.baselined() != null) {
                    baselined += entry.baselined().baselined().size();
                    fixed += entry.baselined().fixed();
                }
                ValidationReport report = entry.report();
                invalid += report.isValid() ? 0 : 1;
                errors += report.errors();
                warnings += report.warnings();
                infos += report.infos();
            } else {
                unreadable++;
            }
        }
        StringBuilder b = new StringBuilder().append(results.size()).append(" files: ").append(invalid)
                .append(" invalid, ").append(results.size() - invalid - unreadable).append(" valid");
        if (unreadable > 0) {
            b.append(", ").append(unreadable).append(" unreadable");
        }
        b.append("; ").append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
        if (infos > 0) {
            b.append(", ").append(plural(infos, "info"));
        }
        if (results.stream().anyMatch(r -> r instanceof ValidateCommand.Entry e && e.baselined() != null)) {
            b.append("; ").append(baselined).append(" baselined, ").append(fixed).append(" fixed");
        }
        return b.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
