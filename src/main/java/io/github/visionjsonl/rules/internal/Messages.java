package io.github.visionjsonl.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The message bundle shared by the constraints and the reader, so that every finding's text
 * lives in one place ({@code ContributorValidationMessages.properties}).
 */
public final class Messages {

    private static final String PREFIX = "io.github.visionjsonl.";
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("ContributorValidationMessages");
    /**
     * Every message of the bundle, split at its parameters once: looking the key up in the
     * bundle (after building it with the prefix) and scanning the text for every finding cost
     * about a quarter of a microsecond each, on files with many findings kept.
     */
    private static final Map<String, Template> TEMPLATES = templates();

    private Messages() {
    }

    /**
     * The message of {@code key} (without the {@code io.github.visionjsonl.} prefix) with its
     * {@code {name}} parameters replaced; unknown parameters are left as written.
     *
     * @param params alternating parameter names and values
     * @throws MissingResourceException when the bundle has no such message
     */
    public static String format(String key, Object... params) {
        Template template = TEMPLATES.get(key);
        if (template == null) {
            throw new MissingResourceException("no message " + PREFIX + key, Messages.class.getName(), PREFIX + key);
        }
        return template.fill(params);
    }

    private static Map<String, Template> templates() {
        Map<String, Template> templates = new HashMap<>();
        for (String key : BUNDLE.keySet()) {
            if (key.startsWith(PREFIX)) {
                templates.put(key.substring(PREFIX.length()), Template.of(BUNDLE.getString(key)));
            }
        }
        return Map.copyOf(templates);
    }

    /**
     * A message's text between its parameters: {@code texts} has one more element than
     * {@code names}. A text whose braces are not all plain {@code {name}} pairs is kept whole and
     * filled the slow way, which decides per parameter given.
     */
    record Template(String raw, List<String> texts, List<String> names) {

        static Template of(String text) {
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int from = 0;
            int open;
            while ((open = text.indexOf('{', from)) >= 0) {
                int close = text.indexOf('}', open);
                if (close < 0) {
                    break;
                }
                if (text.lastIndexOf('{', close) != open) {
                    return new Template(text, null, null);
                }
                texts.add(text.substring(from, open));
                names.add(text.substring(open + 1, close));
                from = close + 1;
            }
            texts.add(text.substring(from));
            return new Template(text, List.copyOf(texts), List.copyOf(names));
        }

        String fill(Object[] params) {
            if (texts == null) {
                return fillSlowly(raw, name -> lookup(name, params));
            }
            if (names.isEmpty()) {
                return texts.get(0);
            }
            StringBuilder out = new StringBuilder(raw.length() + 32);
            out.append(texts.get(0));
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Object value = lookup(name, params);
                String after = texts.get(i + 1);
                if (value != null) {
                    after = appendValue(out, value, after);
                } else {
                    out.append('{').append(name).append('}');
                }
                out.append(after);
            }
            return out.toString();
        }
    }

    private static String fillSlowly(String template, Function<String, Object> params) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close;
            if (c == '{' && (close = template.indexOf('}', i)) > 0) {
                String name = template.substring(i + 1, close);
                Object value = params.apply(name);
                if (value != null) {
                    String after = appendValue(out, value, template.substring(close + 1));
                    i = template.length() - after.length();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The most characters of one value a message repeats: a line may hold a key of 50 MB. */
    static final int MAX_VALUE_CHARS = 200;

    /**
     * Appends a parameter's value, cut after {@link #MAX_VALUE_CHARS} characters with its length
     * said; the length goes after the closing quote when the message quotes the value.
     *
     * @return the message text that follows, without a closing quote the cut value took
     */
    private static String appendValue(StringBuilder out, Object value, String after) {
        String text = String.valueOf(value);
        if (text.length() <= MAX_VALUE_CHARS) {
            out.append(text);
            return after;
        }
        boolean quoted = !after.isEmpty() && after.charAt(0) == '"' && out.length() > 0
                && out.charAt(out.length() - 1) == '"';
        appendCut(out, text);
        if (quoted) {
            out.append('"');
            after = after.substring(1);
        }
        out.append(" (").append(text.length()).append(" characters)");
        return after;
    }

    private static void appendCut(StringBuilder out, String text) {
        int end = MAX_VALUE_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // not half a character
        }
        out.append(text, 0, end).append('\u2026');
    }

    /**
     * A value in double quotes for a message, cut as message parameters are:
     * {@code "abc"}, or {@code "aaa…" (50000 characters)} for a long one.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        return appendValue(out, value, "\"").isEmpty() ? out.toString() : out.append('"').toString();
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
