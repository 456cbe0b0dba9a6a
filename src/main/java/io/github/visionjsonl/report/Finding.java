package io.github.visionjsonl.report;

import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;

/**
 * One problem found in a dataset, located as precisely as the input allows.
 *
 * @param line the 1-based line number, or 0 for a finding about the whole file
 * @param column the 1-based byte column in the line, or 0 when unknown
 * @param pointer the RFC 6901 JSON pointer into the line's object ({@code "/label/0/topX"}),
 *     {@code ""} for the whole line or file
 * @param rule the rule that was broken
 * @param severity the severity, after the user's configuration
 * @param message what was expected and what was found, with a hint where one is obvious
 * @param lineHash a 64-bit hash of the line's bytes, which stays the same when other lines are
 *     inserted or removed (a baseline and SARIF fingerprints match findings by it); 0 when the
 *     line's bytes were not at hand (findings about the whole file or found at its end)
 */
public record Finding(long line, int column, String pointer, RuleCode rule, Severity severity, String message,
        long lineHash) {

    /** A finding whose line's hash is unknown. */
    public Finding(long line, int column, String pointer, RuleCode rule, Severity severity, String message) {
        this(line, column, pointer, rule, severity, message, 0);
    }

    /** The rule's stable kebab-case code, e.g. {@code coordinate-range}. */
    public String code() {
        return rule.code();
    }

    /**
     * The finding as a compiler would print it: {@code file:line:col: error[code]: message}. The
     * line and column are left out where unknown.
     */
    public String format(String file) {
        StringBuilder b = new StringBuilder(file.length() + message.length() + 40).append(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(severity.label()).append('[').append(rule.code()).append("]: ")
                .append(message).toString();
    }

    @Override
    public String toString() {
        return format("line");
    }
}
