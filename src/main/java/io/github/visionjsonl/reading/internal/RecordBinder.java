package io.github.visionjsonl.reading.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.ImageRecord;
import java.io.IOException;

/**
 * Binds lines into the fields of a record, with the {@link PlainReader} or the
 * {@link TokenReader}, both filling one {@link BoundLine}. One binder serves one reading thread.
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

    private final BoundLine line = new BoundLine();
    private final KeptKeys keptKeys = new KeptKeys();
    private final PlainReader plainReader;
    private final TokenReader tokenReader;
    /** Where the last line's findings went: building its record reports there too. */
    private FindingSink sink;

    public RecordBinder() {
        NameCache names = new NameCache();
        plainReader = new PlainReader(line, names);
        tokenReader = new TokenReader(line, names, keptKeys);
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
                // Keys are kept in the factory's table (see KeptKeys), not in the JVM's
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
     * Whether the lines bound since {@link #forgetKeptKeys()} had so many distinct long unknown
     * keys that their parsers' factory should be dropped for a new one.
     */
    public boolean keptKeysOverflowed() {
        return keptKeys.overflowed();
    }

    /** Starts counting kept keys afresh, for a new factory. */
    public void forgetKeptKeys() {
        keptKeys.forget();
    }

    /** See {@link TokenReader#bind}. */
    public boolean bind(JsonParser parser, FindingSink findings, boolean alone, byte[] input, int inputStart,
            int lineEnd) throws IOException {
        sink = findings;
        return tokenReader.bind(parser, findings, alone, input, inputStart, lineEnd);
    }

    /** See {@link TokenReader#bindSurrogateKeys}. */
    public boolean bindSurrogateKeys(JsonParser parser, FindingSink findings, byte[] input, int lineEnd)
            throws IOException {
        sink = findings;
        return tokenReader.bindSurrogateKeys(parser, findings, input, lineEnd);
    }

    /** See {@link PlainReader#bind}. */
    public boolean bindPlain(byte[] bytes, int start, int end, FindingSink findings) {
        sink = findings;
        return plainReader.bind(bytes, start, end, findings);
    }

    /** How many class names of the line were written as integers. */
    public int integerNames() {
        return line.integerNames();
    }

    /** How many class names of the line were written as strings. */
    public int stringNames() {
        return line.stringNames();
    }

    /** See {@link BoundLine#imageUrlStart()}. */
    public int imageUrlStart() {
        return line.imageUrlStart();
    }

    /** The shape of the line's label. */
    public LabelShape shape() {
        return line.shape();
    }

    /** See {@link BoundLine#toRecord}. */
    public ImageRecord toRecord(Task task) {
        return line.toRecord(task, sink);
    }

    /** See {@link BoundLine#jsonIndexes()}. */
    public int[] jsonIndexes() {
        return line.jsonIndexes();
    }
}
