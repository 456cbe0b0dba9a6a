package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.PixelSizeValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated integer is an image side in pixels: strictly positive. Rule: {@code image-size}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = PixelSizeValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, CONSTRUCTOR, TYPE_USE})
@Retention(RUNTIME)
public @interface PixelSize {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.PixelSize.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
