package io.github.visionjsonl;

import java.util.Locale;
import java.util.Optional;

/** The four AutoML-for-Images training tasks, named as in the AutoML SDK. */
public enum Task {
    /** Multi-class classification: {@code label} is one class name. */
    IMAGE_CLASSIFICATION("image-classification"),
    /** Multi-label classification: {@code label} is a list of class names. */
    IMAGE_CLASSIFICATION_MULTILABEL("image-classification-multilabel"),
    /** Object detection: {@code label} is a list of boxes. */
    IMAGE_OBJECT_DETECTION("image-object-detection"),
    /** Instance segmentation: {@code label} is a list of polygons. */
    IMAGE_INSTANCE_SEGMENTATION("image-instance-segmentation");

    private final String sdkName;

    Task(String sdkName) {
        this.sdkName = sdkName;
    }

    /** The name used by the AutoML SDK and in reports, e.g. {@code image-object-detection}. */
    public String sdkName() {
        return sdkName;
    }

    /** Whether the {@code label} of this task is a list of annotation objects. */
    public boolean hasObjects() {
        return this == IMAGE_OBJECT_DETECTION || this == IMAGE_INSTANCE_SEGMENTATION;
    }

    /**
     * Finds a task by its SDK name, ignoring case; short forms {@code classification},
     * {@code multilabel}, {@code detection} and {@code segmentation} are accepted too.
     */
    public static Optional<Task> fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Task t : values()) {
            if (t.sdkName.equals(n)) {
                return Optional.of(t);
            }
        }
        return switch (n) {
            case "classification", "multiclass", "multi-class" -> Optional.of(IMAGE_CLASSIFICATION);
            case "multilabel", "multi-label" -> Optional.of(IMAGE_CLASSIFICATION_MULTILABEL);
            case "detection", "object-detection" -> Optional.of(IMAGE_OBJECT_DETECTION);
            case "segmentation", "instance-segmentation" -> Optional.of(IMAGE_INSTANCE_SEGMENTATION);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return sdkName;
    }
}
