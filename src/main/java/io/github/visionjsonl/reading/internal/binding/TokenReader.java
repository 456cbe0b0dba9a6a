package io.github.visionjsonl.reading.internal.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Walks the tokens of one line with Jackson and binds them into a {@link BoundLine}, reporting
 * what only the raw JSON shows: wrong types, numeric strings, unknown and duplicate keys,
 * non-finite numbers, polygon shapes. Value rules (ranges, formats, names) are left to the
 * record's constraints. It reads any line, and its findings are the reference the
 * {@link PlainReader} must match; it reads lines the plain reader gives up on.
 */
final class TokenReader {

    private final BoundLine line;
    private final TokenCursor cursor;
    private final LabelObjectReader objects;
    /** Unknown keys seen in the record itself, and in image_details (to tell duplicates). */
    private final KeysSeen topUnknownKeys = new KeysSeen();
    private final KeysSeen unknownKeys = new KeysSeen();

    private JsonParser p;
    private FindingSink sink;
    private byte[] input;

    /**
     * @param line where the line is bound, shared with the plain reader
     * @param keptKeys where the keys the parsers meet are counted
     */
    TokenReader(BoundLine line, NameCache nameCache, KeptKeys keptKeys) {
        this.line = line;
        this.cursor = new TokenCursor(line, nameCache, keptKeys);
        this.objects = new LabelObjectReader(line, cursor);
    }

    /**
     * Binds the next JSON value of the parser as one line.
     *
     * @param alone whether the parser reads this line only: then what follows the value is
     *     reported as trailing tokens; otherwise the parser stops right after the value (the
     *     caller checks what follows it on the line) and may go on with the next line
     * @param input the bytes the parser reads, so that plain strings can be copied from them
     *     instead of decoded
     * @param inputStart where the parser's input starts in {@code input}
     * @param lineEnd where the line ends in {@code input}
     * @return whether the value is a JSON object (a record); false for any other JSON value
     * @throws IOException when the line is not well-formed JSON; what was reported before stays
     */
    boolean bind(JsonParser parser, FindingSink findings, boolean alone, byte[] input, int inputStart, int lineEnd)
            throws IOException {
        return bind(parser, findings, alone, input, inputStart, lineEnd, false);
    }

    /**
     * Binds a line whose keys had their lone surrogate escapes replaced by
     * {@link LoneSurrogateKeys#replaced}: names are reported as the line has them.
     *
     * @return whether the line is a record
     * @throws IOException when the line is not well-formed JSON
     */
    boolean bindSurrogateKeys(JsonParser parser, FindingSink findings, byte[] input, int lineEnd) throws IOException {
        return bind(parser, findings, true, input, 0, lineEnd, true);
    }

