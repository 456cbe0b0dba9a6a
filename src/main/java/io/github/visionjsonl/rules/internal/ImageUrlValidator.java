package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.ImageUrl;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks {@link ImageUrl}. */
public final class ImageUrlValidator implements ConstraintValidator<ImageUrl, String> {

    private static final String AML = "amldatastore://";
    private static final String AZUREML = "azureml://";
    /** The two azureml:// long forms, matched on the part after the scheme. */
    private static final Pattern AZUREML_FORM = Pattern.compile(
            "(?i)(subscriptions/[^/]+/resourcegroups/[^/]+/workspaces/[^/]+/)?datastores/[^/]+/paths/.*[^/].*");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
        return check(url, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(String url, RuleSink sink) {
        if (url == null) {
            return true;
        }
        if (url.isBlank()) {
            sink.report(RuleCode.IMAGE_URL_EMPTY, "", url.isEmpty() ? "image-url-empty" : "image-url-empty.blank");
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean valid = true;
        if (lower.startsWith(AML)) {
            String rest = url.substring(AML.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || rest.substring(slash + 1).isBlank()) {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.aml", "value", url);
                return false;
            }
        } else if (lower.startsWith(AZUREML)) {
            if (!AZUREML_FORM.matcher(url.substring(AZUREML.length())).matches()) {
                sink.report(RuleCode.IMAGE_URL_MALFORMED, "", "image-url-malformed.azureml", "value", url);
                return false;
            }
        } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.http", "value", url);
            valid = false;
        } else if (SCHEME.matcher(url).matches()) {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.scheme", "value", url);
            valid = false;
        } else {
            sink.report(RuleCode.IMAGE_URL_NOT_DATASTORE, "", "image-url-not-datastore.path", "value", url);
            valid = false;
        }
        String extension = ImageFormats.extension(url);
        if (extension != null && ImageFormats.family(extension) == null) {
            sink.report(RuleCode.IMAGE_EXTENSION, "", "image-extension", "value", extension,
                    "accepted", ImageFormats.ACCEPTED);
            valid = false;
        }
        return valid;
    }
}
