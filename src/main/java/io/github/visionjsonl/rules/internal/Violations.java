package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.RuleViolation;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Builds the constraint violations of vision-jsonl's constraints: rule code as payload, message from the bundle. */
final class Violations {

    private Violations() {
    }

    /** The context as a {@link RuleSink}: each report becomes a constraint violation. */
    static RuleSink sink(ConstraintValidatorContext context) {
        return (rule, pointer, key, params) -> add(context, rule, pointer, key, params);
    }

    /**
     * Adds one violation.
     *
     * @param params alternating parameter names and values for the message template
     */
    static void add(ConstraintValidatorContext context, RuleCode rule, String relativePointer, String messageKey,
            Object... params) {
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                h.addMessageParameter((String) params[i], params[i + 1]);
            }
        }
        h.withDynamicPayload(new RuleViolation(rule, relativePointer));
        h.buildConstraintViolationWithTemplate("{io.github.visionjsonl." + messageKey + "}").addConstraintViolation();
    }
}
