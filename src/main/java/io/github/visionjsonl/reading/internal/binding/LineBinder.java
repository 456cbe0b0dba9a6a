package io.github.visionjsonl.reading.internal.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.visionjsonl.reading.internal.Ascii;
import io.github.visionjsonl.reading.internal.FindingSink;
import java.io.IOException;

/**
 * Binds one line into a {@link BoundLine} the cheapest way that gives the reference verdict: the
 * {@link PlainReader} when the line is plain, else the parser that read the lines before it in
 * the same buffer, else a parser of its own. Each reader's findings are held back until its
 * verdict stands, so a reader that gives up leaves nothing behind. One per reading thread.
 */
public final class LineBinder {

    private final BoundLine line = new BoundLine();
    private final KeptKeys keptKeys = new KeptKeys();
    private final PlainReader plainReader;
    private final TokenReader tokenReader;
    private final FindingBuffer held = new FindingBuffer();
    /** The factory this binder's own factories are made like (see {@link #lineFactory}). */
    private final JsonFactory lineFactory;
    private final boolean plainLines;
    /** This binder's factory of parsers, made when the first one is needed. */
    private JsonFactory factory;

    /** The parser kept from line to line over one buffer, and where it stands (offsets in that buffer). */
    private JsonParser shared;
    private byte[] sharedBuf;
    private long sharedEpoch;
    private int sharedStart;
    private int sharedEnd;
    private int sharedPosition;
    /** Whether the plain reader bound the last line. */
    private boolean plain;
    /** Lines bound by the parser kept between lines, and without a parser, for tests. */
    private long linesInSequence;
    private long linesPlain;

    /**
     * @param lineFactory a factory made by {@link #lineFactory}, for the line length limit
     * @param plainLines whether plain lines are bound without the parser (always, except in the
     *     tests that compare the readers)
     */
    public LineBinder(JsonFactory lineFactory, boolean plainLines) {
        this.lineFactory = lineFactory;
        this.plainLines = plainLines;
        NameCache names = new NameCache();
        this.plainReader = new PlainReader(line, names);
        this.tokenReader = new TokenReader(line, names, keptKeys);
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
                // Keys are kept in the factory's table (see KeptKeys), not in the JVM's table of
                // interned strings, which outlives every run.
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
     * Binds a line (neither blank nor over the limit, valid UTF-8) into {@link #bound()}.
     *
     * @param findings where the findings of the reader whose verdict stands go
     * @return whether the line is a JSON object; false for any other JSON value
     * @throws IOException when the line is not well-formed JSON: what was found before the error
     *     has gone to {@code findings}
     */
    public boolean bind(InputLine input, FindingSink findings) throws IOException {
        byte[] buf = input.buffer();
        int start = input.start();
        int length = input.length();
        plain = false;
        try {
            if (plainLines && plainReader.bind(buf, start, start + length, held)) {
                held.keepInto(findings);
                plain = true;
                linesPlain++;
                return true;
            }
            // The parser reads the line again and reports all it finds, as if for the first time.
            held.forget();
            if (inSequence(buf, start, length, input.dataEnd(), input.epoch())) {
                held.keepInto(findings);
                return true;
            }
            boolean object = alone(buf, start, length);
            held.keepInto(findings);
            return object;
        } catch (IOException | RuntimeException e) {
            // The parser of the line's own is the reference: what it found before failing stands.
            held.keepInto(findings);
            throw e;
        }
    }

    /** What the last line bound holds, to build its record from. */
    public BoundLine bound() {
        return line;
    }

    /** Whether the plain reader bound the last line (strict JSON in ASCII without escapes). */
    public boolean boundPlain() {
        return plain;
    }

    /**
     * Binds the line with the parser that read the lines before it in the same buffer, when it
     * can: creating a parser costs about as much as reading a short line. This matters for runs
     * of lines the plain reader leaves to the parser: Python's {@code json.dumps} escapes every
     * non-ASCII character by default, so a dataset with such class names has only such lines.
     * The parser reads on from where the last line's value ended, so this only counts when the
     * value is a record that ends on this line with nothing but white space after it; anything
     * else (a syntax error, a value running into the next line, trailing tokens, not an object)
     * is forgotten and the line is read again by a parser of its own, whose verdict and messages
     * are the reference. Columns are the same either way: the parser counts them from the last
     * newline.
     *
     * @return whether the line is a record, bound
     */
    private boolean inSequence(byte[] buf, int start, int length, int dataEnd, long epoch) {
        int lineEnd = start + length;
        if (epoch < 0 || !Ascii.endsWithBrace(buf, start, lineEnd)) {
            // A line that does not end its object cannot hold a record on its own (a line cut
            // short, most often): the kept parser would read on into the next line and fail.
            return false;
        }
        if (shared != null && (buf != sharedBuf || epoch != sharedEpoch || lineEnd > sharedEnd
                || start < sharedPosition || !Ascii.isWhiteSpace(buf, sharedPosition, start))) {
            releaseParser();
        }
        try {
            if (shared == null) {
                shared = factory().createParser(buf, start, dataEnd - start);
                sharedBuf = buf;
                sharedEpoch = epoch;
                sharedStart = start;
                sharedEnd = dataEnd;
                sharedPosition = start;
            }
            if (tokenReader.bind(shared, held, false, buf, sharedStart, lineEnd)) {
                int valueEnd = sharedStart + (int) shared.currentLocation().getByteOffset();
                if (valueEnd <= lineEnd && Ascii.isWhiteSpace(buf, valueEnd, lineEnd)) {
                    sharedPosition = valueEnd;
                    linesInSequence++;
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // read again alone, for the reference message
        }
        releaseParser();
        held.forget();
        return false;
    }

    /** Binds the line with a parser of its own. */
    private boolean alone(byte[] buf, int start, int length) throws IOException {
        byte[] replaced;
        try (JsonParser p = factory().createParser(buf, start, length)) {
            return tokenReader.bind(p, held, true, buf, start, start + length);
        } catch (StreamReadException e) {
            replaced = LoneSurrogateKeys.replaced(buf, start, length);
            if (replaced == null) {
                throw e;
            }
        }
        // Jackson refuses a lone surrogate escape in a key, which is JSON: the line is read
        // again, as if for the first time, with such escapes standing for others.
        held.forget();
        try (JsonParser p = factory().createParser(replaced)) {
            return tokenReader.bindSurrogateKeys(p, held, replaced, replaced.length);
        }
    }

    /**
     * The factory of this binder's parsers: its own, since a parser keeps the keys it meets in
     * its factory's table, and a new one after many distinct long keys (see {@link KeptKeys}):
     * what a hostile file leaves there is bounded and dies with the run.
     */
    private JsonFactory factory() {
        if (keptKeys.overflowed()) {
            releaseParser();
            factory = null;
            keptKeys.forget();
        }
        if (factory == null) {
            factory = lineFactory.rebuild().build();
        }
        return factory;
    }

    /** Lets go of the parser kept between lines (at the end of a buffer or of the input). */
    public void releaseParser() {
        if (shared != null) {
            JsonParser p = shared;
            shared = null;
            sharedBuf = null;
            try {
                p.close();
            } catch (IOException e) {
                // a parser over a byte array has nothing to close
            }
        }
    }

    /** How many lines were bound without a parser. */
    public long linesPlain() {
        return linesPlain;
    }

    /** How many lines were bound by a parser that had read the line before. */
    public long linesInSequence() {
        return linesInSequence;
    }
}
