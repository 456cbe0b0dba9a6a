package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.PolygonMatchesBoxValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On an {@link io.github.visionjsonl.model.InstanceMask}: box keys given beside the polygon agree
 * with the polygon's extent (within 0.01), since the runtime recomputes the box from the
 * polygon and ignores the given one. Rule: {@code polygon-box-mismatch}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = PolygonMatchesBoxValidator.class)
@Target({TYPE, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PolygonMatchesBox {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.PolygonMatchesBox.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
