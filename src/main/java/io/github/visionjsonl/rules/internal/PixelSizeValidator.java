package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.PixelSize;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PixelSize}. */
public final class PixelSizeValidator implements ConstraintValidator<PixelSize, Integer> {

    @Override
    public boolean isValid(Integer size, ConstraintValidatorContext context) {
        if (size == null || size > 0) {
            return true;
        }
        Violations.add(context, RuleCode.IMAGE_SIZE, "", "image-size.positive", "value", size);
        return false;
    }
}
