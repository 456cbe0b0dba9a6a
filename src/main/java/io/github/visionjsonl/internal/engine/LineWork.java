package io.github.visionjsonl.internal.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.PendingFinding;
import io.github.visionjsonl.internal.record.AzureKeys;
import io.github.visionjsonl.internal.record.ObjectChecks;
import io.github.visionjsonl.internal.record.RecordRules;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.internal.urls.RecentDatastores;
import io.github.visionjsonl.internal.urls.UrlFacts;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.reading.internal.LoneSurrogateKeys;
import io.github.visionjsonl.reading.internal.RecordBinder;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import io.github.visionjsonl.reading.internal.Utf8;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything about one line that needs no other line: encoding, parsing, binding, the record's
 * constraints. One per thread; results go to the merging thread in line order.
 */
public final class LineWork {

    private static final IntUnaryOperator IDENTITY = i -> i;
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: \\d+, column: (\\d+)\\]");

    private final ValidatorConfig config;
    private final RecordBinder binder = new RecordBinder();
    private final RecordRules rules = new RecordRules();
    private final ObjectChecks objects;
    private final boolean fingerprints;
    private final RecentDatastores recentDatastores = new RecentDatastores();
    private final boolean plainLines;
    /** Statistics of the records of each task, merged at the end for the file's task. */
    private RecordStats[] stats = new RecordStats[Task.values().length];
    private LineResult current;
    private boolean recordPhase;

    /** The parser kept from line to line over one buffer, and where it stands (offsets in that buffer). */
    private JsonParser shared;
    /** This worker's factory of parsers, made when the first one is needed. */
    private JsonFactory factory;
    private byte[] sharedBuf;
    private long sharedEpoch;
    private int sharedStart;
    private int sharedEnd;
    private int sharedPosition;
    /** Lines bound by the parser kept between lines, and without a parser, for tests. */
    private long linesInSequence;
    private long linesPlain;

    private final FindingSink sink = new FindingSink() {
        @Override
        public void report(RuleCode rule, Severity suggested, String pointer, int column, String messageKey,
                Object... params) {
            String writer = rule == RuleCode.UNKNOWN_FIELD ? AzureKeys.writerOf(pointer) : null;
            if (writer != null) {
                // A key Azure's own tools write is no mistake of the user's: named, and only an info.
                add(rule, Severity.INFO, pointer, column, "unknown-field.azure", "name", params[1], "where", params[3],
                        "writer", writer);
                return;
            }
            add(rule, suggested, pointer, column, messageKey, params);
        }
    };

    private final RecordRules.Target ruleTarget = (rule, pointer, key, params) -> add(rule, null, pointer, -1, key, params);

    /** @param fingerprints whether to fingerprint image URLs for the duplicate and pair checks */
    LineWork(ValidatorConfig config, boolean fingerprints) {
        this(config, fingerprints, true);
    }

    /**
     * @param plainLines whether plain lines are bound without the parser (always, except in the
     *     tests that compare both ways)
     */
    LineWork(ValidatorConfig config, boolean fingerprints, boolean plainLines) {
        this.plainLines = plainLines;
        this.config = config;
        this.objects = new ObjectChecks(config);
        this.fingerprints = fingerprints;
    }

    /** The statistics of the records of a task this worker counted, or null. */
    RecordStats stats(Task task) {
        return stats[task.ordinal()];
    }

    /** The statistics counted so far, per task (entries may be null); counting starts afresh. */
    RecordStats[] takeStats() {
        RecordStats[] taken = stats;
        stats = new RecordStats[Task.values().length];
        return taken;
    }

    /** Examines one line that is alone in its buffer. */
    public LineResult process(long line, byte[] buf, int start, int length, long skippedLength, boolean byteOrderMark,
            boolean ascii) {
        return process(line, buf, start, length, start + length, -1, skippedLength, byteOrderMark, ascii);
    }

    /**
     * Examines one line.
     *
     * @param dataEnd where the bytes of the buffer that may be read end: the line and what
     *     follows it up to there stay unchanged while {@code epoch} does
     * @param epoch the buffer's content version; -1 when it is not to be read past this line
     * @param skippedLength the length of a line over the limit (not in the buffer), or -1
     * @param ascii whether the line is known to be plain ASCII (no UTF-8 check needed)
     */
    public LineResult process(long line, byte[] buf, int start, int length, int dataEnd, long epoch, long skippedLength,
            boolean byteOrderMark, boolean ascii) {
        LineResult r = new LineResult(line, buf, start, length);
        current = r;
        recordPhase = false;
        r.byteOrderMark = byteOrderMark;
        if (skippedLength >= 0) {
            r.kind = LineResult.Kind.TOO_LONG;
            r.skippedLength = skippedLength;
            add(RuleCode.LINE_TOO_LONG, null, "", 1, "line-too-long", "length", skippedLength,
                    "limit", config.maxLineLength());
            return r;
        }
        if (isWhiteSpace(buf, start, start + length)) {
            r.kind = LineResult.Kind.BLANK;
            add(RuleCode.BLANK_LINE, null, "", 1, "blank-line");
            return r;
        }
        r.kind = LineResult.Kind.BROKEN;
        UrlFacts url = null;
        int bad = ascii ? -1 : Utf8.firstInvalid(buf, start, start + length);
        if (bad >= 0) {
            add(RuleCode.INVALID_ENCODING, null, "", bad - start + 1, "invalid-encoding",
                    "byte", String.format("%02X", buf[bad] & 0xff), "column", bad - start + 1);
            return r;
        }
        if (!ascii && length >= 3 && (buf[start] & 0xff) == 0xEF && (buf[start + 1] & 0xff) == 0xBB
                && (buf[start + 2] & 0xff) == 0xBF) {
            // The file's own mark was taken off line 1; Jackson would skip this one unseen.
            add(RuleCode.JSON_SYNTAX, null, "", 1, "json-syntax.byte-order-mark");
            return r;
        }
        try {
            if (plainLines && bindPlain(buf, start, length)
                    || bindInSequence(r, buf, start, length, dataEnd, epoch) || bindAlone(buf, start, length)) {
                r.kind = LineResult.Kind.OBJECT;
                r.shape = binder.shape();
                r.integerNames = binder.integerNames();
                r.stringNames = binder.stringNames();
                Task task = taskFor(r.shape);
                if (task != null) {
                    recordPhase = true;
                    r.record = binder.toRecord(task);
                    r.jsonIndex = binder.jsonIndexes();
                    IntUnaryOperator index = r.jsonIndex == null ? IDENTITY : r::jsonIndex;
                    url = urlFacts(r.record.imageUrl());
                    rules.check(r.record, url, index, ruleTarget);
                    objects.check(r.record, index, ruleTarget);
                    if (r.shape == LabelShape.OBJECTS && task != config.task()) {
                        asSegmentation(r, url);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // A nesting too deep has a location too (numbers, names and strings may be as long as a line).
            fail(r, e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr()), e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            // Jackson's own failures on pathological input end the line, never the run.
            fail(r, 0, String.valueOf(e.getMessage()));
        }
        if (r.record != null) {
            // The facts are found with the rules; a record is only kept when they ran.
            count(r, url != null ? url : urlFacts(r.record.imageUrl()));
        }
        return r;
    }

    /**
     * Keeps beside the record of a line of objects without boxes or polygons, built as detection,
     * its verdict as segmentation, for the merge to take when that is the file's task: no
     * object of such a line makes it into either record, their missing keys differ.
     */
    private void asSegmentation(LineResult r, UrlFacts url) {
        List<PendingFinding> asDetection = r.recordFindings;
        int[] detectionOverCap = r.recordOverCap;
        List<PendingFinding> detectionDropsOverCap = r.recordDropsOverCap;
        r.recordFindings = null;
        r.recordOverCap = null;
        r.recordDropsOverCap = null;
        r.segmentationRecord = binder.toRecord(Task.IMAGE_INSTANCE_SEGMENTATION);
        rules.check(r.segmentationRecord, url, IDENTITY, ruleTarget);
        r.segmentationFindings = r.recordFindings;
        r.segmentationOverCap = r.recordOverCap;
        r.segmentationDropsOverCap = r.recordDropsOverCap;
        r.recordFindings = asDetection;
        r.recordOverCap = detectionOverCap;
        r.recordDropsOverCap = detectionDropsOverCap;
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
    private boolean bindInSequence(LineResult r, byte[] buf, int start, int length, int dataEnd, long epoch) {
        int lineEnd = start + length;
        if (epoch < 0 || !endsWithBrace(buf, start, lineEnd)) {
            // A line that does not end its object cannot hold a record on its own (a line cut
            // short, most often): the kept parser would read on into the next line and fail.
            return false;
        }
        if (shared != null && (buf != sharedBuf || epoch != sharedEpoch || lineEnd > sharedEnd
                || start < sharedPosition || !isWhiteSpace(buf, sharedPosition, start))) {
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
            if (binder.bind(shared, sink, false, buf, sharedStart, lineEnd)) {
                int valueEnd = sharedStart + (int) shared.currentLocation().getByteOffset();
                if (valueEnd <= lineEnd && isWhiteSpace(buf, valueEnd, lineEnd)) {
                    sharedPosition = valueEnd;
                    linesInSequence++;
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // read again alone below, for the reference message
        }
        releaseParser();
        r.kind = LineResult.Kind.BROKEN;
        r.clearLineFindings();
        r.clearRecordFindings();
        return false;
    }

    private boolean bindPlain(byte[] buf, int start, int length) {
        if (binder.bindPlain(buf, start, start + length, sink)) {
            linesPlain++;
            current.plain = true;
            return true;
        }
        // The parser reads the line again and reports all it finds, as if for the first time.
        current.clearLineFindings();
        return false;
    }

    private boolean bindAlone(byte[] buf, int start, int length) throws IOException {
        byte[] line;
        try (JsonParser p = factory().createParser(buf, start, length)) {
            return binder.bind(p, sink, true, buf, start, start + length);
        } catch (StreamReadException e) {
            line = LoneSurrogateKeys.replaced(buf, start, length);
            if (line == null) {
                throw e;
            }
        }
        // Jackson refuses a lone surrogate escape in a key, which is JSON: the line is read
        // again, as if for the first time, with such escapes standing for others.
        current.lineFindings = null;
        current.recordFindings = null;
        try (JsonParser p = factory().createParser(line)) {
            return binder.bindSurrogateKeys(p, sink, line, line.length);
        }
    }

    /**
     * The factory of this worker's parsers: its own, since a parser keeps the keys it meets in
     * its factory's table, and a new one after many distinct long keys (see
     * {@link RecordBinder#keptKeysOverflowed()}): what a hostile file leaves there is bounded
     * and dies with the run.
     */
    private JsonFactory factory() {
        if (binder.keptKeysOverflowed()) {
            releaseParser();
            factory = null;
            binder.forgetKeptKeys();
        }
        if (factory == null) {
            factory = config.jsonFactory().rebuild().build();
        }
        return factory;
    }

    /** How many lines were bound without a parser. */
    long linesPlain() {
        return linesPlain;
    }

    /** How many lines were bound by a parser that had read the line before. */
    long linesInSequence() {
        return linesInSequence;
    }

    /** Lets go of the parser kept between lines (at the end of a buffer or of the input). */
    void releaseParser() {
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

    private static boolean endsWithBrace(byte[] buf, int from, int to) {
        int i = to - 1;
        while (i >= from && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
            i--;
        }
        return i >= from && buf[i] == '}';
    }

    private static boolean isWhiteSpace(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The facts of a record's URL, with what it shares with the datastore URLs seen last. */
    private UrlFacts urlFacts(String url) {
        return recentDatastores.facts(url, current.buf, binder.imageUrlStart());
    }

    private void count(LineResult r, UrlFacts facts) {
        String url = r.record.imageUrl();
        r.datastoreHash = facts.datastoreHash();
        r.workspaceHash = facts.workspaceHash();
        if (fingerprints && url != null && !url.isBlank()) {
            r.fingerprint = ImageUrls.fingerprint(url, facts.parts(), facts.datastoreHash());
            r.labelHash = DatasetChecks.labelHash(r.record);
        }
        if (r.shape != LabelShape.EMPTY_LIST) {
            // Records of another task than the file's are dropped at the merge, and their
            // statistics with them: counts are kept per task.
            Task task = r.record.task();
            RecordStats s = stats[task.ordinal()];
            if (s == null) {
                s = new RecordStats();
                stats[task.ordinal()] = s;
            }
            s.add(r.line, r.record, url == null ? "none" : ImageUrls.scheme(url, facts.parts()), r.integerNames,
                    r.stringNames);
            r.counted = true;
        }
    }

    /** The task whose record the line gets: the given one if the shape fits it, else the shape's own. */
    private Task taskFor(LabelShape shape) {
        Task given = config.task();
        if (given != null && shape.fits(given)) {
            return given;
        }
        if (shape == LabelShape.EMPTY_LIST || shape == LabelShape.OBJECTS) {
            // Fits every list task (objects without boxes or polygons: detection and segmentation);
            // detection is checked now, the merge retypes it once the task is known.
            return Task.IMAGE_OBJECT_DETECTION;
        }
        return shape.task();
    }

    private void fail(LineResult r, int column, String message) {
        // A line that does not parse has no record: what was bound so far is no verdict.
        r.kind = LineResult.Kind.BROKEN;
        r.record = null;
        r.clearRecordFindings();
        recordPhase = false;
        add(RuleCode.JSON_SYNTAX, null, "", column, "json-syntax", "detail", oneLine(message));
    }

    private void add(RuleCode rule, Severity suggested, String pointer, int column, String key, Object... params) {
        Severity severity = config.severityOf(rule, suggested);
        if (severity == null) {
            return;
        }
        if (!current.holdsMore(config.maxFindings(), severity)) {
            // What the runtime would drop is still told by the rule's own errors: those keep
            // their rule and pointer, never a message.
            PendingFinding drop = rule.defaultSeverity() == Severity.ERROR
                    ? new PendingFinding(rule, severity, pointer, column, key, null) : null;
            if (recordPhase) {
                current.recordOverCap(rule, severity, drop);
            } else {
                current.lineOverCap(rule, severity, drop);
            }
            return;
        }
        PendingFinding f = new PendingFinding(rule, severity, pointer, column, key, params);
        if (recordPhase) {
            current.addRecordFinding(f);
        } else {
            current.addLineFinding(f);
        }
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson names the source and repeats line 1 in nested locations; only the column helps here.
        String s = message.replace('\n', ' ').replace('\r', ' ');
        if (s.contains("[Source: ")) {
            s = SOURCE_LOCATION.matcher(s).replaceAll("column $1");
        }
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
