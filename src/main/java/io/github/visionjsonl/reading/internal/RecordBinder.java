package io.github.visionjsonl.reading.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import com.fasterxml.jackson.core.base.ParserBase;

/**
 * Walks the tokens of one line and binds them into the fields of a record, reporting what only
 * the raw JSON shows: wrong types, numeric strings, unknown and duplicate keys, non-finite
 * numbers, polygon shapes. Value rules (ranges, formats, names) are left to the Bean Validation
 * constraints on the typed records.
 *
 * <p>One binder serves one reading thread: it keeps its scratch state between lines so that the
 * per-line path allocates little.
 */
public final class RecordBinder {

    /** What the {@code label} value of a line looks like. */
    public enum LabelShape {
        /** No {@code label} key. */
        ABSENT,
        /** A value no task accepts (null, an object, a list of lists). */
        INVALID,
        /** One class name: multi-class classification. */
        CLASS_NAME,
        /** {@code []}: fits multi-label, detection and segmentation alike. */
        EMPTY_LIST,
        /** A list of class names: multi-label classification. */
        NAMES,
        /** A list of objects without polygons: detection. */
        BOXES,
        /** A list of objects with polygons: instance segmentation. */
        POLYGONS,
        /**
         * A list of objects with neither a polygon nor a box corner: detection and segmentation
         * alike, judged as the file's task.
         */
        OBJECTS;

        /** The task this shape belongs to, or {@code null} when it tells none. */
        public Task task() {
            return switch (this) {
                case CLASS_NAME -> Task.IMAGE_CLASSIFICATION;
                case NAMES -> Task.IMAGE_CLASSIFICATION_MULTILABEL;
                case BOXES -> Task.IMAGE_OBJECT_DETECTION;
                case POLYGONS -> Task.IMAGE_INSTANCE_SEGMENTATION;
                default -> null;
            };
        }

        /** Whether a record of this shape is acceptable in a file of the given task. */
        public boolean fits(Task task) {
            return switch (this) {
                case EMPTY_LIST -> task != Task.IMAGE_CLASSIFICATION;
                case OBJECTS -> task == Task.IMAGE_OBJECT_DETECTION || task == Task.IMAGE_INSTANCE_SEGMENTATION;
                default -> task() == task;
            };
        }

        /** How the shape is described in a task-mismatch message. */
        public String describe() {
            return switch (this) {
                case CLASS_NAME -> "one class name";
                case EMPTY_LIST -> "an empty list";
                case NAMES -> "a list of class names";
                case BOXES -> "a list of boxes";
                case POLYGONS -> "a list of polygons";
                case OBJECTS -> "a list of objects without boxes or polygons";
                default -> "not a label";
            };
        }
    }

    private static final String[] TOP_KEYS = {"image_url", "image_details", "label"};
    private static final String[] DETAIL_KEYS = {"format", "width", "height"};
    private static final String[] OBJECT_KEYS = {"label", "topX", "topY", "bottomX", "bottomY", "isCrowd", "polygon"};
    private static final int OBJECT_LABEL = 0;
    private static final int OBJECT_CROWD = 5;
    private static final int OBJECT_POLYGON = 6;
    private static final int ALL_CORNERS = 0b1111;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[-+]?(nan|inf|infinity)");

    private FindingSink sink;
    private JsonParser p;
    /** Whether the line's keys had lone surrogates, mapped to private-use characters (see {@link LoneSurrogateKeys#replaced}). */
    private boolean surrogateKeys;
    private byte[] input;
    private int inputStart;
    private int lineEnd;
    private final NameCache nameCache = new NameCache();

    private boolean hasUrl;
    private String imageUrl;
    private int imageUrlStart = -1;
    private String format;
    private Integer width;
    private Integer height;
    private LabelShape shape;
    private String className;
    private final List<String> names = new ArrayList<>();
    /** Lists the records' own are copied from (see {@link ImmutableLists}). */
    private final List<BoundingBox> boxScratch = new ArrayList<>();
    private final List<InstanceMask> maskScratch = new ArrayList<>();
    private final List<Segment> segmentScratch = new ArrayList<>();
    /** The line's {@code label} position of each of {@link #names}: a name can be left out. */
    private int[] nameIndex = new int[8];
    private int nameCount;
    private final List<Annotation> objects = new ArrayList<>();
    private int objectCount;
    private boolean anyPolygon;
    private final String[] topMisspelt = new String[TOP_KEYS.length];
    /** Unknown keys seen in the record itself, and in the nested object being read (to tell duplicates). */
    private final KeysSeen topUnknownKeys = new KeysSeen();
    private final KeysSeen unknownKeys = new KeysSeen();
    private double[] scratch = new double[256];
    private int[] listIndex = new int[16];
    private int listSize;
    /** How many non-finite numbers the line has had reported. */
    private int nonFiniteCount;
    private int integerNames;
    private int stringNames;

    /** The state of one annotation object, reused across lines. */
    private static final class Annotation {
        int index;
        int column;
        boolean labelPresent;
        String label;
        final double[] corners = new double[4];
        int cornersPresent;
        int cornersValid;
        boolean crowd;
        boolean polygonPresent;
        boolean polygonValid;
        final List<double[]> segments = new ArrayList<>();
        final String[] misspelt = new String[OBJECT_KEYS.length];
        boolean anyMisspelt;

        void reset(int index, int column) {
            this.index = index;
            this.column = column;
            labelPresent = false;
            label = null;
            cornersPresent = 0;
            cornersValid = 0;
            crowd = false;
            polygonPresent = false;
            polygonValid = false;
            segments.clear();
            if (anyMisspelt) {
                Arrays.fill(misspelt, null);
                anyMisspelt = false;
            }
        }
    }

