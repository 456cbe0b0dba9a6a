package io.github.visionjsonl.model;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.FormatMatchesUrl;
import io.github.visionjsonl.rules.ImageUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * An object detection record: an image and its boxes. An empty box list is a background image.
 *
 * @param imageUrl the image URL
 * @param imageDetails the image details, {@link ImageDetails#NONE} when absent
 * @param boxes the boxes, in file order (an unmodifiable copy)
 */
@FormatMatchesUrl
public record DetectionRecord(
        @ImageUrl String imageUrl,
        @NotNull @Valid ImageDetails imageDetails,
        List<@Valid BoundingBox> boxes)
        implements ImageRecord {

    /** Copies the boxes into an unmodifiable list. */
    public DetectionRecord {
        boxes = List.copyOf(boxes);
    }

    @Override
    public Task task() {
        return Task.IMAGE_OBJECT_DETECTION;
    }

    @Override
    public List<String> classNames() {
        List<String> names = new ArrayList<>(boxes.size());
        for (BoundingBox b : boxes) {
            names.add(b.label());
        }
        return names;
    }
}
