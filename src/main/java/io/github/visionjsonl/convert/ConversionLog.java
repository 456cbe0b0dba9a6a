package io.github.visionjsonl.convert;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.internal.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a converter noticed on its input, as findings that point into it (line 0, a pointer or a file name). */
final class ConversionLog {

    private final List<Finding> findings = new ArrayList<>();

    void add(RuleCode rule, String where, String key, Object... params) {
        findings.add(new Finding(0, 0, where, rule, rule.defaultSeverity(), Messages.format(key, params)));
    }

    /** The value clamped into [0, 1], with a finding when it was outside by more than rounding. */
    double clamp(double v, String what, String where, String size) {
        if (v >= 0 && v <= 1) {
            return v;
        }
        double clamped = v < 0 ? 0 : 1;
        if (Math.abs(v - clamped) > 1e-12) {
            add(RuleCode.CONVERT_CLAMPED, where, "convert-clamped", "what", what,
                    "value", String.format(Locale.ROOT, "%.6g", v), "size", size, "clamped", (int) clamped);
        }
        return clamped;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