    /**
     * The factory of the parsers that read lines of at most {@code maxLineLength} bytes. Names,
     * numbers and strings may be as long as a line: the plain reader accepts any length, and the
     * parser must give the same verdict on the same JSON (Jackson's own limits, 50,000
     * characters for a name and 1,000 for a number, would make a line valid or not depending on
     * which reader took it). Jackson's non-numeric numbers ({@code NaN}, {@code Infinity}) are
     * read so that they can be reported as {@code non-finite-number} where they stand, rather
     * than as a syntax error.
     */
    public static JsonFactory lineFactory(int maxLineLength) {
        return JsonFactory.builder()
                // Keys are kept in the factory's table (see KEPT_KEYS_BUDGET), not in the JVM's
                // table of interned strings, which outlives every run.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(maxLineLength, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .maxNameLength(Math.max(maxLineLength, StreamReadConstraints.DEFAULT_MAX_NAME_LEN))
                        .maxNumberLength(Math.max(maxLineLength, StreamReadConstraints.DEFAULT_MAX_NUM_LEN))
                        .build())
                .build();
    }

    /**
     * How many characters of distinct unknown keys longer than Jackson keeps in place (12 bytes)
     * a binder sees before {@link #keptKeysOverflowed()} says to start a new factory. A parser
     * keeps every key it meets in its factory's table, to read the next lines faster; with keys
     * as long as a line, a few hundred hostile lines would keep gigabytes there, and adding them
     * costs time that grows with the square of their number.
     */
    private static final int KEPT_KEYS_BUDGET = 1 << 14;
    private final java.util.Set<String> longKeys = new java.util.HashSet<>();
    private long longKeyChars;

    /**
     * Whether the lines bound since {@link #forgetKeptKeys()} had so many distinct long unknown
     * keys that their parsers' factory should be dropped for a new one (a hostile file, most
     * likely: a dataset has a few extra keys, on every line).
     */
    public boolean keptKeysOverflowed() {
        return longKeyChars > KEPT_KEYS_BUDGET;
    }

    /** Starts counting kept keys afresh, for a new factory. */
    public void forgetKeptKeys() {
        longKeys.clear();
        longKeyChars = 0;
    }

    /** Counts a key the parser met that is no known key, when it is one Jackson keeps out of place. */
    private void countKey(String name) {
        if (name.length() > 12 && longKeyChars <= KEPT_KEYS_BUDGET && longKeys.add(name)) {
            longKeyChars += name.length();
        }
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
    public boolean bind(JsonParser parser, FindingSink findings, boolean alone, byte[] input, int inputStart,
            int lineEnd) throws IOException {
        return bind(parser, findings, alone, input, inputStart, lineEnd, false);
    }

    /**
     * Binds a line whose keys had their lone surrogate escapes replaced by
     * {@link LoneSurrogateKeys#replaced}: names are reported as the line has them.
     *
     * @return whether the line is a record
     * @throws IOException when the line is not well-formed JSON
     */
    public boolean bindSurrogateKeys(JsonParser parser, FindingSink findings, byte[] input, int lineEnd)
            throws IOException {
        return bind(parser, findings, true, input, 0, lineEnd, true);
    }

    private boolean bind(JsonParser parser, FindingSink findings, boolean alone, byte[] input, int inputStart,
            int lineEnd, boolean surrogateKeys) throws IOException {
        this.input = input;
        this.inputStart = inputStart;
        this.lineEnd = lineEnd;
        this.p = parser;
        this.sink = findings;
        reset();
        this.surrogateKeys = surrogateKeys;
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            notAnObject(t, alone);
            return false;
        }
        int seen = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = switch (name) {
                case "image_url" -> 0;
                case "image_details" -> 1;
                case "label" -> 2;
                default -> -1;
            };
            if (k < 0) {
                unknownKey(name, TOP_KEYS, topMisspelt, "", "the record", topUnknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                duplicateKey("/" + name, name, column());
            }
            seen |= 1 << k;
            switch (k) {
                case 0 -> readImageUrl();
                case 1 -> readDetails();
                default -> readLabel();
            }
        }
        if (alone) {
            t = p.nextToken();
            if (t != null) {
                report(RuleCode.JSON_SYNTAX, "", "json-syntax.trailing", "token", describe(t));
            }
        }
        missingTopKeys();
        return true;
    }

    /**
     * Reads the rest of a line whose value is no object: that is only {@code not-an-object} when
     * the line is JSON ({@code [1, 2} or {@code 123 456} are syntax errors, whatever their first
     * token, and {@code [NaN]} has its non-finite number).
     */
    private void notAnObject(JsonToken t, boolean alone) throws IOException {
        String actual = describe(t);
        int column = column();
        int nonFiniteBefore = nonFiniteCount;
        if (!nonFiniteLiteral(t, "")) {
            skipValue("");
        }
        if (alone && p.nextToken() != null) {
            report(RuleCode.JSON_SYNTAX, "", "json-syntax.trailing", "token", describe(p.currentToken()));
        } else if (nonFiniteCount == nonFiniteBefore) {
            sink.report(RuleCode.NOT_AN_OBJECT, null, "", column, "not-an-object", "actual", actual);
        }
    }

    private void reset() {
        surrogateKeys = false;
        hasUrl = false;
        imageUrl = null;
        imageUrlStart = -1;
        format = null;
        width = null;
        height = null;
        shape = LabelShape.ABSENT;
        className = null;
        names.clear();
        nameCount = 0;
        objectCount = 0;
        anyPolygon = false;
        Arrays.fill(topMisspelt, null);
        topUnknownKeys.clear();
        listSize = 0;
        integerNames = 0;
        stringNames = 0;
        nonFiniteCount = 0;
    }

    /** How many class names of the line were written as integers. */
    public int integerNames() {
        return integerNames;
    }

    /** How many class names of the line were written as strings. */
    public int stringNames() {
        return stringNames;
    }

    /**
     * Where the characters of the record's image URL start in the line's bytes, one byte each
     * (the URL was a plain ASCII string there), or -1 when they do not or there is no URL.
     * Known after binding, like the record.
     */
    public int imageUrlStart() {
        return imageUrlStart;
    }

    /** The shape of the line's label, known after {@link #bind}. */
    public LabelShape shape() {
        return shape;
    }

    // ---- top level ------------------------------------------------------------------------

    private void readImageUrl() throws IOException {
        hasUrl = true;
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            // Copied from the input bytes when printable ASCII without escapes (almost every
            // URL): one array copy, where decoding goes through a char buffer and back. The
            // parser skips the token later as it skips any string it was not asked for.
            int open = plainStart();
            int end = open < 0 ? -1 : plainEnd(open);
            if (end >= 0) {
                imageUrl = new String(input, open + 1, end - open - 1, StandardCharsets.ISO_8859_1);
                imageUrlStart = open + 1;
            } else {
                imageUrl = p.getText();
                imageUrlStart = -1; // an earlier plain URL of the same record is not this one
            }
        } else if (!nonFiniteLiteral(t, "/image_url")) {
            report(RuleCode.WRONG_TYPE, "/image_url", "wrong-type", "name", "image_url", "expected", "a string",
                    "actual", describe(t));
            skipValue("/image_url");
        }
    }

    /** The current string token through the name cache: from the input bytes when plain. */
    private String cachedName() throws IOException {
        int open = plainStart();
        int end = open < 0 ? -1 : plainEnd(open);
        return end < 0 ? nameCache.get(p) : nameCache.get(input, open + 1, end);
    }

    /** Where the current string token's opening quote is in the input, or -1 when not known. */
    private int plainStart() {
        int open = tokenStart();
        return open >= 0 && input[open] == '"' ? open : -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The closing quote of a plain string opened at {@code open}, or -1 when it is not plain. */
    private int plainEnd(int open) {
        byte[] b = input;
        int i = open + 1;
        // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII.
        for (; i + 8 <= lineEnd; i += 8) {
            long w = (long) LONGS.get(b, i);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long special = (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | (w - 0x2020202020202020L) | w)
                    & HIGHS;
            if (special != 0) {
                // Borrows only spill upwards: the lowest flagged byte is a true one.
                int at = i + (Long.numberOfTrailingZeros(special) >>> 3);
                return b[at] == '"' ? at : -1;
            }
        }
        for (; i < lineEnd; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\') {
                return -1; // escapes, control characters, non-ASCII (negative): Jackson's decoding
            }
        }
        return -1;
    }

    private void readDetails() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            if (!nonFiniteLiteral(t, "/image_details")) {
                report(RuleCode.WRONG_TYPE, "/image_details", "wrong-type", "name", "image_details",
                        "expected", "an object", "actual", describe(t));
                skipValue("/image_details");
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
                unknownKey(name, DETAIL_KEYS, null, "/image_details", "image_details", unknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                duplicateKey("/image_details/" + name, name, column());
            }
            seen |= 1 << k;
            if (k == 0) {
                t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    format = cachedName();
                } else if (t != JsonToken.VALUE_NULL && !nonFiniteLiteral(t, "/image_details/format")) {
                    report(RuleCode.WRONG_TYPE, "/image_details/format", "wrong-type", "name", "format",
                            "expected", "a string", "actual", describe(t));
                    skipValue("/image_details/format");
                }
            } else if (k == 1) {
                width = readSize("width");
            } else {
                height = readSize("height");
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
                    return boxed(p.getIntValue());
                }
                break;
            case VALUE_STRING:
                int open = plainStart();
                int close = open < 0 ? -1 : plainEnd(open);
                int pixels;
                if (close >= 0) {
                    pixels = pixels(input, open + 1, close - open - 1);
                } else {
                    // An escaped or non-ASCII size is rare: decoded, it is measured like a plain one
                    // (a character outside Latin-1 becomes '?', no digit).
                    byte[] text = p.getText().getBytes(StandardCharsets.ISO_8859_1);
                    pixels = pixels(text, 0, text.length);
                }
                if (pixels >= 0) {
                    return boxed(pixels);
                }
                break;
            default:
                break;
        }
        String pointer = "/image_details/" + name;
        if (!nonFiniteLiteral(t, pointer)) {
            report(RuleCode.IMAGE_SIZE, pointer, "image-size", "name", name, "actual", describe(t));
            skipValue(pointer);
        }
        return null;
    }

    /** Boxed image sizes up to 8192, made once: every line has two. */
    private static final Integer[] SIZES = new Integer[8193];

    static {
        for (int i = 0; i < SIZES.length; i++) {
            SIZES[i] = i;
        }
    }

    private static Integer boxed(int size) {
        return size >= 0 && size < SIZES.length ? SIZES[size] : Integer.valueOf(size);
    }

    private void readLabel() throws IOException {
        JsonToken t = p.nextToken();
        names.clear();
        nameCount = 0;
        objectCount = 0;
        anyPolygon = false;
        switch (t) {
            case START_ARRAY -> readLabelList();
            case START_OBJECT, VALUE_NULL -> {
                shape = LabelShape.INVALID;
                report(RuleCode.WRONG_TYPE, "/label", "wrong-type", "name", "label",
                        "expected", "a class name or a list", "actual", describe(t));
                skipValue("/label");
            }
            default -> {
                shape = LabelShape.CLASS_NAME;
                className = className(t, -1, false);
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
                    readObject(i);
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
                    String name = className(t, i, false);
                    if (name != null) {
                        addName(name, i);
                    }
                } else {
                    pointer = "/label/" + i;
                }
            }
            if (pointer != null && !nonFiniteLiteral(t, pointer)) {
                report(RuleCode.WRONG_TYPE, pointer, "wrong-type", "name", "label/" + i,
                        "expected", kind == LabelShape.BOXES ? "an object like the other elements"
                                : kind == LabelShape.NAMES ? "a class name like the other elements"
                                : "a class name or an object",
                        "actual", describe(t));
                skipValue(pointer);
            }
            i++;
        }
        if (kind == null) {
            shape = i == 0 ? LabelShape.EMPTY_LIST : LabelShape.INVALID;
        } else {
            shape = kind == LabelShape.BOXES ? objectsShape() : kind;
        }
    }

    /**
     * Reads a class name at the current token: a string, or (with a warning) an integer.
     *
     * @param index the position in the label list, or -1 for {@code label} itself
     * @param inObject whether the name is the {@code label} of the object at that position
     */
    private String className(JsonToken t, int index, boolean inObject) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            stringNames++;
            return cachedName();
        }
        // The pointer is only spelt out for a finding: most lines have none.
        String pointer = index < 0 ? "/label" : inObject ? "/label/" + index + "/label" : "/label/" + index;
        switch (t) {
            case VALUE_NUMBER_INT:
                integerNames++;
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

    // ---- annotation objects ---------------------------------------------------------------

    /** The next annotation of the line, reused from earlier lines when there is one. */
    private Annotation nextAnnotation(int index, int column) {
        Annotation a;
        if (objectCount < objects.size()) {
            a = objects.get(objectCount);
        } else {
            a = new Annotation();
            objects.add(a);
        }
        objectCount++;
        a.reset(index, column);
        return a;
    }

    /**
     * The shape of a list of objects, judged from the keys they have: polygons when one has a
     * polygon, boxes when one has a box corner, else objects that fit either task.
     */
    private LabelShape objectsShape() {
        if (anyPolygon) {
            return LabelShape.POLYGONS;
        }
        for (int i = 0; i < objectCount; i++) {
            if (objects.get(i).cornersPresent != 0) {
                return LabelShape.BOXES;
            }
        }
        return LabelShape.OBJECTS;
    }

    private void readObject(int index) throws IOException {
        Annotation a = nextAnnotation(index, column());
        int seen = 0;
        unknownKeys.clear();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = switch (name) {
                case "label" -> OBJECT_LABEL;
                case "topX" -> 1;
                case "topY" -> 2;
                case "bottomX" -> 3;
                case "bottomY" -> 4;
                case "isCrowd" -> OBJECT_CROWD;
                case "polygon" -> OBJECT_POLYGON;
                default -> -1;
            };
            if (k < 0) {
                a.anyMisspelt = true;
                unknownKey(name, OBJECT_KEYS, a.misspelt, "/label/" + index, "a label object", unknownKeys);
                continue;
            }
            if ((seen & (1 << k)) != 0) {
                duplicateKey("/label/" + index + "/" + name, name, column());
            }
            seen |= 1 << k;
            switch (k) {
                case OBJECT_LABEL -> {
                    a.labelPresent = true;
                    a.label = className(p.nextToken(), index, true);
                }
                case OBJECT_CROWD -> readCrowd(a);
                case OBJECT_POLYGON -> readPolygon(a);
                default -> readCorner(a, k - 1, name);
            }
        }
    }

    private void readCorner(Annotation a, int c, String name) throws IOException {
        a.cornersPresent |= 1 << c;
        JsonToken t = p.nextToken();
        double v;
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // (the pointer is only spelt out for a literal: this runs for every corner)
                if (isNonFiniteLiteral(t) && nonFiniteLiteral(t, cornerPointer(a, name))) {
                    return;
                }
                // A number too large for a double is out of range, as the rules say: no literal
                v = number(t);
            }
            case VALUE_STRING -> {
                String text = p.getText().strip();
                if (DECIMAL.matcher(text).matches()) {
                    v = Double.parseDouble(text);
                    if (!Double.isFinite(v)) {
                        nonFinite(cornerPointer(a, name));
                        return;
                    }
                    report(RuleCode.NUMERIC_STRING, cornerPointer(a, name), "numeric-string", "name", name,
                            "value", text);
                } else if (NON_FINITE.matcher(text).matches()) {
                    nonFinite(cornerPointer(a, name));
                    return;
                } else {
                    report(RuleCode.WRONG_TYPE, cornerPointer(a, name), "wrong-type.coordinate", "name", name,
                            "actual", describe(t), "hint", "");
                    return;
                }
            }
            default -> {
                String hint = t == JsonToken.VALUE_TRUE ? " (the runtime would read it as 1.0)"
                        : t == JsonToken.VALUE_FALSE ? " (the runtime would read it as 0.0)" : "";
                report(RuleCode.WRONG_TYPE, cornerPointer(a, name), "wrong-type.coordinate", "name", name,
                        "actual", describe(t), "hint", hint);
                skipValue(cornerPointer(a, name));
                return;
            }
        }
        a.corners[c] = v;
        a.cornersValid |= 1 << c;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    /**
     * The current number token as a double. Coordinates are short decimals ({@code 0.2603}):
     * those are read straight from the parser's characters as an integer divided by a power of
     * ten, which is exact for up to 15 digits (both are exact doubles and the division rounds
     * once); anything else goes to Jackson.
     */
    private double number(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : p.getDoubleValue();
        }
        int start = tokenStart();
        int before = start > inputStart ? input[start - 1] : ' ';
        if (start >= 0 && !(before >= '0' && before <= '9' || before == '.' || before == '-')) {
            // the same short decimal read straight from the input bytes, saving the trips through
            // the parser's character buffer
            at = start;
            double v = plainNumber();
            if (v == v) {
                return v;
            }
        }
        char[] c = p.getTextCharacters();
        int i = p.getTextOffset();
        int end = i + p.getTextLength();
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (ch == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return p.getDoubleValue(); // an exponent, NaN, Infinity: the general parser
            }
        }
        if (digits == 0 || digits > 15) {
            return p.getDoubleValue();
        }
        double v = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        return negative ? -v : v;
    }

    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L};

    /** How many of the eight bytes (first byte lowest) are ASCII digits before the first that is not. */
    private static int leadingDigits(long w) {
        // A byte is no digit when it is above '9' (adding 0x46 sets its top bit), below '0'
        // (subtracting 0x30 borrows into its top bit) or not ASCII; carries and borrows only
        // spill into bytes after the first such byte, which do not count.
        long notDigit = ((w + 0x4646464646464646L) | (w - 0x3030303030303030L) | w) & HIGHS;
        return notDigit == 0 ? 8 : Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /** The value of eight ASCII digits (first digit in the lowest byte; zero bytes count as leading zeros). */
    private static long eightDigits(long w) {
        w = (w & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        w = (w & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (w & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
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

    private static String cornerPointer(Annotation a, String name) {
        return "/label/" + a.index + "/" + name;
    }

    private void readCrowd(Annotation a) throws IOException {
        JsonToken t = p.nextToken();
        if (isNonFiniteLiteral(t) && nonFiniteLiteral(t, "/label/" + a.index + "/isCrowd")) {
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
                actual = describe(t);
            }
            default -> {
                actual = describe(t);
                skipValue("/label/" + a.index + "/isCrowd");
            }
        }
        if (actual != null) {
            report(RuleCode.IS_CROWD_VALUE, "/label/" + a.index + "/isCrowd", "is-crowd-value", "actual", actual,
                    "meaning", a.crowd ? "crowd" : "not crowd");
        }
    }

    private void readPolygon(Annotation a) throws IOException {
        a.polygonPresent = true;
        anyPolygon = true;
        String pointer = "/label/" + a.index + "/polygon";
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            if (!nonFiniteLiteral(t, pointer)) {
                report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape", "actual", describe(t));
                skipValue(pointer);
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
                        if (isNonFiniteLiteral(t) && nonFiniteLiteral(t, pointer + "/" + s + "/" + n)) {
                            ok = false;
                        } else {
                            // too large for a double: out of range, as the rules say
                            v = number(t);
                        }
                        if (n == scratch.length) {
                            scratch = Arrays.copyOf(scratch, n * 2);
                        }
                        scratch[n++] = v;
                    } else {
                        if (ok) {
                            report(RuleCode.POLYGON_SHAPE, pointer + "/" + s + "/" + n, "polygon-shape.value",
                                    "actual", describe(t), "segment", s);
                        }
                        ok = false;
                        skipValue(pointer + "/" + s + "/" + n);
                        n++;
                    }
                }
                if (n == 0 && ok) {
                    report(RuleCode.POLYGON_SHAPE, pointer + "/" + s, "polygon-shape.empty-segment", "segment", s);
                    ok = false;
                }
                allPairs &= n == 2;
                if (ok) {
                    a.segments.add(Arrays.copyOf(scratch, n));
                }
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (!nonFiniteLiteral(t, pointer + "/" + s) && ok) {
                    report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.flat");
                }
                ok = false;
            } else {
                if (ok) {
                    report(RuleCode.POLYGON_SHAPE, pointer + "/" + s, "polygon-shape", "actual", describe(t));
                }
                ok = false;
                skipValue(pointer + "/" + s);
            }
            s++;
        }
        if (s == 0) {
            report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.empty");
            ok = false;
        } else if (ok && allPairs && s >= 3) {
            report(RuleCode.POLYGON_SHAPE, pointer, "polygon-shape.pairs");
            ok = false;
        }
        a.polygonValid = ok;
    }

    // ---- plain lines, without the parser ----------------------------------------------------

    private static final Keys QUOTED_TOP_KEYS = new Keys(TOP_KEYS);
    private static final Keys QUOTED_DETAIL_KEYS = new Keys(DETAIL_KEYS);
    private static final Keys QUOTED_OBJECT_KEYS = new Keys(OBJECT_KEYS);

    /**
     * Known keys as they appear in a line, closing quote included, with their first eight bytes
     * as a word: a key is recognized by comparing words in place, without finding its end first.
     */
    private static final class Keys {
        final byte[][] quoted;
        final long[] words;
        final long[] masks;

        Keys(String[] names) {
            quoted = new byte[names.length][];
            words = new long[names.length];
            masks = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                byte[] q = (names[i] + "\"").getBytes(StandardCharsets.US_ASCII);
                int n = Math.min(8, q.length);
                long w = 0;
                for (int j = 0; j < n; j++) {
                    w |= (q[j] & 0xFFL) << (8 * j);
                }
                quoted[i] = q;
                words[i] = w;
                masks[i] = n == 8 ? -1L : (1L << (8 * n)) - 1;
            }
        }
    }

    /** The cursor of {@link #bindPlain} in {@link #input}. */
    private int at;
    /** Where the characters of the last plain string read are, closing quote excluded. */
    private int textFrom;
    private int textTo;

    /**
     * Binds a line without a parser when it is plain, which almost every line of a dataset is:
     * strict JSON in ASCII without escapes or line breaks, values of the types the format asks
     * for. The state and the findings are then exactly what {@link #bind} gives for the same
     * line. The plain reader also reports the faults of such lines that datasets often have: an
     * unknown key with a plain value, the URL or image_details twice, a size string that is no
     * size. Anything else (a wrong type, a label twice, an exponent, a string with escapes or
     * non-ASCII, a syntax error, text after the object) makes it give up; the caller then
     * forgets what was reported and reads the line with the parser, which reports what is
     * wrong. Reading these few shapes by hand costs far less than the general parser.
     *
     * @param end where the line ends, without its terminator
     * @param findings where building the record reports; on giving up, what was reported there
     *     is to be forgotten
     * @return whether the line was bound
     */
    public boolean bindPlain(byte[] line, int start, int end, FindingSink findings) {
        reset();
        sink = findings; // for what building the record reports
        p = null;
        input = line;
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
                int k = key(QUOTED_TOP_KEYS);
                if (k < 0) {
                    if (at != keyAt || !plainUnknownKey(TOP_KEYS, topMisspelt, "", "the record", topUnknownKeys)) {
                        return false;
                    }
                    continue;
                }
                if ((seen & (1 << k)) != 0) {
                    if (k == 2) {
                        return false; // a second label: the parser's path reads it over the first
                    }
                    duplicateKey("/" + TOP_KEYS[k], TOP_KEYS[k], keyAt - inputStart + 1);
                }
                seen |= 1 << k;
                boolean read = switch (k) {
                    case 0 -> plainUrl();
                    case 1 -> plainDetails();
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
        missingTopKeys();
        return true;
    }

    /** Skips spaces and tabs; false at a carriage return or newline, which moves the parser's column count. */
    private boolean space() {
        byte[] b = input;
        while (at < lineEnd && (b[at] == ' ' || b[at] == '\t')) {
            at++;
        }
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
        int close = plainEnd(at);
        if (close < 0) {
            return false;
        }
        textFrom = at + 1;
        textTo = close;
        at = close + 1;
        return true;
    }

    /** Reads {@code "key" :} and the spaces after; the index of the key among those given, or -1. */
    private int key(Keys keys) {
        int from = at + 1;
        if (peek() != '"' || from + 8 > lineEnd) {
            return -1; // a key this close to the end leaves no room for a value: the parser's to judge
        }
        byte[] b = input;
        long w = (long) LONGS.get(b, from);
        int k = -1;
        for (int i = 0; i < keys.words.length; i++) {
            if ((w & keys.masks[i]) == keys.words[i] && sameTail(keys.quoted[i], from)) {
                k = i;
                break;
            }
        }
        if (k < 0) {
            return -1;
        }
        at = from + keys.quoted[k].length;
        return space() && next() == ':' && space() ? k : -1;
    }

    /** Whether the bytes of a key past its first eight are at {@code from} too. */
    private boolean sameTail(byte[] quoted, int from) {
        if (quoted.length <= 8) {
            return true;
        }
        if (from + quoted.length > lineEnd) {
            return false;
        }
        for (int j = 8; j < quoted.length; j++) {
            if (input[from + j] != quoted[j]) {
                return false;
            }
        }
        return true;
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
        if (at + n < lineEnd && !delimiter(input[at + n])) {
            return false;
        }
        at += n;
        return true;
    }

    private static boolean delimiter(int c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t';
    }

    /**
     * Reads a key the object does not know and its value, when both are plain (a string, a
     * number, a literal or a list of those: datasets carry such extras as scores or ids),
     * reporting it as the parser's path does; false to give up (an object, anything unusual).
     */
    private boolean plainUnknownKey(String[] known, String[] misspelt, String parent, String where,
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
        unknownKey(name, known, misspelt, parent, where, seen, keyAt - inputStart + 1);
        return true;
    }

    /** Skips a plain string, a number the plain reader knows, or a literal; false when there is none. */
    private boolean plainScalar() {
        if (plainStringHere() || literal("true") || literal("false") || literal("null")) {
            return true;
        }
        double number = plainNumber();
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
        hasUrl = true;
        imageUrl = new String(input, textFrom, textTo - textFrom, StandardCharsets.ISO_8859_1);
        imageUrlStart = textFrom;
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
                int k = key(QUOTED_DETAIL_KEYS);
                if (k < 0) {
                    if (at != keyAt || !plainUnknownKey(DETAIL_KEYS, null, "/image_details", "image_details",
                            unknownKeys)) {
                        return false;
                    }
                    continue;
                }
                if ((seen & (1 << k)) != 0) {
                    duplicateKey("/image_details/" + DETAIL_KEYS[k], DETAIL_KEYS[k], keyAt - inputStart + 1);
                }
                seen |= 1 << k;
                if (k == 0) {
                    if (plainStringHere()) {
                        format = nameCache.get(input, textFrom, textTo);
                    } else if (!literal("null")) {
                        return false;
                    }
                } else {
                    int size = plainSize(DETAIL_KEYS[k]);
                    if (size == -2) {
                        return false;
                    }
                    Integer value = size < 0 ? null : boxed(size);
                    if (k == 1) {
                        width = value;
                    } else {
                        height = value;
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
            int pixels = pixels(input, textFrom, textTo - textFrom);
            if (pixels < 0) {
                String text = new String(input, textFrom, textTo - textFrom, StandardCharsets.ISO_8859_1);
                sink.report(RuleCode.IMAGE_SIZE, null, "/image_details/" + name, open - inputStart + 1, "image-size",
                        "name", name, "actual", describeString(text));
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
        if (digits == 0 || digits > 1 && input[at] == '0' || i == lineEnd || !delimiter(input[i])) {
            return -2; // not a small non-negative integer: the parser decides
        }
        at = i;
        return value;
    }

    /** The value of {@code "640"} or {@code "640px"} (1 to 9 digits), else -1. */
    private static int pixels(byte[] c, int offset, int length) {
        int end = length >= 2 && c[offset + length - 2] == 'p' && c[offset + length - 1] == 'x' ? length - 2 : length;
        if (end == 0 || end > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < end; i++) {
            int ch = c[offset + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private boolean plainLabel() {
        if (plainStringHere()) {
            shape = LabelShape.CLASS_NAME;
            className = nameCache.get(input, textFrom, textTo);
            stringNames++;
            return true;
        }
        if (next() != '[' || !space()) {
            return false;
        }
        if (peek() == ']') {
            at++;
            shape = LabelShape.EMPTY_LIST;
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
                addName(nameCache.get(input, textFrom, textTo), i);
                stringNames++;
            }
            i++;
            if (!space()) {
                return false;
            }
        } while (comma());
        if (next() != ']') {
            return false;
        }
        shape = objectsList ? objectsShape() : LabelShape.NAMES;
        return true;
    }

    private boolean plainObject(int index) {
        // The parser's column of the '{': bytes from the line's start, plain lines being ASCII.
        Annotation a = nextAnnotation(index, at - inputStart + 1);
        at++;
        if (!space()) {
            return false;
        }
        int seen = 0;
        if (peek() != '}') {
            do {
                int k = key(QUOTED_OBJECT_KEYS);
                if (k < 0 || (seen & (1 << k)) != 0) {
                    return false;
                }
                seen |= 1 << k;
                boolean read;
                if (k == OBJECT_LABEL) {
                    read = plainStringHere();
                    if (read) {
                        a.labelPresent = true;
                        a.label = nameCache.get(input, textFrom, textTo);
                        stringNames++;
                    }
                } else if (k == OBJECT_CROWD) {
                    read = plainCrowd(a);
                } else if (k == OBJECT_POLYGON) {
                    read = plainPolygon(a);
                } else {
                    double v = plainNumber();
                    read = v == v;
                    if (read) {
                        a.cornersPresent |= 1 << (k - 1);
                        a.corners[k - 1] = v;
                        a.cornersValid |= 1 << (k - 1);
                    }
                }
                if (!read || !space()) {
                    return false;
                }
            } while (comma());
        }
        return next() == '}';
    }

    private boolean plainCrowd(Annotation a) {
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

    private boolean plainPolygon(Annotation a) {
        a.polygonPresent = true;
        anyPolygon = true;
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
                double v = plainNumber();
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

    /**
     * A number at the cursor, read as the parser's path reads it, or NaN to give up: strict JSON
     * number syntax, integers of up to nine digits, decimals without exponent of up to 15 digits.
     */
    private double plainNumber() {
        byte[] b = input;
        int end = lineEnd;
        int i = at;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        int d;
        for (; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            mantissa = mantissa * 10 + d;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && b[intStart] == '0') {
            return Double.NaN; // no digits, or a leading zero: the parser's error
        }
        double v;
        if (i < end && b[i] == '.') {
            i++;
            int decimals;
            int n = i + 8 <= end ? leadingDigits((long) LONGS.get(b, i)) : 8;
            if (n > 0 && n < 8) {
                // The usual coordinate: the whole fraction in one word, converted without a branch per digit.
                mantissa = mantissa * LONG_POWERS_OF_TEN[n] + eightDigits((long) LONGS.get(b, i) << (8 * (8 - n)));
                decimals = n;
                i += n;
            } else {
                int fraction = i;
                for (; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                    mantissa = mantissa * 10 + d;
                }
                decimals = i - fraction;
            }
            if (decimals == 0 || intDigits + decimals > 15) {
                return Double.NaN; // "1." is no number; longer ones take the parser's exact path
            }
            // Both are exact doubles: the division rounds once, as parsing the text would.
            v = mantissa / POWERS_OF_TEN[decimals];
            v = negative ? -v : v;
        } else {
            if (intDigits > 9) {
                return Double.NaN;
            }
            v = negative ? -mantissa : mantissa; // an int: "-0" is 0.0 as the parser has it
        }
        if (i == end || !delimiter(b[i])) {
            return Double.NaN; // an exponent, or something that is no number
        }
        at = i;
        return v;
    }

    // ---- building the typed record --------------------------------------------------------

    /**
     * Builds the record of the given task from the bound line, reporting the keys that task
     * requires and the line lacks. Objects that cannot be built (a corner missing, a polygon of
     * the wrong shape) are left out; {@link #jsonIndex(int)} maps the record's list positions
     * back to the line's.
     *
     * @return the record, or {@code null} when the label is unusable
     */
    public ImageRecord toRecord(Task task) {
        ImageDetails details = format == null && width == null && height == null
                ? ImageDetails.NONE : new ImageDetails(format, width, height);
        listSize = 0;
        switch (task) {
            case IMAGE_CLASSIFICATION:
                return new ClassificationRecord(imageUrl, details, className);
            case IMAGE_CLASSIFICATION_MULTILABEL:
                for (int i = 0; i < nameCount; i++) {
                    addIndex(nameIndex[i]);
                }
                return new MultiLabelRecord(imageUrl, details, ImmutableLists.copyOf(names));
            case IMAGE_OBJECT_DETECTION: {
                List<BoundingBox> boxes = boxScratch;
                boxes.clear();
                for (int i = 0; i < objectCount; i++) {
                    Annotation a = objects.get(i);
                    boolean complete = checkLabel(a);
                    for (int c = 0; c < 4; c++) {
                        if ((a.cornersPresent & (1 << c)) == 0) {
                            missing("/label/" + a.index, a.column, OBJECT_KEYS[c + 1], a.misspelt[c + 1]);
                        }
                    }
                    if (complete && a.cornersValid == ALL_CORNERS) {
                        boxes.add(box(a));
                        addIndex(a.index);
                    }
                }
                return new DetectionRecord(imageUrl, details, ImmutableLists.copyOf(boxes));
            }
            default: {
                List<InstanceMask> masks = maskScratch;
                masks.clear();
                for (int i = 0; i < objectCount; i++) {
                    Annotation a = objects.get(i);
                    boolean complete = checkLabel(a);
                    if (!a.polygonPresent) {
                        missing("/label/" + a.index, a.column, "polygon", a.misspelt[OBJECT_POLYGON]);
                    }
                    if (complete && a.polygonValid) {
                        List<Segment> segments = segmentScratch;
                        segments.clear();
                        for (double[] s : a.segments) {
                            segments.add(new Segment(s));
                        }
                        BoundingBox box = a.cornersValid == ALL_CORNERS ? box(a) : null;
                        masks.add(new InstanceMask(a.label, new Polygon(ImmutableLists.copyOf(segments)), a.crowd, box));
                        addIndex(a.index);
                    }
                }
                return new SegmentationRecord(imageUrl, details, ImmutableLists.copyOf(masks));
            }
        }
    }

    private boolean checkLabel(Annotation a) {
        if (!a.labelPresent) {
            missing("/label/" + a.index, a.column, "label", a.misspelt[OBJECT_LABEL]);
        }
        return a.label != null;
    }

    private static BoundingBox box(Annotation a) {
        return new BoundingBox(a.label, a.corners[0], a.corners[1], a.corners[2], a.corners[3], a.crowd);
    }

    private void addName(String name, int jsonIndex) {
        if (nameCount == nameIndex.length) {
            nameIndex = Arrays.copyOf(nameIndex, nameCount * 2);
        }
        nameIndex[nameCount++] = jsonIndex;
        names.add(name);
    }

    private void addIndex(int jsonIndex) {
        if (listSize == listIndex.length) {
            listIndex = Arrays.copyOf(listIndex, listSize * 2);
        }
        listIndex[listSize++] = jsonIndex;
    }

    /**
     * The line's {@code label} positions of the record's labels or objects, or {@code null} when
     * every one made it into the record (positions are then the same).
     */
    public int[] jsonIndexes() {
        for (int i = 0; i < listSize; i++) {
            if (listIndex[i] != i) {
                return Arrays.copyOf(listIndex, listSize);
            }
        }
        return null;
    }

    /** The index in the line's {@code label} list of the record's {@code i}-th label or object. */
    public int jsonIndex(int i) {
        return i < listSize ? listIndex[i] : i;
    }

    // ---- reporting ------------------------------------------------------------------------

    private void unknownKey(String name, String[] known, String[] misspelt, String parent, String where,
            KeysSeen seen) throws IOException {
        countKey(name);
        name = keyName(name);
        unknownKey(name, known, misspelt, parent, where, seen, column());
        String pointer = parent + "/" + escape(name);
        if (!nonFiniteLiteral(p.nextToken(), pointer)) {
            skipValue(pointer);
        }
    }

    /** Reports a key the object does not know (the parser's and the plain reader's way alike). */
    private void unknownKey(String name, String[] known, String[] misspelt, String parent, String where,
            KeysSeen seen, int column) {
        String pointer = parent + "/" + escape(name);
        if (!seen.add(name)) {
            duplicateKey(pointer, name, column);
        }
        String hint = KeyHints.nearest(name, known);
        if (hint != null) {
            if (misspelt != null) {
                for (int i = 0; i < known.length; i++) {
                    if (known[i].equals(hint) && misspelt[i] == null) {
                        misspelt[i] = name;
                    }
                }
            }
            sink.report(RuleCode.UNKNOWN_FIELD, null, pointer, column, "unknown-field.hint", "name", name, "where",
                    where, "hint", hint);
        } else {
            sink.report(RuleCode.UNKNOWN_FIELD, null, pointer, column, "unknown-field", "name", name, "where", where,
                    "known", String.join(", ", known));
        }
    }

    /** Reports the required keys the record lacks, with a misspelt key found in their place. */
    private void missingTopKeys() {
        if (!hasUrl) {
            missing("", 1, "image_url", topMisspelt[0]);
        }
        if (shape == LabelShape.ABSENT) {
            missing("", 1, "label", topMisspelt[2]);
        }
    }

    private void duplicateKey(String pointer, String name, int column) {
        sink.report(RuleCode.DUPLICATE_KEY, null, pointer, column, "duplicate-key", "name", name);
    }

    private void missing(String parent, int column, String name, String misspelt) {
        String hint = misspelt == null ? "" : " (found " + Messages.quote(misspelt) + ")";
        sink.report(RuleCode.MISSING_FIELD, null, parent + "/" + name, column, "missing-field", "name", name,
                "hint", hint);
    }

    private void nonFinite(String pointer) throws IOException {
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
    private boolean nonFiniteLiteral(JsonToken t, String pointer) throws IOException {
        if (!isNonFiniteLiteral(t)) {
            return false;
        }
        if (p.getText().equals("+INF")) {
            throw new JsonParseException(p, "unexpected token '+INF': not a JSON value", p.currentTokenLocation());
        }
        nonFinite(pointer);
        return true;
    }

    private boolean isNonFiniteLiteral(JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_FLOAT && p.isNaN();
    }

    /** Per nesting level of {@link #skipValue}: the key or index of the value being read. */
    private String[] pathNames = new String[8];
    private int[] pathIndexes = new int[8];
    /** Marks an object without keys yet: compared by identity, no key read is this instance. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NO_KEY_YET = new String("");
    /** Per object being skipped: its first key, and once it has a second, all of them. */
    private String[] firstKeys = new String[8];
    private final List<java.util.Set<String>> keySets = new ArrayList<>();

    /**
     * Skips the value at the current token, as {@code skipChildren} does, reporting what no
     * value of a line may hold however deep it is: a key twice in one object, a non-finite
     * number. The current token itself has been judged by the caller.
     *
     * @param pointer the value's pointer, for the findings inside it
     */
    private void skipValue(String pointer) throws IOException {
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
                    countKey(name);
                    name = keyName(name);
                    pathNames[depth] = name;
                    if (!newKey(depth, name)) {
                        duplicateKey(path(pointer, depth), name, column());
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
        java.util.Set<String> keys = keySets.get(depth);
        if (keys == null) {
            // A fresh set per object with two keys or more: clearing one that grew large for
            // an earlier object would cost its capacity again for every small object after it.
            keys = new java.util.HashSet<>();
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
                b.append(escape(pathNames[i]));
            } else {
                b.append(pathIndexes[i]);
            }
        }
        return b.toString();
    }

    private void report(RuleCode rule, String pointer, String key, Object... params) {
        sink.report(rule, null, pointer, column(), key, params);
    }

    private void report(RuleCode rule, Severity suggested, String pointer, String key, Object... params) {
        sink.report(rule, suggested, pointer, column(), key, params);
    }

    private int column() {
        return p.currentTokenLocation().getColumnNr();
    }

    /** A key's name as the line writes it: the stand-ins of lone surrogates mapped back. */
    private String keyName(String name) {
        return surrogateKeys ? LoneSurrogateKeys.asWritten(name) : name;
    }

    /** The longest key a pointer spells out: a finding must not hold a key of megabytes. */
    private static final int MAX_POINTER_KEY = 200;

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

    /** Describes a JSON value for a message: {@code the string "abc"}, {@code a list}, {@code null}. */
    private String describe(JsonToken t) throws IOException {
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

    private static String describeString(String text) {
        return "the string \"" + shorten(text) + "\"";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
