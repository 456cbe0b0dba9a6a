package io.github.visionjsonl.reading.internal.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads one object of a line's {@code label} list with the parser, for {@link TokenReader}:
 * its keys, box corners, {@code isCrowd} and polygon, with what is wrong in them.
 */
final class LabelObjectReader {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[-+]?(nan|inf|infinity)");

    private final BoundLine line;
    private final TokenCursor cursor;
    /** The unknown keys of the object being read (to tell duplicates). */
    private final KeysSeen unknownKeys = new KeysSeen();
    /** The numbers of the polygon segment being read. */
    private double[] scratch = new double[256];
    private JsonParser p;

    LabelObjectReader(BoundLine line, TokenCursor cursor) {
        this.line = line;
        this.cursor = cursor;
    }

    /** Reads the object at the current token, the {@code index}-th of the label list. */
    void read(int index) throws IOException {
        p = cursor.p;
        BoundObject a = line.nextObject(index, cursor.column());
        int seen = 0;
        unknownKeys.clear();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = switch (name) {
                case "label" -> KnownKeys.OBJECT_LABEL;
                case "topX" -> KnownKeys.FIRST_CORNER;
                case "topY" -> KnownKeys.FIRST_CORNER + 1;
                case "bottomX" -> KnownKeys.FIRST_CORNER + 2;
                case "bottomY" -> KnownKeys.FIRST_CORNER + 3;
                case "isCrowd" -> KnownKeys.CROWD;
                case "polygon" -> KnownKeys.POLYGON;
                default -> -1;
            };
            if (k < 0) {
                a.anyMisspelt = true;
                cursor.unknownKey(name, KnownKeys.LABEL_OBJECT, a.misspelt, "/label/" + index, "a label object", unknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                KeyProblems.duplicate(cursor.sink, "/label/" + index + "/" + name, name, cursor.column());
            }
            seen |= 1 << k;
            switch (k) {
                case KnownKeys.OBJECT_LABEL -> {
                    a.labelPresent = true;
                    a.label = cursor.className(p.nextToken(), index, true);
                }
                case KnownKeys.CROWD -> readCrowd(a);
                case KnownKeys.POLYGON -> readPolygon(a);
                default -> readCorner(a, k - KnownKeys.FIRST_CORNER, name);
            }
        }
    }

