package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.rules.ImageUrl;
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
        return check(url, extensionFamily, url == null ? -1 : ImageUrls.parts(url), sink);
    }

    /**
     * Checks a value whose extension's family and {@link ImageUrls#parts} the caller already
     * knows (the engine finds them once per line and shares them with the fingerprint and the
     * statistics); whether it is valid.
     */
    public static boolean check(String url, String extensionFamily, long urlParts, RuleSink sink) {
        if (url == null) {
            return true;
        }
        if (urlParts >= 0) {
            // A well-formed datastore URL: only its extension can be wrong.
            return extensionAccepted(url, extensionFamily, sink);
        }
        if (url.isBlank()) {
            sink.report(RuleCode.IMAGE_URL_EMPTY, "", url.isEmpty() ? "image-url-empty" : "image-url-empty.blank");
            return false;
        }
        if (ImageUrls.isAml(url)) {
            sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.aml", "value", url);
            return false;
        }
        if (ImageUrls.isAzureml(url)) {
            String absolute = ImageUrls.absolutePath(url);
            if (absolute != null) {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.absolute", "value", url, "path", absolute);
            } else {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.azureml", "value", url);
            }
            return false;
        }
        if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.http", "value", url);
        } else if (SCHEME.matcher(url).matches()) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.scheme", "value", url);
        } else {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.path", "value", url);
        }
        // Not a datastore URL: its extension is still worth a word.
        extensionAccepted(url, extensionFamily, sink);
        return false;
    }

    private static boolean extensionAccepted(String url, String extensionFamily, RuleSink sink) {
        if (extensionFamily == null) {
            sink.report(RuleCode.IMAGE_EXTENSION, "", "image-extension", "value", ImageFormats.extension(url),
                    "accepted", ImageFormats.ACCEPTED);
            return false;
        }
        return true;
    }
}
