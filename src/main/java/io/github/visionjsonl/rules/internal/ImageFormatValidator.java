package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.ImageFormat;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ImageFormat}. */
public final class ImageFormatValidator implements ConstraintValidator<ImageFormat, String> {

    @Override
    public boolean isValid(String format, ConstraintValidatorContext context) {
        if (format == null || ImageFormats.family(format) != null) {
            return true;
        }
        String trimmed = format.strip();
        if (trimmed.startsWith(".") && ImageFormats.family(trimmed.substring(1)) != null) {
            Violations.add(context, RuleCode.IMAGE_FORMAT, "", "image-format.dot", "value", format,
                    "hint", trimmed.substring(1));
        } else {
            Violations.add(context, RuleCode.IMAGE_FORMAT, "", "image-format", "value", format,
                    "accepted", ImageFormats.ACCEPTED);
        }
        return false;
    }
}
