package io.github.visionjsonl.reading.internal.binding;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import io.github.visionjsonl.reading.internal.Ascii;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parser over one line and what the token readers ({@link TokenReader},
 * {@link LabelObjectReader}) read and report at its current token: where it stands in the line's
 * bytes and columns, a class name, a number, how its value is described in a message, the
 * non-numeric numbers Jackson reads, an unknown key, and what a skipped value holds that no value
 * of a line may (a key twice, a non-finite number), however deep.
 */
final class TokenCursor {

    /** Marks an object without keys yet: compared by identity, no key read is this instance. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NO_KEY_YET = new String("");

    private final BoundLine line;
    private final NameCache nameCache;
    private final DecimalReader numbers = new DecimalReader();
    private final KeptKeys keptKeys;
    /** The parser and where its findings go, for the line being read. */
    JsonParser p;
    FindingSink sink;
    /** The bytes the parser reads (plain strings and numbers are read from them), and the line's place in them. */
    private byte[] input;
    private int inputStart;
    private int lineEnd;
    /** Whether the line's keys had lone surrogates, mapped to private-use characters (see {@link LoneSurrogateKeys#replaced}). */
    private boolean surrogateKeys;
    /** How many non-finite numbers the line has had reported. */
    private int nonFiniteCount;

    /** Per nesting level of {@link #skipValue}: the key or index of the value being read. */
    private String[] pathNames = new String[8];
    private int[] pathIndexes = new int[8];
    /** Per object being skipped: its first key, and once it has a second, all of them. */
    private String[] firstKeys = new String[8];
    private final List<Set<String>> keySets = new ArrayList<>();

    TokenCursor(BoundLine line, NameCache nameCache, KeptKeys keptKeys) {
        this.line = line;
        this.nameCache = nameCache;
        this.keptKeys = keptKeys;
    }

    /**
     * Starts on a line.
     *
     * @param input the bytes the parser reads
     * @param inputStart where the parser's input starts in {@code input}
     * @param lineEnd where the line ends in {@code input}
     */
    void start(JsonParser parser, FindingSink findings, boolean surrogateKeys, byte[] input, int inputStart,
            int lineEnd) {
        this.p = parser;
        this.sink = findings;
        this.surrogateKeys = surrogateKeys;
        this.input = input;
        this.inputStart = inputStart;
        this.lineEnd = lineEnd;
        nonFiniteCount = 0;
    }

    /** Where the current token starts in the input, or -1 when not known. */
    private int tokenStart() {
        if (input == null || !(p instanceof ParserBase base)) {
            return -1;
        }
        // Jackson counts the token's offset from just after its first character
        long at = inputStart + base.getTokenCharacterOffset() - 1;
        return at >= inputStart && at < lineEnd ? (int) at : -1;
    }

    /** Where the current string token's opening quote is in the input, or -1 when not known. */
    int plainStart() {
        int open = tokenStart();
        return open >= 0 && input[open] == '"' ? open : -1;
    }

    /** The closing quote of the plain string opening at {@code open} in the input, or -1 when it is not plain. */
    int plainEnd(int open) {
        return Ascii.plainStringEnd(input, open, lineEnd);
    }

    /** The input bytes (with {@link #plainStart} and {@link #plainEnd}). */
    byte[] input() {
        return input;
    }

    /** The current string token through the name cache: from the input bytes when plain. */
    String cachedName() throws IOException {
        int open = plainStart();
        int end = open < 0 ? -1 : plainEnd(open);
        return end < 0 ? nameCache.get(p) : nameCache.get(input, open + 1, end);
    }

