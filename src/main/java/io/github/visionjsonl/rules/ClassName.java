package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.ClassNameValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is a usable class name: not blank, without surrounding white space, and
 * not the runtime's background class {@code --bg--}. Rules: {@code label-empty},
 * {@code label-whitespace}, {@code label-reserved}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = ClassNameValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, CONSTRUCTOR, TYPE_USE})
@Retention(RUNTIME)
public @interface ClassName {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.ClassName.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
