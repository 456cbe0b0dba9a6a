package io.github.visionjsonl.rules;

/**
 * What a vision-jsonl constraint attaches to each of its violations as Hibernate Validator
 * dynamic payload: the rule that was broken and where, relative to the validated value.
 *
 * <p>Read it with {@code HibernateConstraintViolation<?> h = violation.unwrap(HibernateConstraintViolation.class);}
 * then {@code h.getDynamicPayload(RuleViolation.class)} ({@code unwrap} gives the raw type, whose
 * payload would be an {@code Object}).
 *
 * @param rule the broken rule
 * @param relativePointer an RFC 6901 pointer from the validated value to the offending JSON
 *     value ({@code "/topX"}, {@code "/0/4"}), or {@code ""} for the value itself
 */
public record RuleViolation(RuleCode rule, String relativePointer) {
}