    /** The current number token as a double: a short decimal read by {@link DecimalReader}, else by Jackson. */
    double number(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : p.getDoubleValue();
        }
        int start = tokenStart();
        int before = start > inputStart ? input[start - 1] : ' ';
        if (start >= 0 && !(before >= '0' && before <= '9' || before == '.' || before == '-')) {
            // read straight from the input bytes, saving the trips through the parser's character buffer
            double v = numbers.read(input, start, lineEnd);
            if (v == v) {
                return v;
            }
        }
        double v = DecimalReader.fromChars(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength());
        return v == v ? v : p.getDoubleValue(); // an exponent, NaN, Infinity: the general parser
    }

    /**
     * Reads a class name at the current token: a string, or (with a warning) an integer.
     *
     * @param index the position in the label list, or -1 for {@code label} itself
     * @param inObject whether the name is the {@code label} of the object at that position
     */
    String className(JsonToken t, int index, boolean inObject) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            line.stringNames++;
            return cachedName();
        }
        // The pointer is only spelt out for a finding: most lines have none.
        String pointer = index < 0 ? "/label" : inObject ? "/label/" + index + "/label" : "/label/" + index;
        switch (t) {
            case VALUE_NUMBER_INT:
                line.integerNames++;
                report(RuleCode.LABEL_TYPE, Severity.WARNING, pointer, "label-type.integer", "actual", p.getText());
                return p.getText();
            default:
                if (!nonFiniteLiteral(t, pointer)) {
                    report(RuleCode.LABEL_TYPE, pointer, "label-type", "actual", describe(t));
                    skipValue(pointer);
                }
                return null;
        }
    }

    /** Reports a key the object does not know, at the parser's current token, and skips its value. */
    void unknownKey(String name, KnownKeys known, String[] misspelt, String parent, String where,
            KeysSeen seen) throws IOException {
        keptKeys.count(name);
        name = keyName(name);
        KeyProblems.unknown(sink, name, known, misspelt, parent, where, seen, column());
        String pointer = parent + "/" + KeyProblems.escape(name);
        if (!nonFiniteLiteral(p.nextToken(), pointer)) {
            skipValue(pointer);
        }
    }

    /** How many non-finite numbers the line has had reported so far. */
    int nonFiniteCount() {
        return nonFiniteCount;
    }

    void report(RuleCode rule, String pointer, String key, Object... params) {
        sink.report(rule, null, pointer, column(), key, params);
    }

    void report(RuleCode rule, Severity suggested, String pointer, String key, Object... params) {
        sink.report(rule, suggested, pointer, column(), key, params);
    }

    /** The column of the current token. */
    int column() {
        return p.currentTokenLocation().getColumnNr();
    }

    /** A key's name as the line writes it: the stand-ins of lone surrogates mapped back. */
    String keyName(String name) {
        return surrogateKeys ? LoneSurrogateKeys.asWritten(name) : name;
    }

    void nonFinite(String pointer) throws IOException {
        nonFiniteCount++;
        report(RuleCode.NON_FINITE_NUMBER, pointer, "non-finite-number", "actual", p.getText());
    }

    /**
     * Whether the current token is one of the non-numeric numbers Jackson reads ({@code NaN},
     * {@code Infinity}, {@code -Infinity}, {@code +Infinity}, {@code -INF}): none is JSON, and
     * each is reported as {@code non-finite-number} wherever it stands. {@code +INF} is no
     * number of any JSON dialect: a syntax error. Checked before the value is converted, so
     * that a number merely too large for a double ({@code 1e400}) is not taken for one.
     */
    boolean nonFiniteLiteral(JsonToken t, String pointer) throws IOException {
        if (!isNonFiniteLiteral(t)) {
            return false;
        }
        if (p.getText().equals("+INF")) {
            throw new JsonParseException(p, "unexpected token '+INF': not a JSON value", p.currentTokenLocation());
        }
        nonFinite(pointer);
        return true;
    }

    boolean isNonFiniteLiteral(JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_FLOAT && p.isNaN();
    }

    /**
     * Skips the value at the current token, as {@code skipChildren} does, reporting what no
     * value of a line may hold however deep it is: a key twice in one object, a non-finite
     * number. The current token itself has been judged by the caller.
     *
     * @param pointer the value's pointer, for the findings inside it
     */
    void skipValue(String pointer) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 0;
        open(depth, t);
        while (depth >= 0) {
            t = p.nextToken();
            if (t == null) {
                return; // the parser reports the end of input itself
            }
            switch (t) {
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    String name = p.currentName();
                    keptKeys.count(name);
                    name = keyName(name);
                    pathNames[depth] = name;
                    if (!newKey(depth, name)) {
                        KeyProblems.duplicate(sink, path(pointer, depth), name, column());
                    }
                }
                default -> {
                    if (pathNames[depth] == null) {
                        pathIndexes[depth]++;
                    }
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                        open(depth, t);
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT && p.isNaN()) {
                        nonFiniteLiteral(t, path(pointer, depth));
                    }
                }
            }
        }
    }

    private void open(int depth, JsonToken t) {
        if (depth == pathNames.length) {
            pathNames = Arrays.copyOf(pathNames, depth * 2);
            pathIndexes = Arrays.copyOf(pathIndexes, depth * 2);
            firstKeys = Arrays.copyOf(firstKeys, depth * 2);
        }
        pathNames[depth] = null; // an array's level has no name, an object's gets one per key
        pathIndexes[depth] = -1;
        firstKeys[depth] = t == JsonToken.START_OBJECT ? NO_KEY_YET : null;
        if (depth < keySets.size()) {
            keySets.set(depth, null);
        }
    }

    /** Records a key of the object at that level; false when it had it already. */
    private boolean newKey(int depth, String name) {
        String first = firstKeys[depth];
        if (first == NO_KEY_YET) {
            firstKeys[depth] = name;
            return true;
        }
        while (keySets.size() <= depth) {
            keySets.add(null);
        }
        Set<String> keys = keySets.get(depth);
        if (keys == null) {
            // A fresh set per object with two keys or more: clearing one that grew large for
            // an earlier object would cost its capacity again for every small object after it.
            keys = new HashSet<>();
            keys.add(first);
            keySets.set(depth, keys);
        }
        return keys.add(name);
    }

    /** The pointer of the value at {@code depth} inside the value at {@code base}. */
    private String path(String base, int depth) {
        StringBuilder b = new StringBuilder(base);
        for (int i = 0; i <= depth; i++) {
            b.append('/');
            if (pathNames[i] != null) {
                b.append(KeyProblems.escape(pathNames[i]));
            } else {
                b.append(pathIndexes[i]);
            }
        }
        return b.toString();
    }

    /** Describes a JSON value for a message: {@code the string "abc"}, {@code a list}, {@code null}. */
    String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> describeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(p.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** Describes a string value for a message, as {@link #describe} does. */
    static String describeString(String text) {
        return "the string \"" + shorten(text) + "\"";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