    private void readCorner(BoundObject a, int c, String name) throws IOException {
        a.cornersPresent |= 1 << c;
        JsonToken t = p.nextToken();
        double v;
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // (the pointer is only spelt out for a literal: this runs for every corner)
                if (cursor.isNonFiniteLiteral(t) && cursor.nonFiniteLiteral(t, cornerPointer(a, name))) {
                    return;
                }
                // A number too large for a double is out of range, as the rules say: no literal
                v = cursor.number(t);
            }
            case VALUE_STRING -> {
                String text = p.getText().strip();
                if (DECIMAL.matcher(text).matches()) {
                    v = Double.parseDouble(text);
                    if (!Double.isFinite(v)) {
                        cursor.nonFinite(cornerPointer(a, name));
                        return;
                    }
                    cursor.report(RuleCode.NUMERIC_STRING, cornerPointer(a, name), "numeric-string", "name", name,
                            "value", text);
                } else if (NON_FINITE.matcher(text).matches()) {
                    cursor.nonFinite(cornerPointer(a, name));
                    return;
                } else {
                    cursor.report(RuleCode.WRONG_TYPE, cornerPointer(a, name), "wrong-type.coordinate", "name", name,
                            "actual", cursor.describe(t), "hint", "");
                    return;
                }
            }
            default -> {
                String hint = t == JsonToken.VALUE_TRUE ? " (the runtime would read it as 1.0)"
                        : t == JsonToken.VALUE_FALSE ? " (the runtime would read it as 0.0)" : "";
                cursor.report(RuleCode.WRONG_TYPE, cornerPointer(a, name), "wrong-type.coordinate", "name", name,
                        "actual", cursor.describe(t), "hint", hint);
                cursor.skipValue(cornerPointer(a, name));
                return;
            }
        }
        a.corners[c] = v;
        a.cornersValid |= 1 << c;
    }

    private static String cornerPointer(BoundObject a, String name) {
        return "/label/" + a.index + "/" + name;
    }

    private void readCrowd(BoundObject a) throws IOException {
        JsonToken t = p.nextToken();
        if (cursor.isNonFiniteLiteral(t) && cursor.nonFiniteLiteral(t, "/label/" + a.index + "/isCrowd")) {
            return;
        }
        String actual = null;
        switch (t) {
            case VALUE_TRUE -> a.crowd = true;
            case VALUE_FALSE -> a.crowd = false;
            case VALUE_NUMBER_INT -> {
                // 0 and 1 are read from the parser's characters: a String per object adds up
                int length = p.getTextLength();
                char digit = length == 1 ? p.getTextCharacters()[p.getTextOffset()] : ' ';
                a.crowd = digit == '1';
                if (digit != '0' && digit != '1') {
                    actual = p.getText();
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                a.crowd = p.getDoubleValue() == 1.0;
                actual = p.getText();
            }
            case VALUE_STRING -> {
                String text = p.getText();
                a.crowd = text.equals("1") || text.equals("true") || text.equals("True");
                actual = cursor.describe(t);
            }
            default -> {
                actual = cursor.describe(t);
                cursor.skipValue("/label/" + a.index + "/isCrowd");
            }
        }
        if (actual != null) {
            cursor.report(RuleCode.IS_CROWD_VALUE, "/label/" + a.index + "/isCrowd", "is-crowd-value", "actual", actual,
                    "meaning", a.crowd ? "crowd" : "not crowd");
        }
    }

    private void readPolygon(BoundObject a) throws IOException {
        a.polygonPresent = true;
        line.anyPolygon = true;
        String pointer = "/label/" + a.index + "/polygon";
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            if (!cursor.nonFiniteLiteral(t, pointer)) {
                cursor.report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape", "actual", cursor.describe(t));
                cursor.skipValue(pointer);
            }
            return;
        }
        boolean ok = true;
        boolean allPairs = true;
        int s = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                int n = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        double v = Double.NaN;
                        if (cursor.isNonFiniteLiteral(t) && cursor.nonFiniteLiteral(t, pointer + "/" + s + "/" + n)) {
                            ok = false;
                        } else {
                            // too large for a double: out of range, as the rules say
                            v = cursor.number(t);
                        }
                        if (n == scratch.length) {
                            scratch = Arrays.copyOf(scratch, n * 2);
                        }
                        scratch[n++] = v;
                    } else {
                        if (ok) {
                            cursor.report(RuleCode.POLYGON_SHAPE, pointer + "/" + s + "/" + n, "polygon-shape.value",
                                    "actual", cursor.describe(t), "segment", s);
                        }
                        ok = false;
                        cursor.skipValue(pointer + "/" + s + "/" + n);
                        n++;
                    }
                }
                if (n == 0 && ok) {
                    cursor.report(RuleCode.POLYGON_SHAPE, pointer + "/" + s, "polygon-shape.empty-segment", "segment", s);
                    ok = false;
                }
                allPairs &= n == 2;
                if (ok) {
                    a.segments.add(Arrays.copyOf(scratch, n));
                }
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (!cursor.nonFiniteLiteral(t, pointer + "/" + s) && ok) {
                    cursor.report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.flat");
                }
                ok = false;
            } else {
                if (ok) {
                    cursor.report(RuleCode.POLYGON_SHAPE, pointer + "/" + s, "polygon-shape", "actual", cursor.describe(t));
                }
                ok = false;
                cursor.skipValue(pointer + "/" + s);
            }
            s++;
        }
        if (s == 0) {
            cursor.report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.empty");
            ok = false;
        } else if (ok && allPairs && s >= 3) {
            cursor.report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.pairs");
            ok = false;
        }
        a.polygonValid = ok;
    }
}
