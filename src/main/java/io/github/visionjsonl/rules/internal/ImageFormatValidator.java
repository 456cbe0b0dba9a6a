package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.rules.ImageFormat;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ImageFormat}. */
public final class ImageFormatValidator implements ConstraintValidator<ImageFormat, String> {

    @Override
    public boolean isValid(String format, ConstraintValidatorContext context) {
        return check(format, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(String format, RuleSink sink) {
        if (format == null || ImageFormats.family(format) != null) {
            return true;
        }
        String trimmed = format.strip();
        if (trimmed.startsWith(".") && ImageFormats.family(trimmed.substring(1)) != null) {
            sink.report(RuleCode.IMAGE_FORMAT, "", "image-format.dot", "value", format,
                    "hint", trimmed.substring(1));
        } else {
            sink.report(RuleCode.IMAGE_FORMAT, "", "image-format", "value", format,
                    "accepted", ImageFormats.ACCEPTED);
        }
        return false;
    }
}
