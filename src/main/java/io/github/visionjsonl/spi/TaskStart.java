package io.github.visionjsonl.spi;

import io.github.visionjsonl.Task;
import java.io.Serializable;

/**
 * The task of a dataset as the core decides it from the dataset's start, and where.
 *
 * @param task the task, or {@code null} when no record tells it
 * @param line the line that told it, 0 when it was given or is unknown
 */
public record TaskStart(Task task, long line) implements Serializable {
}
