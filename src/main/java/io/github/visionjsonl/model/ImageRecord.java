package io.github.visionjsonl.model;

import io.github.visionjsonl.Task;
import java.util.List;

/**
 * One line of a training or validation file: an image and its labels, typed by task.
 *
 * <p>Records are immutable. They are created by the reader after the line was parsed, so their
 * values are already converted the way the runtime converts them (numeric strings to numbers,
 * {@code "400px"} to 400); the findings of the line tell what was converted.
 */
public sealed interface ImageRecord
        permits ClassificationRecord, MultiLabelRecord, DetectionRecord, SegmentationRecord {

    /** The {@code image_url} as written. */
    String imageUrl();

    /** The {@code image_details}, {@link ImageDetails#NONE} when absent. */
    ImageDetails imageDetails();

    /** The task whose label shape this record has. */
    Task task();

    /** The class names of the record's labels, one per label or annotation, in file order. */
    List<String> classNames();
}
