package io.github.visionjsonl.rules.internal;

import java.util.ResourceBundle;

/**
 * The message bundle shared by the constraints and the reader, so that every finding's text
 * lives in one place ({@code ContributorValidationMessages.properties}).
 */
public final class Messages {

    private static final String PREFIX = "io.github.visionjsonl.";
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("ContributorValidationMessages");

    private Messages() {
    }

    /**
     * The message of {@code key} (without the {@code io.github.visionjsonl.} prefix) with its
     * {@code {name}} parameters replaced; unknown parameters are left as written.
     *
     * @param params alternating parameter names and values
     */
    public static String format(String key, Object... params) {
        return fill(BUNDLE.getString(PREFIX + key), name -> lookup(name, params));
    }

    private static String fill(String template, java.util.function.Function<String, Object> params) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close;
            if (c == '{' && (close = template.indexOf('}', i)) > 0) {
                String name = template.substring(i + 1, close);
                Object value = params.apply(name);
                if (value != null) {
                    out.append(value);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Object lookup(String name, Object[] params) {
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (name.equals(params[i])) {
                return params[i + 1] == null ? "" : params[i + 1];
            }
        }
        return null;
    }
}
