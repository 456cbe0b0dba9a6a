package io.github.visionjsonl.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.PendingFinding;
import io.github.visionjsonl.internal.record.AzureKeys;
import io.github.visionjsonl.internal.record.ObjectChecks;
import io.github.visionjsonl.internal.record.RecordRules;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.record.StatsByTask;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.internal.urls.RecentDatastores;
import io.github.visionjsonl.internal.urls.UrlFacts;
import io.github.visionjsonl.reading.internal.Ascii;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.reading.internal.Utf8;
import io.github.visionjsonl.reading.internal.binding.BoundLine;
import io.github.visionjsonl.reading.internal.binding.InputLine;
import io.github.visionjsonl.reading.internal.binding.LabelShape;
import io.github.visionjsonl.reading.internal.binding.LineBinder;
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
    private final LineBinder binder;
    private final RecordRules rules = new RecordRules();
    private final ObjectChecks objects;
    private final boolean fingerprints;
    private final RecentDatastores recentDatastores = new RecentDatastores();
    /** Statistics of the records of each task, merged at the end for the file's task. */
    private StatsByTask stats = new StatsByTask();
    private LineResult current;
    private boolean recordPhase;

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

    /** @param fingerprints whether to fingerprint image URLs for the duplicate and pair checks */
    LineWork(ValidatorConfig config, boolean fingerprints) {
        this(config, fingerprints, true);
    }

    /**
     * @param plainLines whether plain lines are bound without the parser (always, except in the
     *     tests that compare both ways)
     */
    LineWork(ValidatorConfig config, boolean fingerprints, boolean plainLines) {
        this.binder = new LineBinder(config.jsonFactory(), plainLines);
        this.config = config;
        this.objects = new ObjectChecks(config);
        this.fingerprints = fingerprints;
    }

    /** The statistics of the records of a task this worker counted, or null. */
    RecordStats stats(Task task) {
        return stats.get(task);
    }

    /** The statistics counted so far, per task; counting starts afresh. */
    StatsByTask takeStats() {
        StatsByTask taken = stats;
        stats = new StatsByTask();
        return taken;
    }

    /** Examines one line. */
    public LineResult process(InputLine line) {
        byte[] buf = line.buffer();
        int start = line.start();
        int length = line.length();
        long skippedLength = line.skippedLength();
        LineResult r = new LineResult(line.number(), buf, start, length);
        current = r;
        recordPhase = false;
        r.byteOrderMark = line.hasByteOrderMark();
        if (skippedLength >= 0) {
            r.kind = LineResult.Kind.TOO_LONG;
            r.skippedLength = skippedLength;
            add(RuleCode.LINE_TOO_LONG, null, "", 1, "line-too-long", "length", skippedLength,
                    "limit", config.maxLineLength());
            return r;
        }
        if (Ascii.isWhiteSpace(buf, start, start + length)) {
            r.kind = LineResult.Kind.BLANK;
            add(RuleCode.BLANK_LINE, null, "", 1, "blank-line");
            return r;
        }
        r.kind = LineResult.Kind.BROKEN;
        UrlFacts url = null;
        boolean ascii = line.isAscii();
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
            if (binder.bind(line, sink)) {
                BoundLine bound = binder.bound();
                r.kind = LineResult.Kind.OBJECT;
                r.plain = binder.boundPlain();
                r.shape = bound.shape();
                r.integerNames = bound.integerNames();
                r.stringNames = bound.stringNames();
                Task task = taskFor(r.shape);
                if (task != null) {
                    recordPhase = true;
                    r.record = bound.toRecord(task, sink);
                    r.jsonIndex = bound.jsonIndexes();
                    IntUnaryOperator index = r.jsonIndex == null ? IDENTITY : r::jsonIndex;
                    url = urlFacts(r.record.imageUrl());
                    rules.check(r.record, url, index, sink);
                    objects.check(r.record, index, sink);
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
        r.segmentationRecord = binder.bound().toRecord(Task.IMAGE_INSTANCE_SEGMENTATION, sink);
        rules.check(r.segmentationRecord, url, IDENTITY, sink);
        r.segmentationFindings = r.recordFindings;
        r.segmentationOverCap = r.recordOverCap;
        r.segmentationDropsOverCap = r.recordDropsOverCap;
        r.recordFindings = asDetection;
        r.recordOverCap = detectionOverCap;
        r.recordDropsOverCap = detectionDropsOverCap;
    }

    /** How many lines were bound without a parser. */
    long linesPlain() {
        return binder.linesPlain();
    }

    /** How many lines were bound by a parser that had read the line before. */
    long linesInSequence() {
        return binder.linesInSequence();
    }

    /** Lets go of the parser kept between lines (at the end of a buffer or of the input). */
    public void releaseParser() {
        binder.releaseParser();
    }

    /** The facts of a record's URL, with what it shares with the datastore URLs seen last. */
    private UrlFacts urlFacts(String url) {
        return recentDatastores.facts(url, current.buf, binder.bound().imageUrlStart());
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
            stats.of(r.record.task()).add(r.line, r.record, url == null ? "none" : ImageUrls.scheme(url, facts.parts()),
                    r.integerNames, r.stringNames);
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
