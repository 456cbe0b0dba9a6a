package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.reading.internal.Ascii;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.rules.RuleCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a line without a parser when it is plain, which almost every line of a dataset is:
 * strict JSON in ASCII without escapes or line breaks, values of the types the format asks for.
 * The {@link BoundLine} and the findings are then exactly what {@link TokenReader} gives for the
 * same line. It also reports the faults of such lines that datasets often have: an unknown key
 * with a plain value, the URL or image_details twice, a size string that is no size. Anything
 * else (a wrong type, a label twice, an exponent, a string with escapes or non-ASCII, a syntax
 * error, text after the object) makes it give up, and the line goes to the token reader, which
 * reports what is wrong: what this reader reported is then to be forgotten ({@link LineBinder}
 * holds it back until the reader succeeds). Reading these few shapes by hand costs far less
 * than the general parser.
 */
final class PlainReader {

    private final BoundLine line;
    private final NameCache nameCache;
    private final DecimalReader numbers = new DecimalReader();
    /** Unknown keys seen in the record itself, and in the nested object being read (to tell duplicates). */
    private final KeysSeen topUnknownKeys = new KeysSeen();
    private final KeysSeen unknownKeys = new KeysSeen();
    private double[] scratch = new double[256];

    private FindingSink sink;
    private byte[] input;
    private int inputStart;
    private int lineEnd;
    /** Where the reader is in {@link #input}. */
    private int at;
    /** Where the characters of the last plain string read are, closing quote excluded. */
    private int textFrom;
    private int textTo;

    PlainReader(BoundLine line, NameCache nameCache) {
        this.line = line;
        this.nameCache = nameCache;
    }

    /**
     * Binds the line in {@code bytes[start, end)} (without its terminator) when it is plain.
     *
     * @param findings where the line's findings go; on giving up, what was reported there is to
     *     be forgotten
     * @return whether the line was bound; false to give up
     */
    boolean bind(byte[] bytes, int start, int end, FindingSink findings) {
        line.reset();
        topUnknownKeys.clear();
        sink = findings;
        input = bytes;
        inputStart = start;
        lineEnd = end;
        at = start;
        if (!space() || next() != '{' || !space()) {
            return false;
        }
        int seen = 0;
        if (peek() != '}') {
            do {
                int keyAt = at;
                int k = key(KnownKeys.RECORD);
                if (k < 0) {
                    if (at != keyAt || !plainUnknownKey(KnownKeys.RECORD, line.topMisspelt, "", "the record", topUnknownKeys)) {
                        return false;
                    }
                    continue;
                }
                if ((seen & (1 << k)) != 0) {
                    if (k == KnownKeys.LABEL) {
                        return false; // a second label: the parser's path reads it over the first
                    }
                    KeyProblems.duplicate(sink, "/" + KnownKeys.RECORD.name(k), KnownKeys.RECORD.name(k), keyAt - inputStart + 1);
                }
                seen |= 1 << k;
                boolean read = switch (k) {
                    case KnownKeys.IMAGE_URL -> plainUrl();
                    case KnownKeys.DETAILS -> plainDetails();
                    default -> plainLabel();
                };
                if (!read || !space()) {
                    return false;
                }
            } while (comma());
        }
        if (next() != '}' || !space() || at != end) {
            return false;
        }
        line.missingTopKeys(sink);
        return true;
    }

    /** Skips spaces and tabs; false at a carriage return or newline, which moves the parser's column count. */
    private boolean space() {
        byte[] b = input;
        at = Ascii.skipSpaces(b, at, lineEnd);
        return at == lineEnd || b[at] != '\r' && b[at] != '\n';
    }

    private int peek() {
        return at < lineEnd ? input[at] : -1;
    }

    private int next() {
        return at < lineEnd ? input[at++] : -1;
    }

    /** Consumes a comma and the spaces after it; false (consuming nothing) when there is none. */
    private boolean comma() {
        if (peek() != ',') {
            return false;
        }
        at++;
        return space();
    }

    /** A plain string at the cursor: its characters are then {@code [textFrom, textTo)}; false when not plain. */
    private boolean plainStringHere() {
        if (peek() != '"') {
            return false;
        }
        int close = Ascii.plainStringEnd(input, at, lineEnd);
        if (close < 0) {
            return false;
        }
        textFrom = at + 1;
        textTo = close;
        at = close + 1;
        return true;
    }

