package io.github.visionjsonl.internal.findings;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker learned from one line, for the merging thread: the findings of the line itself,
 * and the record with the findings that depend on its task (dropped if the line turns out to
 * belong to another task than the file's).
 */
public final class LineResult {

    /** What kind of line it was. */
    public enum Kind {
        /** Empty or white space. */
        BLANK,
        /** Over the length limit, skipped. */
        TOO_LONG,
        /** Not UTF-8, not JSON, or not an object. */
        BROKEN,
        /** A JSON object: a record, maybe with a usable label. */
        OBJECT
    }

    public final long line;
    /** The line's bytes (a slice of a buffer the result keeps alive until it is merged). */
    public final byte[] buf;
    public final int start;
    public final int length;

    public Kind kind;
    public boolean byteOrderMark;
    public long skippedLength;
    public LabelShape shape = LabelShape.ABSENT;
    /** The record built for the line's own shape (or the given task); null when none. */
    public ImageRecord record;
    public int integerNames;
    public int stringNames;
    /** The fingerprint of the image URL, 0 when none or not needed. */
    public long fingerprint;
    /** Whether the plain reader bound the line (strict JSON in ASCII without escapes). */
    public boolean plain;
    /** The hash of the record's labels for the duplicate check, found with the fingerprint. */
    public int labelHash;
    /** The datastore's and the workspace's share of the URL ({@link UrlFacts}), 0 when none. */
    public long datastoreHash;
    public long workspaceHash;
    /** Whether the worker counted the record in its statistics of the record's task. */
    public boolean counted;
    /** Record positions to the line's label positions, or null when they are the same. */
    public int[] jsonIndex;
    /** Findings of the line whatever its task. */
    public List<PendingFinding> lineFindings;
    /** Findings of the record, valid only when the line's task is the file's. */
    public List<PendingFinding> recordFindings;
    /**
     * Findings of the line past the cap, per severity: counted at the merge, never kept. A line
     * holds no more findings than a report keeps, so one hostile line cannot fill the memory.
     */
    public int[] lineOverCap;
    /** Findings of the record past the cap, per rule and severity ({@code rule * 3 + severity}), dropped with the record's findings. */
    public int[] recordOverCap;
    /**
     * Of the findings past the cap, those of rules that are errors by default, without their
     * messages: what the runtime would drop is counted from them.
     */
    public List<PendingFinding> lineDropsOverCap;
    public List<PendingFinding> recordDropsOverCap;
    private boolean lineHoldsError;
    private boolean recordHoldsError;
    /** For a line of objects without boxes or polygons (no task given): its record and findings as segmentation. */
    public ImageRecord segmentationRecord;
    public List<PendingFinding> segmentationFindings;
    /** The segmentation verdict's findings past the cap, as {@link #recordOverCap} and {@link #recordDropsOverCap}. */
    public int[] segmentationOverCap;
    public List<PendingFinding> segmentationDropsOverCap;

    public LineResult(long line, byte[] buf, int start, int length) {
        this.line = line;
        this.buf = buf;
        this.start = start;
        this.length = length;
    }

    /**
     * Whether a finding of this severity made now would be held: while fewer than {@code cap}
     * are, and one error past it, so that the line's verdict is in its findings.
     */
    public boolean holdsMore(int cap, Severity severity) {
        int held = (lineFindings == null ? 0 : lineFindings.size()) + (recordFindings == null ? 0 : recordFindings.size());
        return held < cap || severity == Severity.ERROR && !lineHoldsError && !recordHoldsError;
    }

    public void addLineFinding(PendingFinding f) {
        if (lineFindings == null) {
            lineFindings = new ArrayList<>(2);
        }
        lineFindings.add(f);
        lineHoldsError |= f.severity() == Severity.ERROR;
    }

    public void addRecordFinding(PendingFinding f) {
        if (recordFindings == null) {
            recordFindings = new ArrayList<>(2);
        }
        recordFindings.add(f);
        recordHoldsError |= f.severity() == Severity.ERROR;
    }

    /** Counts a finding of the line that the cap leaves out, keeping an error's place ({@code drop}, or null). */
    public void lineOverCap(RuleCode rule, Severity severity, PendingFinding drop) {
        if (lineOverCap == null) {
            lineOverCap = new int[RuleCode.values().length * 3];
        }
        lineOverCap[rule.ordinal() * 3 + severity.ordinal()]++;
        if (drop != null) {
            if (lineDropsOverCap == null) {
                lineDropsOverCap = new ArrayList<>(2);
            }
            lineDropsOverCap.add(drop);
        }
    }

    /** Counts a finding of the record that the cap leaves out, keeping an error's place ({@code drop}, or null). */
    public void recordOverCap(RuleCode rule, Severity severity, PendingFinding drop) {
        if (recordOverCap == null) {
            recordOverCap = new int[RuleCode.values().length * 3];
        }
        recordOverCap[rule.ordinal() * 3 + severity.ordinal()]++;
        if (drop != null) {
            if (recordDropsOverCap == null) {
                recordDropsOverCap = new ArrayList<>(2);
            }
            recordDropsOverCap.add(drop);
        }
    }

    /** Forgets the findings of the line (it is read again another way). */
    public void clearLineFindings() {
        lineFindings = null;
        lineOverCap = null;
        lineDropsOverCap = null;
        lineHoldsError = false;
    }

    /** Forgets the findings of the record (the line turned out to have none). */
    public void clearRecordFindings() {
        recordFindings = null;
        recordOverCap = null;
        recordDropsOverCap = null;
        recordHoldsError = false;
    }

    public int jsonIndex(int recordIndex) {
        return jsonIndex == null || recordIndex >= jsonIndex.length ? recordIndex : jsonIndex[recordIndex];
    }
}
