package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The {@code label: []} lines read before any record told the file's task: such a line fits
 * every task with a list of labels, so its verdict waits for the task. The worker checks it as
 * detection; {@link ValidationRun} holds it back here, and concludes it once a record tells the
 * task, when too many wait, or at the end of the input (then with no task).
 */
final class HeldBackLines {

    /** Beyond this many held-back lines the run judges them without a task. */
    private static final int MAX = 10_000;

    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private final LineOutcomes outcomes;

    /**
     * A held-back line, with its first error that drops the record for training, its bytes when
     * lines are split, and the hash of its bytes.
     */
    record Line(long line, DetectionRecord record, boolean hadError, List<Finding> findings, RuleCode drop, byte[] bytes,
            long hash) {
    }

    /** @param outcomes the split outputs, which keep the held-back lines' bytes within a budget */
    HeldBackLines(LineOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Holds a line back; whether the lines held back must now be concluded, being too many. */
    boolean hold(Line line) {
        lines.add(line);
        return lines.size() >= MAX || outcomes.overBudget();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The earliest line held back, or null when none is. */
    Line poll() {
        return lines.poll();
    }

    /** A {@code label: []} record, checked as detection, as the record of the file's task. */
    static ImageRecord asRecordOf(Task task, DetectionRecord record) {
        return switch (task) {
            case IMAGE_CLASSIFICATION_MULTILABEL -> new MultiLabelRecord(record.imageUrl(), record.imageDetails(), List.of());
            case IMAGE_INSTANCE_SEGMENTATION -> new SegmentationRecord(record.imageUrl(), record.imageDetails(), List.of());
            default -> record;
        };
    }
}
