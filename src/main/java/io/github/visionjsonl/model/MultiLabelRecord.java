package io.github.visionjsonl.model;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.ClassName;
import io.github.visionjsonl.rules.FormatMatchesUrl;
import io.github.visionjsonl.rules.ImageUrl;
import io.github.visionjsonl.rules.LabelSet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A multi-label classification record: {@code {"image_url": ..., "label": ["can", "carton"]}}.
 *
 * @param imageUrl the image URL
 * @param imageDetails the image details, {@link ImageDetails#NONE} when absent
 * @param labels the class names, in file order (an unmodifiable copy)
 */
@FormatMatchesUrl
public record MultiLabelRecord(
        @ImageUrl String imageUrl,
        @NotNull @Valid ImageDetails imageDetails,
        @LabelSet List<@ClassName String> labels)
        implements ImageRecord {

    /** Copies the labels into an unmodifiable list. */
    public MultiLabelRecord {
        labels = List.copyOf(labels);
    }

    @Override
    public Task task() {
        return Task.IMAGE_CLASSIFICATION_MULTILABEL;
    }

    @Override
    public List<String> classNames() {
        return labels;
    }
}
