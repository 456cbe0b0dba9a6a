package io.github.visionjsonl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.reading.internal.RecordBinder;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import io.github.visionjsonl.reading.internal.Utf8;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything about one line that needs no other line: encoding, parsing, binding, the record's
 * constraints. One per thread; results go to the merging thread in line order.
 */
final class LineWork {

    private static final IntUnaryOperator IDENTITY = i -> i;
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: \\d+, column: (\\d+)\\]");

    private final ValidatorConfig config;
    private final RecordBinder binder = new RecordBinder();
    private final RecordRules rules = new RecordRules();
    private final ObjectChecks objects;
    private final boolean fingerprints;
    /** Statistics of the records of each task, merged at the end for the file's task. */
    private RecordStats[] stats = new RecordStats[Task.values().length];
    private LineResult current;
    private boolean recordPhase;

    private final FindingSink sink = new FindingSink() {
        @Override
        public void report(RuleCode rule, Severity suggested, String pointer, int column, String messageKey,
                Object... params) {
            add(rule, suggested, pointer, column, messageKey, params);
        }
    };

    private final RecordRules.Target ruleTarget = (rule, pointer, key, params) -> add(rule, null, pointer, -1, key, params);

    /** @param fingerprints whether to fingerprint image URLs for the duplicate and pair checks */
    LineWork(ValidatorConfig config, boolean fingerprints) {
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

    /**
     * Examines one line.
     *
     * @param skippedLength the length of a line over the limit (not in the buffer), or -1
     * @param ascii whether the line is known to be plain ASCII (no UTF-8 check needed)
     */
    LineResult process(long line, byte[] buf, int start, int length, long skippedLength, boolean byteOrderMark,
            boolean ascii) {
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
        if (isBlank(buf, start, length)) {
            r.kind = LineResult.Kind.BLANK;
            add(RuleCode.BLANK_LINE, null, "", 1, "blank-line");
            return r;
        }
        r.kind = LineResult.Kind.BROKEN;
        int bad = ascii ? -1 : Utf8.firstInvalid(buf, start, start + length);
        if (bad >= 0) {
            add(RuleCode.INVALID_ENCODING, null, "", bad - start + 1, "invalid-encoding",
                    "byte", String.format("%02X", buf[bad] & 0xff), "column", bad - start + 1);
            return r;
        }
        try (JsonParser p = config.jsonFactory().createParser(buf, start, length)) {
            if (binder.bind(p, sink)) {
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
                    rules.check(r.record, index, ruleTarget);
                    objects.check(r.record, index, ruleTarget);
                }
            }
        } catch (StreamConstraintsException e) {
            fail(r, 0, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            fail(r, e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr()), e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            // Jackson's own failures on pathological input end the line, never the run.
            fail(r, 0, String.valueOf(e.getMessage()));
        }
        if (r.record != null) {
            count(r);
        }
        return r;
    }

    private void count(LineResult r) {
        String url = r.record.imageUrl();
        if (fingerprints && url != null && !url.isBlank()) {
            r.fingerprint = ImageUrls.fingerprint(url);
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
            s.add(r.line, r.record, r.integerNames, r.stringNames);
            r.counted = true;
        }
    }

    /** The task whose record the line gets: the given one if the shape fits it, else the shape's own. */
    private Task taskFor(LabelShape shape) {
        Task given = config.task();
        if (given != null && shape.fits(given)) {
            return given;
        }
        if (shape == LabelShape.EMPTY_LIST) {
            // Fits every list task; detection is checked now, the merge retypes it once the task is known.
            return Task.IMAGE_OBJECT_DETECTION;
        }
        return shape.task();
    }

    private void fail(LineResult r, int column, String message) {
        // A line that does not parse has no record: what was bound so far is no verdict.
        r.kind = LineResult.Kind.BROKEN;
        r.record = null;
        r.recordFindings = null;
        recordPhase = false;
        add(RuleCode.JSON_SYNTAX, null, "", column, "json-syntax", "detail", oneLine(message));
    }

    private void add(RuleCode rule, Severity suggested, String pointer, int column, String key, Object... params) {
        Severity severity = config.severityOf(rule, suggested);
        if (severity == null) {
            return;
        }
        PendingFinding f = new PendingFinding(rule, severity, pointer, column, key, params);
        if (recordPhase) {
            current.addRecordFinding(f);
        } else {
            current.addLineFinding(f);
        }
    }

    private static boolean isBlank(byte[] buf, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson names the source and repeats line 1 in nested locations; only the column helps here.
        String s = SOURCE_LOCATION.matcher(message.replace('\n', ' ').replace('\r', ' ')).replaceAll("column $1");
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
