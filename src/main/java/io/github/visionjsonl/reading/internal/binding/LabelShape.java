package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.Task;

/** What the {@code label} value of a line looks like. */
public enum LabelShape {
    /** No {@code label} key. */
    ABSENT,
    /** A value no task accepts (null, an object, a list of lists). */
    INVALID,
    /** One class name: multi-class classification. */
    CLASS_NAME,
    /** {@code []}: fits multi-label, detection and segmentation alike. */
    EMPTY_LIST,
    /** A list of class names: multi-label classification. */
    NAMES,
    /** A list of objects without polygons: detection. */
    BOXES,
    /** A list of objects with polygons: instance segmentation. */
    POLYGONS,
    /**
     * A list of objects with neither a polygon nor a box corner: detection and segmentation
     * alike, judged as the file's task.
     */
    OBJECTS;

    /** The task this shape belongs to, or {@code null} when it tells none. */
    public Task task() {
        return switch (this) {
            case CLASS_NAME -> Task.IMAGE_CLASSIFICATION;
            case NAMES -> Task.IMAGE_CLASSIFICATION_MULTILABEL;
            case BOXES -> Task.IMAGE_OBJECT_DETECTION;
            case POLYGONS -> Task.IMAGE_INSTANCE_SEGMENTATION;
            default -> null;
        };
    }

    /** Whether a record of this shape is acceptable in a file of the given task. */
    public boolean fits(Task task) {
        return switch (this) {
            case EMPTY_LIST -> task != Task.IMAGE_CLASSIFICATION;
            case OBJECTS -> task == Task.IMAGE_OBJECT_DETECTION || task == Task.IMAGE_INSTANCE_SEGMENTATION;
            default -> task() == task;
        };
    }

    /** How the shape is described in a task-mismatch message. */
    public String describe() {
        return switch (this) {
            case CLASS_NAME -> "one class name";
            case EMPTY_LIST -> "an empty list";
            case NAMES -> "a list of class names";
            case BOXES -> "a list of boxes";
            case POLYGONS -> "a list of polygons";
            case OBJECTS -> "a list of objects without boxes or polygons";
            default -> "not a label";
        };
    }
}
