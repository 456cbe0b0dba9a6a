package io.github.visionjsonl.internal;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker learned from one line, for the merging thread: the findings of the line itself,
 * and the record with the findings that depend on its task (dropped if the line turns out to
 * belong to another task than the file's).
 */
final class LineResult {

    /** What kind of line it was. */
    enum Kind {
        /** Empty or white space. */
        BLANK,
        /** Over the length limit, skipped. */
        TOO_LONG,
        /** Not UTF-8, not JSON, or not an object. */
        BROKEN,
        /** A JSON object: a record, maybe with a usable label. */
        OBJECT
    }

    final long line;
    /** The line's bytes (a slice of a buffer the result keeps alive until it is merged). */
    final byte[] buf;
    final int start;
    final int length;

    Kind kind;
    boolean byteOrderMark;
    long skippedLength;
    LabelShape shape = LabelShape.ABSENT;
    /** The record built for the line's own shape (or the given task); null when none. */
    ImageRecord record;
    int integerNames;
    int stringNames;
    /** The fingerprint of the image URL, 0 when none or not needed. */
    long fingerprint;
    /** Whether the plain reader bound the line (strict JSON in ASCII without escapes). */
    boolean plain;
    /** The hash of the record's labels for the duplicate check, found with the fingerprint. */
    int labelHash;
    /** Whether the worker counted the record in its statistics of the record's task. */
    boolean counted;
    /** Record positions to the line's label positions, or null when they are the same. */
    int[] jsonIndex;
    /** Findings of the line whatever its task. */
    List<PendingFinding> lineFindings;
    /** Findings of the record, valid only when the line's task is the file's. */
    List<PendingFinding> recordFindings;
    /** For a line of objects without boxes or polygons (no task given): its record and findings as segmentation. */
    ImageRecord segmentationRecord;
    List<PendingFinding> segmentationFindings;

    LineResult(long line, byte[] buf, int start, int length) {
        this.line = line;
        this.buf = buf;
        this.start = start;
        this.length = length;
    }

    void addLineFinding(PendingFinding f) {
        if (lineFindings == null) {
            lineFindings = new ArrayList<>(2);
        }
        lineFindings.add(f);
    }

    void addRecordFinding(PendingFinding f) {
        if (recordFindings == null) {
            recordFindings = new ArrayList<>(2);
        }
        recordFindings.add(f);
    }

    int jsonIndex(int recordIndex) {
        return jsonIndex == null || recordIndex >= jsonIndex.length ? recordIndex : jsonIndex[recordIndex];
    }
}