    private boolean bind(JsonParser parser, FindingSink findings, boolean alone, byte[] input, int inputStart,
            int lineEnd, boolean surrogateKeys) throws IOException {
        this.input = input;
        this.p = parser;
        this.sink = findings;
        cursor.start(parser, findings, surrogateKeys, input, inputStart, lineEnd);
        line.reset();
        topUnknownKeys.clear();
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            notAnObject(t, alone);
            return false;
        }
        int seen = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = switch (name) {
                case "image_url" -> KnownKeys.IMAGE_URL;
                case "image_details" -> KnownKeys.DETAILS;
                case "label" -> KnownKeys.LABEL;
                default -> -1;
            };
            if (k < 0) {
                cursor.unknownKey(name, KnownKeys.RECORD, line.topMisspelt, "", "the record", topUnknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                KeyProblems.duplicate(sink, "/" + name, name, cursor.column());
            }
            seen |= 1 << k;
            switch (k) {
                case KnownKeys.IMAGE_URL -> readImageUrl();
                case KnownKeys.DETAILS -> readDetails();
                default -> readLabel();
            }
        }
        if (alone) {
            t = p.nextToken();
            if (t != null) {
                cursor.report(RuleCode.JSON_SYNTAX, "", "json-syntax.trailing", "token", cursor.describe(t));
            }
        }
        line.missingTopKeys(sink);
        return true;
    }

    /**
     * Reads the rest of a line whose value is no object: that is only {@code not-an-object} when
     * the line is JSON ({@code [1, 2} or {@code 123 456} are syntax errors, whatever their first
     * token, and {@code [NaN]} has its non-finite number).
     */
    private void notAnObject(JsonToken t, boolean alone) throws IOException {
        String actual = cursor.describe(t);
        int column = cursor.column();
        int nonFiniteBefore = cursor.nonFiniteCount();
        if (!cursor.nonFiniteLiteral(t, "")) {
            cursor.skipValue("");
        }
        if (alone && p.nextToken() != null) {
            cursor.report(RuleCode.JSON_SYNTAX, "", "json-syntax.trailing", "token", cursor.describe(p.currentToken()));
        } else if (cursor.nonFiniteCount() == nonFiniteBefore) {
            sink.report(RuleCode.NOT_AN_OBJECT, null, "", column, "not-an-object", "actual", actual);
        }
    }

    private void readImageUrl() throws IOException {
        line.hasUrl = true;
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            // Copied from the input bytes when printable ASCII without escapes (almost every
            // URL): one array copy, where decoding goes through a char buffer and back. The
            // parser skips the token later as it skips any string it was not asked for.
            int open = cursor.plainStart();
            int end = open < 0 ? -1 : cursor.plainEnd(open);
            if (end >= 0) {
                line.imageUrl = new String(input, open + 1, end - open - 1, StandardCharsets.ISO_8859_1);
                line.imageUrlStart = open + 1;
            } else {
                line.imageUrl = p.getText();
                line.imageUrlStart = -1; // an earlier plain URL of the same record is not this one
            }
        } else if (!cursor.nonFiniteLiteral(t, "/image_url")) {
            cursor.report(RuleCode.WRONG_TYPE, "/image_url", "wrong-type", "name", "image_url", "expected", "a string",
                    "actual", cursor.describe(t));
            cursor.skipValue("/image_url");
        }
    }

    private void readDetails() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            if (!cursor.nonFiniteLiteral(t, "/image_details")) {
                cursor.report(RuleCode.WRONG_TYPE, "/image_details", "wrong-type", "name", "image_details",
                        "expected", "an object", "actual", cursor.describe(t));
                cursor.skipValue("/image_details");
            }
            return;
        }
        int seen = 0;
        unknownKeys.clear();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = switch (name) {
                case "format" -> 0;
                case "width" -> 1;
                case "height" -> 2;
                default -> -1;
            };
            if (k < 0) {
                cursor.unknownKey(name, KnownKeys.IMAGE_DETAILS, null, "/image_details", "image_details", unknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                KeyProblems.duplicate(sink, "/image_details/" + name, name, cursor.column());
            }
            seen |= 1 << k;
            if (k == 0) {
                t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    line.format = cursor.cachedName();
                } else if (t != JsonToken.VALUE_NULL && !cursor.nonFiniteLiteral(t, "/image_details/format")) {
                    cursor.report(RuleCode.WRONG_TYPE, "/image_details/format", "wrong-type", "name", "format",
                            "expected", "a string", "actual", cursor.describe(t));
                    cursor.skipValue("/image_details/format");
                }
            } else if (k == 1) {
                line.width = readSize("width");
            } else {
                line.height = readSize("height");
            }
        }
    }

    private Integer readSize(String name) throws IOException {
        JsonToken t = p.nextToken();
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    return BoundLine.size(p.getIntValue());
                }
                break;
            case VALUE_STRING:
                int open = cursor.plainStart();
                int close = open < 0 ? -1 : cursor.plainEnd(open);
                int pixels;
                if (close >= 0) {
                    pixels = DecimalReader.pixels(input, open + 1, close - open - 1);
                } else {
                    // An escaped or non-ASCII size is rare: decoded, it is measured like a plain one
                    // (a character outside Latin-1 becomes '?', no digit).
                    byte[] text = p.getText().getBytes(StandardCharsets.ISO_8859_1);
                    pixels = DecimalReader.pixels(text, 0, text.length);
                }
                if (pixels >= 0) {
                    return BoundLine.size(pixels);
                }
                break;
            default:
                break;
        }
        String pointer = "/image_details/" + name;
        if (!cursor.nonFiniteLiteral(t, pointer)) {
            cursor.report(RuleCode.IMAGE_SIZE, pointer, "image-size", "name", name, "actual", cursor.describe(t));
            cursor.skipValue(pointer);
        }
        return null;
    }

    private void readLabel() throws IOException {
        JsonToken t = p.nextToken();
        line.clearLabel();
        switch (t) {
            case START_ARRAY -> readLabelList();
            case START_OBJECT, VALUE_NULL -> {
                line.shape = LabelShape.INVALID;
                cursor.report(RuleCode.WRONG_TYPE, "/label", "wrong-type", "name", "label",
                        "expected", "a class name or a list", "actual", cursor.describe(t));
                cursor.skipValue("/label");
            }
            default -> {
                line.shape = LabelShape.CLASS_NAME;
                line.className = cursor.className(t, -1, false);
            }
        }
    }

    private void readLabelList() throws IOException {
        int i = 0;
        LabelShape kind = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = null;
            if (t == JsonToken.START_OBJECT) {
                if (kind == null) {
                    kind = LabelShape.BOXES;
                }
                if (kind == LabelShape.BOXES) {
                    objects.read(i);
                } else {
                    pointer = "/label/" + i;
                }
            } else if (t == JsonToken.START_ARRAY) {
                pointer = "/label/" + i;
            } else {
                if (kind == null) {
                    kind = LabelShape.NAMES;
                }
                if (kind == LabelShape.NAMES) {
                    String name = cursor.className(t, i, false);
                    if (name != null) {
                        line.addName(name, i);
                    }
                } else {
                    pointer = "/label/" + i;
                }
            }
            if (pointer != null && !cursor.nonFiniteLiteral(t, pointer)) {
                cursor.report(RuleCode.WRONG_TYPE, pointer, "wrong-type", "name", "label/" + i,
                        "expected", kind == LabelShape.BOXES ? "an object like the other elements"
                                : kind == LabelShape.NAMES ? "a class name like the other elements"
                                : "a class name or an object",
                        "actual", cursor.describe(t));
                cursor.skipValue(pointer);
            }
            i++;
        }
        if (kind == null) {
            line.shape = i == 0 ? LabelShape.EMPTY_LIST : LabelShape.INVALID;
        } else {
            line.shape = kind == LabelShape.BOXES ? line.objectsShape() : kind;
        }
    }
}
