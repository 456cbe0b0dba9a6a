package io.github.visionjsonl.internal.findings;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.report.RuntimeView;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what the training runtime would keep ({@link RuntimeView}), on the merging thread, from
 * the findings the rules already made: a line without a dropping error costs a few additions;
 * only the errors of a line are looked at, by their pointer ({@code /label/3/topX} drops box 3,
 * {@code /label/1/polygon/2/5} segment 2 of instance 1 for the segment rules, anything else the
 * record). Not thread-safe.
 */
public final class RuntimeTally implements Serializable {

    private static final RuleCode[] CODES = RuleCode.values();
    private static final String LABEL = "/label/";

    private long images;
    private long imagesKept;
    private long annotations;
    private long annotationsKept;
    private long background;
    /** Annotations dropped, by rule (detection and segmentation). */
    private final long[] droppedAnnotations = new long[CODES.length];
    /** Images dropped, by rule: the classification tasks' annotations. */
    private final long[] droppedImages = new long[CODES.length];

    /** The current line's first error that drops the whole record, or null. */
    private RuleCode recordDrop;
    /** The current line's errors under an annotation: its label index, segment (or -1), rule. */
    private int[] annotationIndex = new int[4];
    private int[] segmentIndex = new int[4];
    private RuleCode[] annotationRule = new RuleCode[4];
    private int annotationErrors;

    /** Forgets the notes of the line before. */
    void startLine() {
        recordDrop = null;
        annotationErrors = 0;
    }

    /**
     * Notes a finding of the current line; only errors by the rule's own severity drop
     * something, whatever severity the user gave the rule.
     */
    public void finding(RuleCode rule, String messageKey, String pointer) {
        if (!drops(rule, messageKey)) {
            return;
        }
        int index = labelIndex(pointer);
        if (index < 0) {
            if (recordDrop == null) {
                recordDrop = rule;
            }
            return;
        }
        if (annotationErrors == annotationIndex.length) {
            int n = annotationErrors * 2;
            annotationIndex = Arrays.copyOf(annotationIndex, n);
            segmentIndex = Arrays.copyOf(segmentIndex, n);
            annotationRule = Arrays.copyOf(annotationRule, n);
        }
        annotationIndex[annotationErrors] = index;
        segmentIndex[annotationErrors] = segmentRule(rule) ? segmentOf(pointer) : -1;
        annotationRule[annotationErrors] = rule;
        annotationErrors++;
    }

    /** The current line's first error that drops its whole record, or null. */
    public RuleCode recordDrop() {
        return recordDrop;
    }

    private static boolean drops(RuleCode rule, String messageKey) {
        if (rule.defaultSeverity() != Severity.ERROR) {
            return false;
        }
        // image_details is informational (the runtime decodes the image), and integer class
        // names are accepted: errors by the validator's reading, not the runtime's.
        return rule != RuleCode.IMAGE_FORMAT && rule != RuleCode.IMAGE_SIZE
                && !(rule == RuleCode.LABEL_TYPE && messageKey.endsWith(".integer"));
    }

    private static boolean segmentRule(RuleCode rule) {
        return rule == RuleCode.POLYGON_ODD || rule == RuleCode.POLYGON_TOO_FEW_POINTS || rule == RuleCode.POLYGON_RANGE;
    }

    /** The label index of {@code /label/<i>[/...]}, or -1. */
    private static int labelIndex(String pointer) {
        if (!pointer.startsWith(LABEL)) {
            return -1;
        }
        return number(pointer, LABEL.length());
    }

    /** The segment of {@code /label/<i>/polygon/<s>[/...]}, or -1. */
    private static int segmentOf(String pointer) {
        int slash = pointer.indexOf('/', LABEL.length());
        if (slash < 0 || !pointer.startsWith("/polygon/", slash)) {
            return -1;
        }
        return number(pointer, slash + "/polygon/".length());
    }

    /** The decimal number from {@code from} up to a slash or the end, or -1. */
    private static int number(String s, int from) {
        int n = 0;
        int i = from;
        for (; i < s.length() && s.charAt(i) != '/'; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || n > 100_000_000) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return i == from ? -1 : n;
    }

    /**
     * Counts the current line, with the notes of its findings.
     *
     * @param record its record, or null when it has none (not JSON, another task's shape)
     * @param line where the record's list positions are in the line
     * @param imageDrop the dropping rule of a problem with its image file, or null
     * @return the annotations kept, or -1 when the image is dropped
     */
    public long current(ImageRecord record, LineResult line, RuleCode imageDrop) {
        images++;
        RuleCode drop = recordDrop != null ? recordDrop : imageDrop;
        if (record == null) {
            dropImage(drop != null ? drop : fallback(line), 0);
            return -1;
        }
        if (!record.task().hasObjects()) {
            if (drop == null && annotationErrors > 0) {
                drop = annotationRule[0];
            }
            return drop != null ? dropImage(drop, 0) : keep(record, 1, 0);
        }
        int objects = objects(record);
        if (drop != null) {
            // Every annotation goes with the record, and those left out of it for their errors too.
            return dropImage(drop, objects + notInRecord(objects, line));
        }
        if (annotationErrors == 0) {
            return keep(record, objects, 0);
        }
        long dropped = 0;
        RuleCode first = null;
        for (int e = 0; e < annotationErrors; e++) {
            int index = annotationIndex[e];
            if (seenBefore(e, index)) {
                continue;
            }
            RuleCode rule = instanceDrop(record, line, index, e);
            if (rule != null) {
                droppedAnnotations[rule.ordinal()]++;
                dropped++;
                first = first == null ? rule : first;
            }
        }
        long kept = objects + notInRecord(objects, line) - dropped;
        if (kept == 0) {
            annotations += dropped;
            droppedImages[first.ordinal()]++;
            return -1;
        }
        return keep(record, kept, dropped);
    }

