package io.github.visionjsonl.model;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.ClassName;
import io.github.visionjsonl.rules.FormatMatchesUrl;
import io.github.visionjsonl.rules.ImageUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A multi-class classification record: {@code {"image_url": ..., "label": "can"}}.
 *
 * @param imageUrl the image URL
 * @param imageDetails the image details, {@link ImageDetails#NONE} when absent
 * @param label the class name (an integer label is kept as its decimal text)
 */
@FormatMatchesUrl
public record ClassificationRecord(
        @ImageUrl String imageUrl, @NotNull @Valid ImageDetails imageDetails, @ClassName String label)
        implements ImageRecord {

    @Override
    public Task task() {
        return Task.IMAGE_CLASSIFICATION;
    }

    @Override
    public List<String> classNames() {
        return label == null ? List.of() : List.of(label);
    }
}
