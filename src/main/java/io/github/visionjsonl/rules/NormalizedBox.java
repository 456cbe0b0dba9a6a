package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.NormalizedBoxValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@link io.github.visionjsonl.model.Box} (a {@link io.github.visionjsonl.model.BoundingBox}
 * or a type of yours that implements {@code Box}) is normalized and ordered: every
 * corner in [0, 1], top-left before bottom-right, with a positive width and height. Rules:
 * {@code coordinate-range}, {@code box-inverted}, {@code box-empty}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = NormalizedBoxValidator.class)
@Target({TYPE, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface NormalizedBox {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.NormalizedBox.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
