package io.github.visionjsonl.report;

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
 */
public record DatasetStatistics(
        Map<String, ClassStatistics> classes,
        long imagesWithoutObjects,
        Distribution objectsPerImage,
        Distribution boxWidth,
        Distribution boxHeight,
        Distribution boxArea,
        Distribution pointsPerSegment,
        Map<String, Long> urlSchemes) {

    /** Copies the maps, keeping their order. */
    public DatasetStatistics {
        classes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(classes));
        urlSchemes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(urlSchemes));
    }
}
