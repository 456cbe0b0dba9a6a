package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.PixelSize;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PixelSize}. */
public final class PixelSizeValidator implements ConstraintValidator<PixelSize, Integer> {

    @Override
    public boolean isValid(Integer size, ConstraintValidatorContext context) {
        return check(size, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(Integer size, RuleSink sink) {
        if (size == null || size > 0) {
            return true;
        }
        sink.report(RuleCode.IMAGE_SIZE, "", "image-size.positive", "value", size);
        return false;
    }
}
