package io.github.visionjsonl.internal.record;

import io.github.visionjsonl.Task;

/**
 * Record statistics kept apart per task: until the file's task is known a line may bind as
 * another task's record, and at the end only the file's task counts. A worker counts into one,
 * batch by batch; the run merges them. Not thread-safe.
 */
public final class StatsByTask {

    private final RecordStats[] byTask = new RecordStats[Task.values().length];

    /** The statistics of a task, made when first asked for. */
    public RecordStats of(Task task) {
        RecordStats s = byTask[task.ordinal()];
        if (s == null) {
            s = new RecordStats();
            byTask[task.ordinal()] = s;
        }
        return s;
    }

    /** The statistics of a task, or null when none of its records was counted. */
    public RecordStats get(Task task) {
        return byTask[task.ordinal()];
    }

    /** Adds the counts of another, task by task. */
    public void mergeFrom(StatsByTask other) {
        for (int t = 0; t < byTask.length; t++) {
            if (other.byTask[t] != null) {
                if (byTask[t] == null) {
                    byTask[t] = new RecordStats();
                }
                byTask[t].mergeFrom(other.byTask[t]);
            }
        }
    }
}
