package io.github.visionjsonl.mltable;

import java.util.List;

/**
 * A value of the MLTable's YAML with where it starts: a scalar (its text, {@code null} for a YAML
 * null), a mapping (entries in document order) or a sequence.
 *
 * @param line the 1-based line the value starts on
 * @param column the 1-based column
 */
record YamlNode(Kind kind, String text, List<Entry> entries, List<YamlNode> items, int line, int column) {

    enum Kind { SCALAR, MAPPING, SEQUENCE }

    /** A key of a mapping, where it is, and its value. */
    record Entry(String key, int line, int column, YamlNode value) {
    }

    /** The value of a key of a mapping, or null. */
    YamlNode get(String key) {
        if (entries == null) {
            return null;
        }
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** What the value is, for a message. */
    String describe() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> text == null ? "null" : '"' + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + '"';
        };
    }
}
