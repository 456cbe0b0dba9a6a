package io.github.visionjsonl.reading.internal;

import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;

/** Where the reader reports what it finds in the current line. */
public interface FindingSink {

    /**
     * Reports one finding in the current line. The message is formatted only if the finding is
     * kept, so callers pass the key and parameters rather than text.
     *
     * @param suggested a severity other than the rule's default (an integer class name is a
     *     warning of {@code label-type}), or {@code null}; the user's configuration wins over both
     * @param column the 1-based byte column, 0 when unknown
     * @param params alternating names and values for the message
     */
    void report(RuleCode rule, Severity suggested, String pointer, int column, String messageKey, Object... params);
}
