package io.github.visionjsonl.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.github.visionjsonl.rules.internal.NormalizedPolygonValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated polygon is one the runtime keeps: a {@link io.github.visionjsonl.model.Polygon},
 * or a {@code double[][]} of segments {@code {x1, y1, x2, y2, ...}} in a type of yours. Every
 * segment has an even count of values, at least 3 points, every value in [0, 1], and an area.
 * Rules: {@code polygon-odd}, {@code polygon-too-few-points}, {@code polygon-range},
 * {@code polygon-degenerate}.
 *
 * <p>Each violation carries its {@link RuleCode} as Hibernate Validator dynamic payload (see
 * {@link RuleViolation}); {@code null} values are valid, as everywhere in Bean Validation.
 */
@Documented
@Constraint(validatedBy = {NormalizedPolygonValidator.class, NormalizedPolygonValidator.OfArrays.class})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, CONSTRUCTOR, TYPE_USE})
@Retention(RUNTIME)
public @interface NormalizedPolygon {
    /** The message template used when the validator does not build its own. */
    String message() default "{io.github.visionjsonl.NormalizedPolygon.message}";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
