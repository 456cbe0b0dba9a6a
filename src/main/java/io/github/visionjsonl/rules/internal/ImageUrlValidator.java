package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.ImageUrl;
import io.github.visionjsonl.internal.ImageUrls;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link ImageUrl}. */
public final class ImageUrlValidator implements ConstraintValidator<ImageUrl, String> {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
        return check(url, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(String url, RuleSink sink) {
        return check(url, url == null ? null : ImageFormats.extensionFamily(url), sink);
    }

    /**
     * Checks a value whose {@link ImageFormats#extensionFamily} the caller already knows (the
     * engine shares it with {@link FormatMatchesUrlValidator}); whether it is valid.
     */
    public static boolean check(String url, String extensionFamily, RuleSink sink) {
        if (url == null) {
            return true;
        }
        if (url.isBlank()) {
            sink.report(RuleCode.IMAGE_URL_EMPTY, "", url.isEmpty() ? "image-url-empty" : "image-url-empty.blank");
            return false;
        }
        boolean valid = true;
        if (ImageUrls.isAml(url)) {
            if (!ImageUrls.isDatastoreUrl(url)) {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.aml", "value", url);
                return false;
            }
        } else if (ImageUrls.isAzureml(url)) {
            if (!ImageUrls.isDatastoreUrl(url)) {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.azureml", "value", url);
                return false;
            }
        } else if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.http", "value", url);
            valid = false;
        } else if (SCHEME.matcher(url).matches()) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.scheme", "value", url);
            valid = false;
        } else {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.path", "value", url);
            valid = false;
        }
        if (extensionFamily == null) {
            sink.report(RuleCode.IMAGE_EXTENSION, "", "image-extension", "value", ImageFormats.extension(url),
                    "accepted", ImageFormats.ACCEPTED);
            valid = false;
        }
        return valid;
    }
}