    /** The rule to name for a line without a record when no finding named one (its rule is off). */
    private static RuleCode fallback(LineResult line) {
        return switch (line.kind) {
            case TOO_LONG -> RuleCode.LINE_TOO_LONG;
            case BROKEN -> RuleCode.JSON_SYNTAX;
            default -> line.record == null ? RuleCode.MISSING_FIELD : RuleCode.TASK_MISMATCH;
        };
    }

    /** The first problem of an image file that makes training drop the image, or null. */
    public static RuleCode imageDrop(ValidatorConfig config, List<ImageChecker.Problem> problems) {
        for (ImageChecker.Problem p : problems) {
            if (p.rule().defaultSeverity() == Severity.ERROR && config.severityOf(p.rule(), null) != null) {
                return p.rule();
            }
        }
        return null;
    }

    /** Counts a line held back until the task was known: a {@code label: []} record, or none. */
    public void held(ImageRecord record, RuleCode drop) {
        images++;
        if (record == null || drop != null) {
            dropImage(drop != null ? drop : RuleCode.TASK_MISMATCH, 0);
        } else {
            keep(record, record.task().hasObjects() ? 0 : 1, 0);
        }
    }

    /** A kept line whose image file turned out unusable (checked on the pool): it is dropped now. */
    public void imageDropped(RuleCode rule, long keptAnnotations, boolean objects) {
        imagesKept--;
        annotationsKept -= objects ? keptAnnotations : 1;
        droppedImages[rule.ordinal()]++;
        droppedAnnotations[rule.ordinal()] += keptAnnotations;
    }

    private long keep(ImageRecord record, long kept, long dropped) {
        imagesKept++;
        annotations += kept + dropped;
        annotationsKept += kept;
        if (kept + dropped == 0 || record instanceof MultiLabelRecord m && m.labels().isEmpty()) {
            background++;
        }
        return kept;
    }

    private long dropImage(RuleCode rule, long objects) {
        annotations += objects;
        droppedAnnotations[rule.ordinal()] += objects;
        droppedImages[rule.ordinal()]++;
        return -1;
    }

    private boolean seenBefore(int e, int index) {
        for (int i = 0; i < e; i++) {
            if (annotationIndex[i] == index) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the annotation at this label index is dropped, and by which rule: any error on it
     * drops it, except that the segment rules drop only their segment, and the instance only when
     * every segment is dropped.
     */
    private RuleCode instanceDrop(ImageRecord record, LineResult line, int index, int firstError) {
        SegmentationRecord seg = record instanceof SegmentationRecord s ? s : null;
        int recordIndex = recordIndex(record, line, index);
        if (seg == null || recordIndex < 0) {
            return annotationRule[firstError];
        }
        int segments = seg.masks().get(recordIndex).polygon().segments().size();
        long droppedSegments = 0;
        RuleCode first = null;
        for (int e = firstError; e < annotationErrors; e++) {
            if (annotationIndex[e] != index) {
                continue;
            }
            if (segmentIndex[e] < 0) {
                return annotationRule[e];
            }
            boolean again = false;
            for (int k = firstError; k < e; k++) {
                again |= annotationIndex[k] == index && segmentIndex[k] == segmentIndex[e];
            }
            if (!again) {
                droppedSegments++;
                first = first == null ? annotationRule[e] : first;
            }
        }
        return droppedSegments >= segments ? first : null;
    }

    /** The record position of a label index, or -1 when the record left that object out. */
    private static int recordIndex(ImageRecord record, LineResult line, int index) {
        int objects = objects(record);
        for (int i = 0; i < objects; i++) {
            if (line == null ? i == index : line.jsonIndex(i) == index) {
                return i;
            }
        }
        return -1;
    }

    /** The annotations with an error that the record left out (incomplete objects). */
    private int notInRecord(int objects, LineResult line) {
        int count = 0;
        for (int e = 0; e < annotationErrors; e++) {
            int index = annotationIndex[e];
            if (seenBefore(e, index)) {
                continue;
            }
            boolean inRecord = false;
            for (int i = 0; i < objects && !inRecord; i++) {
                inRecord = (line == null ? i : line.jsonIndex(i)) == index;
            }
            if (!inRecord) {
                count++;
            }
        }
        return count;
    }

    private static int objects(ImageRecord record) {
        if (record instanceof DetectionRecord d) {
            return d.boxes().size();
        }
        if (record instanceof SegmentationRecord s) {
            return s.masks().size();
        }
        return 1;
    }

    /** Adds the counts of another part of the input (read on another machine) to these. */
    public void mergeFrom(RuntimeTally other) {
        images += other.images;
        imagesKept += other.imagesKept;
        annotations += other.annotations;
        annotationsKept += other.annotationsKept;
        background += other.background;
        for (int i = 0; i < CODES.length; i++) {
            droppedAnnotations[i] += other.droppedAnnotations[i];
            droppedImages[i] += other.droppedImages[i];
        }
    }

    /** The view for the file's task. */
    public RuntimeView view(Task task, double maxDroppedPercent) {
        boolean objects = task != null && task.hasObjects();
        long[] dropped = objects ? droppedAnnotations : droppedImages;
        Map<RuleCode, Long> byRule = new EnumMap<>(RuleCode.class);
        for (int i = 0; i < dropped.length; i++) {
            if (dropped[i] > 0) {
                byRule.put(CODES[i], dropped[i]);
            }
        }
        if (objects) {
            return new RuntimeView(images, imagesKept, annotations, annotationsKept, byRule, background, maxDroppedPercent);
        }
        return new RuntimeView(images, imagesKept, images, imagesKept, byRule, background, maxDroppedPercent);
    }
}
