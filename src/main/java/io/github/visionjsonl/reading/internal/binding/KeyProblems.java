package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.reading.internal.KeyHints;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.internal.Messages;

/**
 * The findings about a line's keys, alike for both readers: a key the object does not know (with
 * the nearest known key as a hint), a key given twice, a required key missing. Each is told the
 * column it stands at: the plain reader counts it from the line's bytes, the token reader asks
 * the parser.
 */
final class KeyProblems {

    /** The longest key a pointer spells out: a finding must not hold a key of megabytes. */
    private static final int MAX_POINTER_KEY = 200;

    private KeyProblems() {
    }

    /**
     * Reports a key the object does not know, and a second time as a duplicate when the object
     * had it already.
     *
     * @param misspelt per known key, the first unknown key that looked like it (filled here), for
     *     the hint of a missing key; {@code null} when no key of the object is required
     * @param parent the pointer of the object
     * @param where how the object is named in the message
     * @param seen the unknown keys the object had so far
     */
    static void unknown(FindingSink sink, String name, KnownKeys known, String[] misspelt, String parent, String where,
            KeysSeen seen, int column) {
        String pointer = parent + "/" + escape(name);
        if (!seen.add(name)) {
            duplicate(sink, pointer, name, column);
        }
        String[] names = known.names();
        String hint = KeyHints.nearest(name, names);
        if (hint != null) {
            if (misspelt != null) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(hint) && misspelt[i] == null) {
                        misspelt[i] = name;
                    }
                }
            }
            sink.report(RuleCode.UNKNOWN_FIELD, null, pointer, column, "unknown-field.hint", "name", name, "where",
                    where, "hint", hint);
        } else {
            sink.report(RuleCode.UNKNOWN_FIELD, null, pointer, column, "unknown-field", "name", name, "where", where,
                    "known", String.join(", ", names));
        }
    }

    /** Reports a key given twice in one object. */
    static void duplicate(FindingSink sink, String pointer, String name, int column) {
        sink.report(RuleCode.DUPLICATE_KEY, null, pointer, column, "duplicate-key", "name", name);
    }

    /**
     * Reports a required key the object lacks.
     *
     * @param column the column of the object
     * @param misspelt an unknown key found in its place, or {@code null}
     */
    static void missing(FindingSink sink, String parent, int column, String name, String misspelt) {
        String hint = misspelt == null ? "" : " (found " + Messages.quote(misspelt) + ")";
        sink.report(RuleCode.MISSING_FIELD, null, parent + "/" + name, column, "missing-field", "name", name,
                "hint", hint);
    }

    /**
     * RFC 6901 escaping of one reference token, a key longer than {@link #MAX_POINTER_KEY} cut
     * with an ellipsis (the finding's column and message still say where and how long it is).
     */
    static String escape(String token) {
        if (token.length() > MAX_POINTER_KEY) {
            int end = Character.isHighSurrogate(token.charAt(MAX_POINTER_KEY - 1)) ? MAX_POINTER_KEY - 1 : MAX_POINTER_KEY;
            token = token.substring(0, end) + "\u2026";
        }
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }
}
