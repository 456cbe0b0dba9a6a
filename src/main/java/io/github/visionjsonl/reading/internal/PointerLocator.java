package io.github.visionjsonl.reading.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds the column of a JSON pointer in a line by parsing it again. The binder does not keep the
 * location of every value (that would cost on every line); the few findings that need one after
 * binding ask here, while the line's bytes are still in the buffer.
 */
public final class PointerLocator {

    private PointerLocator() {
    }

    /**
     * {@link #column} for a line the plain reader bound (strict JSON in printable ASCII, no
     * escapes, spaces and tabs only), walked byte by byte instead of parsed again: the first
     * 1,000 findings of a broken dataset each asked for a parser. -1 when the walk meets
     * anything else, for {@link #column} to answer; only for such lines, as it does not check
     * what it skips (the parser would give 0 for a broken line where this may find the value).
     */
    public static int plainColumn(byte[] buf, int start, int length, String pointer) {
        int end = start + length;
        int at = Ascii.skipSpaces(buf, start, end);
        int column = at - start + 1;
        int from = 1;
        while (from <= pointer.length()) {
            int to = segmentEnd(pointer, from);
            String token = segment(pointer, from, to);
            from = to + 1;
            if (at >= end) {
                return -1;
            }
            if (buf[at] == '{') {
                at = Ascii.skipSpaces(buf, at + 1, end);
                boolean found = false;
                while (at < end && buf[at] == '"') {
                    int close = Ascii.plainStringEnd(buf, at, end);
                    if (close < 0) {
                        return -1;
                    }
                    boolean same = sameKey(buf, at + 1, close, token);
                    at = Ascii.skipSpaces(buf, close + 1, end);
                    if (at >= end || buf[at] != ':') {
                        return -1;
                    }
                    at = Ascii.skipSpaces(buf, at + 1, end);
                    if (same) {
                        found = true;
                        break;
                    }
                    at = next(buf, valueEnd(buf, at, end), end, '}');
                    if (at == -2) {
                        break;
                    }
                    if (at < 0) {
                        return -1;
                    }
                }
                if (!found) {
                    return at == -2 || at < end && buf[at] == '}' ? column : -1;
                }
            } else if (buf[at] == '[') {
                int index;
                try {
                    index = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    return column;
                }
                if (index < 0) {
                    continue; // the parser stays on the array: so does the column
                }
                at = Ascii.skipSpaces(buf, at + 1, end);
                for (int i = 0; i <= index; i++) {
                    if (at < end && buf[at] == ']') {
                        return column;
                    }
                    if (i < index) {
                        at = next(buf, valueEnd(buf, at, end), end, ']');
                        if (at == -2) {
                            return column;
                        }
                        if (at < 0) {
                            return -1;
                        }
                    }
                }
                if (at >= end) {
                    return -1;
                }
            } else {
                return column;
            }
            column = at - start + 1;
        }
        return column;
    }

    /** Where the pointer's segment starting at {@code from} ends. */
    private static int segmentEnd(String pointer, int from) {
        int to = pointer.indexOf('/', from);
        return to < 0 ? pointer.length() : to;
    }

    /** The pointer's segment in {@code [from, to)}, its {@code ~1} and {@code ~0} undone. */
    private static String segment(String pointer, int from, int to) {
        return pointer.substring(from, to).replace("~1", "/").replace("~0", "~");
    }

    private static boolean sameKey(byte[] b, int from, int to, String token) {
        if (to - from != token.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (b[from + i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the value starting at {@code at} ends; -1 when it is not plain. */
    private static int valueEnd(byte[] b, int at, int end) {
        if (at >= end) {
            return -1;
        }
        byte c = b[at];
        if (c == '"') {
            int close = Ascii.plainStringEnd(b, at, end);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int i = at; i < end; i++) {
                byte d = b[i];
                if (d == '"') {
                    i = Ascii.plainStringEnd(b, i, end);
                    if (i < 0) {
                        return -1;
                    }
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
        int i = at;
        while (i < end && !Ascii.delimiter(b[i])) {
            i++;
        }
        return i == at ? -1 : i;
    }

    /**
     * After a value ending at {@code at}: the start of the next one after a comma, -2 at the
     * container's {@code close}, -1 at anything else.
     */
    private static int next(byte[] b, int at, int end, char close) {
        if (at < 0) {
            return -1;
        }
        at = Ascii.skipSpaces(b, at, end);
        if (at >= end) {
            return -1;
        }
        if (b[at] == close) {
            return -2;
        }
        return b[at] == ',' ? Ascii.skipSpaces(b, at + 1, end) : -1;
    }

    /**
     * The 1-based column of the value at {@code pointer}, or of its deepest existing ancestor
     * when the value itself is absent; 0 when the line cannot be walked.
     */
    public static int column(JsonFactory factory, byte[] buf, int start, int length, String pointer) {
        // A factory of its own: a parser keeps the keys it meets in its factory, and this line
        // may hold long ones (this runs only for findings that are kept).
        try (JsonParser p = factory.rebuild().build().createParser(buf, start, length)) {
            JsonToken t = p.nextToken();
            int column = p.currentTokenLocation().getColumnNr();
            int from = 1;
            while (from <= pointer.length()) {
                int to = segmentEnd(pointer, from);
                String token = segment(pointer, from, to);
                from = to + 1;
                if (t == JsonToken.START_OBJECT) {
                    boolean found = false;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        if (p.currentName().equals(token)) {
                            t = p.nextToken();
                            found = true;
                            break;
                        }
                        p.nextToken();
                        p.skipChildren();
                    }
                    if (!found) {
                        return column;
                    }
                } else if (t == JsonToken.START_ARRAY) {
                    int index;
                    try {
                        index = Integer.parseInt(token);
                    } catch (NumberFormatException e) {
                        return column;
                    }
                    for (int i = 0; i <= index; i++) {
                        t = p.nextToken();
                        if (t == JsonToken.END_ARRAY) {
                            return column;
                        }
                        if (i < index) {
                            p.skipChildren();
                        }
                    }
                } else {
                    return column;
                }
                column = p.currentTokenLocation().getColumnNr();
            }
            return column;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
