package io.github.visionjsonl.rules;

import java.util.Locale;

/**
 * How much a finding matters.
 *
 * <p>{@link #ERROR}: the record or file would be rejected, dropped or misread by the training
 * runtime. {@link #WARNING}: accepted, but probably not what the author meant. {@link #INFO}:
 * statistics worth knowing. Declared from most to least severe.
 */
public enum Severity {
    /** The record or file would be rejected, dropped or misread. */
    ERROR,
    /** Accepted, but probably not what the author meant. */
    WARNING,
    /** Worth knowing; never a problem on its own. */
    INFO;

    /** The lower-case name used in reports and on the command line ({@code "error"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /**
     * Parses {@code error}, {@code warning} or {@code info}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "': expected error, warning or info");
    }
}
