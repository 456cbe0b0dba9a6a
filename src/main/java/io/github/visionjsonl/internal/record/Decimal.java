package io.github.visionjsonl.internal.record;

import java.util.Locale;

/**
 * A number in a finding's message, formatted only when the message is: most findings of a large
 * file are counted and never kept, and formatting a double costs more than finding it.
 *
 * @param value the number
 * @param pattern its {@link String#format} pattern, in the root locale
 */
record Decimal(double value, String pattern) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, pattern, value);
    }
}
