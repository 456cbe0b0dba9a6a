package io.github.visionjsonl.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String PREFIX = "io.github.visionjsonl.";
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("ContributorValidationMessages");

    /** The definition: each {name} given is replaced, any other text stays as written. */
    private static String reference(String template, Object... params) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^{}]*)\\}").matcher(template);
        int from = 0;
        while (m.find()) {
            out.append(template, from, m.start());
            Object value = null;
            boolean given = false;
            for (int i = 0; i + 1 < params.length; i += 2) {
                if (params[i].equals(m.group(1))) {
                    value = params[i + 1];
                    given = true;
                    break;
                }
            }
            out.append(given ? String.valueOf(value == null ? "" : value) : m.group());
            from = m.end();
        }
        return out.append(template.substring(from)).toString();
    }

    @Test
    void everyMessageOfTheBundleIsFilledWithTheParametersGivenAndOnlyThose() {
        int keys = 0;
        for (String key : BUNDLE.keySet()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            keys++;
            String template = BUNDLE.getString(key);
            List<Object> all = new ArrayList<>();
            List<Object> some = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^{}]*)\\}").matcher(template);
            int n = 0;
            while (m.find()) {
                all.add(m.group(1));
                all.add(n % 3 == 0 ? null : "v" + n);
                if (n % 2 == 0) {
                    some.add(m.group(1));
                    some.add(42);
                }
                n++;
            }
            String shortKey = key.substring(PREFIX.length());
            assertThat(Messages.format(shortKey, all.toArray())).as(key).isEqualTo(reference(template, all.toArray()));
            assertThat(Messages.format(shortKey, some.toArray())).as(key).isEqualTo(reference(template, some.toArray()));
            assertThat(Messages.format(shortKey)).as(key).isEqualTo(template);
        }
        assertThat(keys).isGreaterThan(50);
    }

    @Test
    void fillsAKnownMessage() {
        assertThat(Messages.format("label-reserved", "value", "--bg--"))
                .isEqualTo("class name \"--bg--\" is reserved by the runtime for the background");
        assertThat(Messages.format("duplicate-key", "name", "label", "unused", 1))
                .isEqualTo("key \"label\" appears twice in one object; only one value is kept");
    }

    @Test
    void anUnknownKeyIsAMissingResource() {
        assertThatThrownBy(() -> Messages.format("no-such-message")).isInstanceOf(MissingResourceException.class);
    }

    @Test
    void bracesThatAreNoPlainParameterAreFilledAsTheyCome() {
        // Not in the bundle today; a message with such braces must still read as written.
        assertThat(Messages.Template.of("x {a {b} y").fill(new Object[] {"b", "B"})).isEqualTo("x {a B y");
        assertThat(Messages.Template.of("x {a {b} y").fill(new Object[] {"a {b", "A"})).isEqualTo("x A y");
        assertThat(Messages.Template.of("{b}{c").fill(new Object[] {"b", 1, "c", 2})).isEqualTo("1{c");
        assertThat(Messages.Template.of("}{b}}").fill(new Object[] {"b", 1})).isEqualTo("}1}");
    }

    @Test
    void longValuesAreCutWithTheirLength() {
        String key = "k".repeat(50_000);
        String message = Messages.format("duplicate-key", "name", key);
        assertThat(message).isEqualTo("key \"" + "k".repeat(Messages.MAX_VALUE_CHARS)
                + "\u2026\" (50000 characters) appears twice in one object; only one value is kept");
        // unquoted, and the slow way of a message whose braces are no plain parameters
        assertThat(Messages.format("non-finite-number", "actual", key))
                .startsWith("k".repeat(Messages.MAX_VALUE_CHARS) + "\u2026 (50000 characters) is not");
        assertThat(Messages.Template.of("x {a {b} \"{b}\" y").fill(new Object[] {"b", key}))
                .isEqualTo("x {a " + "k".repeat(200) + "\u2026 (50000 characters) \"" + "k".repeat(200)
                        + "\u2026\" (50000 characters) y");
        // a value of the limit's length is whole; a surrogate pair is never split
        String exact = "k".repeat(Messages.MAX_VALUE_CHARS);
        assertThat(Messages.format("duplicate-key", "name", exact)).contains("\"" + exact + "\" appears");
        String pairs = "\ud83d\ude00".repeat(200);
        assertThat(Messages.format("duplicate-key", "name", pairs))
                .contains("\"" + pairs.substring(0, Messages.MAX_VALUE_CHARS) + "\u2026\" (400 characters)");
        String odd = "x" + pairs;
        assertThat(Messages.format("duplicate-key", "name", odd))
                .contains("\"" + odd.substring(0, Messages.MAX_VALUE_CHARS - 1) + "\u2026\" (401 characters)");
        assertThat(Messages.quote("abc")).isEqualTo("\"abc\"");
        assertThat(Messages.quote(key)).isEqualTo("\"" + "k".repeat(200) + "\u2026\" (50000 characters)");
    }
}