    /** Reads {@code "key" :} and the spaces after; the index of the key among those given, or -1. */
    private int key(KnownKeys keys) {
        int from = at + 1;
        if (peek() != '"' || from + 8 > lineEnd) {
            return -1; // a key this close to the end leaves no room for a value: the parser's to judge
        }
        int k = keys.match(input, from, lineEnd);
        if (k < 0) {
            return -1;
        }
        at = from + keys.quotedLength(k);
        return space() && next() == ':' && space() ? k : -1;
    }

    /** Whether the literal is at the cursor, followed by a delimiter; consumes it if so. */
    private boolean literal(String word) {
        int n = word.length();
        if (at + n > lineEnd) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (input[at + i] != word.charAt(i)) {
                return false;
            }
        }
        if (at + n < lineEnd && !Ascii.delimiter(input[at + n])) {
            return false;
        }
        at += n;
        return true;
    }

    /**
     * Reads a key the object does not know and its value, when both are plain (a string, a
     * number, a literal or a list of those: datasets carry such extras as scores or ids),
     * reporting it as the parser's path does; false to give up (an object, anything unusual).
     */
    private boolean plainUnknownKey(KnownKeys known, String[] misspelt, String parent, String where,
            KeysSeen seen) {
        int keyAt = at;
        if (!plainStringHere()) {
            return false;
        }
        String name = new String(input, textFrom, textTo - textFrom, StandardCharsets.ISO_8859_1);
        if (!space() || next() != ':' || !space()) {
            return false;
        }
        if (!(peek() == '[' ? plainScalars() : plainScalar()) || !space()) {
            return false;
        }
        KeyProblems.unknown(sink, name, known, misspelt, parent, where, seen, keyAt - inputStart + 1);
        return true;
    }

    /** Skips a plain string, a number the plain reader knows, or a literal; false when there is none. */
    private boolean plainScalar() {
        if (plainStringHere() || literal("true") || literal("false") || literal("null")) {
            return true;
        }
        double number = number();
        return number == number; // NaN: no number the plain reader knows
    }

    /** Skips a list of plain scalars ({@code "scores": [0.9, 0.8]}); false when it is anything else. */
    private boolean plainScalars() {
        at++;
        if (!space()) {
            return false;
        }
        if (peek() != ']') {
            do {
                if (!plainScalar() || !space()) {
                    return false;
                }
            } while (comma());
        }
        return next() == ']';
    }

    private boolean plainUrl() {
        if (!plainStringHere()) {
            return false;
        }
        line.hasUrl = true;
        line.imageUrl = new String(input, textFrom, textTo - textFrom, StandardCharsets.ISO_8859_1);
        line.imageUrlStart = textFrom;
        return true;
    }

    // The record, image_details and each label object are walked by loops of the same form,
    // written out on purpose: one helper for the three (measured) cost 4% on detection, the
    // JIT not inlining a helper that calls itself for nested objects.

    private boolean plainDetails() {
        if (literal("null")) {
            return true;
        }
        if (next() != '{' || !space()) {
            return false;
        }
        int seen = 0;
        unknownKeys.clear();
        if (peek() != '}') {
            do {
                int keyAt = at;
                int k = key(KnownKeys.IMAGE_DETAILS);
                if (k < 0) {
                    if (at != keyAt || !plainUnknownKey(KnownKeys.IMAGE_DETAILS, null, "/image_details", "image_details",
                            unknownKeys)) {
                        return false;
                    }
                    continue;
                }
                if ((seen & (1 << k)) != 0) {
                    KeyProblems.duplicate(sink, "/image_details/" + KnownKeys.IMAGE_DETAILS.name(k), KnownKeys.IMAGE_DETAILS.name(k), keyAt - inputStart + 1);
                }
                seen |= 1 << k;
                if (k == 0) {
                    if (plainStringHere()) {
                        line.format = nameCache.get(input, textFrom, textTo);
                    } else if (!literal("null")) {
                        return false;
                    }
                } else {
                    int size = plainSize(KnownKeys.IMAGE_DETAILS.name(k));
                    if (size == -2) {
                        return false;
                    }
                    Integer value = size < 0 ? null : BoundLine.size(size);
                    if (k == 1) {
                        line.width = value;
                    } else {
                        line.height = value;
                    }
                }
                if (!space()) {
                    return false;
                }
            } while (comma());
        }
        return next() == '}';
    }

    /**
     * An image size as the parser's path reads it: the pixels, -1 for null or a string that is
     * no size (reported), -2 to give up.
     */
    private int plainSize(String name) {
        if (literal("null")) {
            return -1;
        }
        int open = at;
        if (plainStringHere()) {
            int pixels = DecimalReader.pixels(input, textFrom, textTo - textFrom);
            if (pixels < 0) {
                String text = new String(input, textFrom, textTo - textFrom, StandardCharsets.ISO_8859_1);
                sink.report(RuleCode.IMAGE_SIZE, null, "/image_details/" + name, open - inputStart + 1, "image-size",
                        "name", name, "actual", TokenCursor.describeString(text));
            }
            return pixels;
        }
        int i = at;
        int value = 0;
        while (i < lineEnd && input[i] >= '0' && input[i] <= '9' && i - at < 9) {
            value = value * 10 + input[i] - '0';
            i++;
        }
        int digits = i - at;
        if (digits == 0 || digits > 1 && input[at] == '0' || i == lineEnd || !Ascii.delimiter(input[i])) {
            return -2; // not a small non-negative integer: the parser decides
        }
        at = i;
        return value;
    }

    private boolean plainLabel() {
        if (plainStringHere()) {
            line.shape = LabelShape.CLASS_NAME;
            line.className = nameCache.get(input, textFrom, textTo);
            line.stringNames++;
            return true;
        }
        if (next() != '[' || !space()) {
            return false;
        }
        if (peek() == ']') {
            at++;
            line.shape = LabelShape.EMPTY_LIST;
            return true;
        }
        boolean objectsList = peek() == '{';
        int i = 0;
        do {
            if (objectsList) {
                if (peek() != '{' || !plainObject(i)) {
                    return false;
                }
            } else {
                if (!plainStringHere()) {
                    return false;
                }
                line.addName(nameCache.get(input, textFrom, textTo), i);
                line.stringNames++;
            }
            i++;
            if (!space()) {
                return false;
            }
        } while (comma());
        if (next() != ']') {
            return false;
        }
        line.shape = objectsList ? line.objectsShape() : LabelShape.NAMES;
        return true;
    }

    private boolean plainObject(int index) {
        // The parser's column of the '{': bytes from the line's start, plain lines being ASCII.
        BoundObject a = line.nextObject(index, at - inputStart + 1);
        at++;
        if (!space()) {
            return false;
        }
        int seen = 0;
        if (peek() != '}') {
            do {
                int k = key(KnownKeys.LABEL_OBJECT);
                if (k < 0 || (seen & (1 << k)) != 0) {
                    return false;
                }
                seen |= 1 << k;
                boolean read;
                if (k == KnownKeys.OBJECT_LABEL) {
                    read = plainStringHere();
                    if (read) {
                        a.labelPresent = true;
                        a.label = nameCache.get(input, textFrom, textTo);
                        line.stringNames++;
                    }
                } else if (k == KnownKeys.CROWD) {
                    read = plainCrowd(a);
                } else if (k == KnownKeys.POLYGON) {
                    read = plainPolygon(a);
                } else {
                    double v = number();
                    read = v == v;
                    if (read) {
                        a.corner(k - KnownKeys.FIRST_CORNER, v);
                    }
                }
                if (!read || !space()) {
                    return false;
                }
            } while (comma());
        }
        return next() == '}';
    }

    private boolean plainCrowd(BoundObject a) {
        if (literal("true") || literal("1")) {
            a.crowd = true;
            return true;
        }
        if (literal("false") || literal("0")) {
            a.crowd = false;
            return true;
        }
        return false;
    }

    private boolean plainPolygon(BoundObject a) {
        a.polygonPresent = true;
        line.anyPolygon = true;
        if (next() != '[' || !space()) {
            return false;
        }
        int segments = 0;
        boolean allPairs = true;
        do {
            if (next() != '[' || !space()) {
                return false;
            }
            int n = 0;
            do {
                double v = number();
                if (v != v) {
                    return false;
                }
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, n * 2);
                }
                scratch[n++] = v;
                if (!space()) {
                    return false;
                }
            } while (comma());
            if (next() != ']') {
                return false;
            }
            allPairs &= n == 2;
            a.segments.add(Arrays.copyOf(scratch, n));
            segments++;
            if (!space()) {
                return false;
            }
        } while (comma());
        if (next() != ']' || allPairs && segments >= 3) {
            return false; // a list of points, not of polygons: the parser's path says so
        }
        a.polygonValid = true;
        return true;
    }

    /** A number at the cursor, read as the token reader reads it ({@link DecimalReader#read}), or NaN to give up. */
    private double number() {
        double v = numbers.read(input, at, lineEnd);
        if (v == v) {
            at = numbers.end;
        }
        return v;
    }
}
