package io.github.visionjsonl.model;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.FormatMatchesUrl;
import io.github.visionjsonl.rules.ImageUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * An instance segmentation record: an image and its instance masks (polygons).
 *
 * @param imageUrl the image URL
 * @param imageDetails the image details, {@link ImageDetails#NONE} when absent
 * @param masks the instances, in file order (an unmodifiable copy)
 */
@FormatMatchesUrl
public record SegmentationRecord(
        @ImageUrl String imageUrl,
        @NotNull @Valid ImageDetails imageDetails,
        List<@Valid InstanceMask> masks)
        implements ImageRecord {

    /** Copies the masks into an unmodifiable list. */
    public SegmentationRecord {
        masks = List.copyOf(masks);
    }

    @Override
    public Task task() {
        return Task.IMAGE_INSTANCE_SEGMENTATION;
    }

    @Override
    public List<String> classNames() {
        List<String> names = new ArrayList<>(masks.size());
        for (InstanceMask m : masks) {
            names.add(m.label());
        }
        return names;
    }
}
