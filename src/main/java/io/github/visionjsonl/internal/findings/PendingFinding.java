package io.github.visionjsonl.internal.findings;

import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;

/**
 * A finding as a worker makes it: not yet counted, kept or formatted, because only the thread
 * that merges the lines in order knows whether the cap is reached.
 *
 * @param rule the rule
 * @param severity the severity after the configuration
 * @param pointer the JSON pointer in the line
 * @param column the column, or -1 to look it up from the pointer when the finding is kept
 * @param messageKey the message's key
 * @param params the message's parameters
 */
public record PendingFinding(RuleCode rule, Severity severity, String pointer, int column, String messageKey, Object[] params) {
}
