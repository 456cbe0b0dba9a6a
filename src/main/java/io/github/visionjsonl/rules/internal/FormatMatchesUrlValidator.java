package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.rules.FormatMatchesUrl;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link FormatMatchesUrl}. */
public final class FormatMatchesUrlValidator implements ConstraintValidator<FormatMatchesUrl, ImageRecord> {

    @Override
    public boolean isValid(ImageRecord record, ConstraintValidatorContext context) {
        return check(record, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(ImageRecord record, RuleSink sink) {
        if (record == null || record.imageUrl() == null) {
            return true;
        }
        return check(record, ImageFormats.extensionFamily(record.imageUrl()), sink);
    }

    /**
     * Checks a record whose URL's {@link ImageFormats#extensionFamily} the caller already knows;
     * whether it is valid.
     */
    public static boolean check(ImageRecord record, String extensionFamily, RuleSink sink) {
        if (record == null || record.imageUrl() == null || record.imageDetails() == null) {
            return true;
        }
        String format = record.imageDetails().format();
        if (format == null) {
            return true;
        }
        String declared = ImageFormats.family(format);
        String named = extensionFamily;
        // An unaccepted format or extension has its own rule; comparing it would say the same twice.
        if (declared == null || named == null || named.isEmpty() || declared.equals(named)) {
            return true;
        }
        String extension = ImageFormats.extension(record.imageUrl());
        sink.report(RuleCode.FORMAT_MISMATCH, "/image_details/format", "format-mismatch",
                "format", format, "extension", extension);
        return false;
    }
}
