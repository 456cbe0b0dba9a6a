package io.github.visionjsonl.convert;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a converter noticed on its input, as findings that point into it (line 0, a pointer or a
 * file name). It keeps the first {@link #KEPT} warnings and every error (errors stop a file, so
 * there are few) and counts the rest: an input that is clamped everywhere costs a counter, not a
 * finding per value.
 */
final class ConversionLog {

    /** How many warnings are kept, as a validation report keeps its findings. */
    static final int KEPT = DatasetValidator.DEFAULT_MAX_FINDINGS;

    private final List<Finding> findings = new ArrayList<>();
    private long count;
    private int warnings;

    void add(RuleCode rule, String where, String key, Object... params) {
        count++;
        if (rule.defaultSeverity() != Severity.ERROR && warnings++ >= KEPT) {
            return;
        }
        findings.add(new Finding(0, 0, where, rule, rule.defaultSeverity(), Messages.format(key, params)));
    }

    /**
     * The value clamped into [0, 1], with a finding when it was outside by more than rounding.
     * Callers give a finite value: a NaN has no edge to be clamped to.
     */
    double clamp(double v, String what, String where, String size) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ", not a finite number");
        }
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

    /** How many findings there were, kept or not. */
    long count() {
        return count;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The result of a conversion that wrote {@code records} records. */
    ConversionResult result(Path output, long records, ValidationReport validation) {
        return new ConversionResult(output, records, findings, count, validation);
    }

    /** The result of a conversion that wrote {@code records} records, with the validation of the file as {@code task}. */
    ConversionResult validated(Path output, long records, Task task) throws IOException {
        return result(output, records, DatasetValidator.builder().task(task).build().validate(output));
    }

    /**
     * Writes the records of the inputs, in their order, into a new JSONL file and commits it;
     * an input without a record is left out. Nothing is left behind when writing fails.
     *
     * @return how many records were written
     */
    static <T> long write(List<T> inputs, RecordOf<T> recordOf, Path output) throws IOException {
        try (JsonlWriter out = JsonlWriter.create(output)) {
            for (T input : inputs) {
                ImageRecord record = recordOf.record(input);
                if (record != null) {
                    out.write(record);
                }
            }
            out.commit();
            return out.written();
        }
    }

    /** The record of one input of a conversion, or {@code null} when it gives none (the log says why). */
    @FunctionalInterface
    interface RecordOf<T> {
        ImageRecord record(T input) throws IOException;
    }
}
