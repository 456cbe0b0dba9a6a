package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.ImageUrlValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is an image URL the training runtime can load: a datastore URL
 * ({@code AmlDatastore://<datastore>/<path>} or {@code azureml://[...]/datastores/<datastore>/paths/<path>})
 * with an image file extension. Rules: {@code image-url-empty}, {@code image-url-malformed},
 * {@code image-url-not-datastore}, {@code image-extension}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = ImageUrlValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, CONSTRUCTOR, TYPE_USE})
@Retention(RUNTIME)
public @interface ImageUrl {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.ImageUrl.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
