package io.github.visionjsonl.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a dataset contains, gathered in the same pass as the validation and in memory that does
 * not grow with the count of records (only with the count of classes).
 *
 * @param classes per class name (sorted): images, instances, crowd instances
 * @param imagesWithoutObjects detection and segmentation records with {@code label: []}
 * @param objectsPerImage labels, boxes or polygons per record
 * @param boxWidth box width as a fraction of the image width (for polygons: their extent)
 * @param boxHeight box height as a fraction of the image height
 * @param boxArea box area as a fraction of the image area (log-spaced bins)
 * @param pointsPerSegment points per polygon segment
 * @param urlSchemes how many image URLs use each form: AmlDatastore, azureml, https, path, ...
 * @param imageContent what the images' pixels show, when they were looked at ({@code --image-content}); else null
 */
public record DatasetStatistics(
        Map<String, ClassStatistics> classes,
        long imagesWithoutObjects,
        Distribution objectsPerImage,
        Distribution boxWidth,
        Distribution boxHeight,
        Distribution boxArea,
        Distribution pointsPerSegment,
        Map<String, Long> urlSchemes,
        ImageContentStatistics imageContent) {

    /** Copies the maps, keeping their order. */
    public DatasetStatistics {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        urlSchemes = Collections.unmodifiableMap(new LinkedHashMap<>(urlSchemes));
    }

    /** The same statistics with what the images' pixels show. */
    public DatasetStatistics withImageContent(ImageContentStatistics content) {
        return new DatasetStatistics(classes, imagesWithoutObjects, objectsPerImage, boxWidth, boxHeight, boxArea,
                pointsPerSegment, urlSchemes, content);
    }
}
