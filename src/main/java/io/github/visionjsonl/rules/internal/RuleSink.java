package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.RuleCode;

/**
 * Where a rule's check reports what it finds. Hibernate Validator's context is one (through
 * {@link Violations#sink}); the validator's own engine is another, so that the same check code
 * serves users' beans and the hot path alike.
 */
@FunctionalInterface
public interface RuleSink {

    /**
     * Reports one violation.
     *
     * @param relativePointer a JSON pointer from the checked value to the offending one, or ""
     * @param messageKey the message's key in the bundle, without the common prefix
     * @param params alternating parameter names and values
     */
    void report(RuleCode rule, String relativePointer, String messageKey, Object... params);
}
