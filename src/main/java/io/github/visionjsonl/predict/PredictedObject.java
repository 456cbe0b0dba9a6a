package io.github.visionjsonl.predict;

import io.github.visionjsonl.model.Box;
import io.github.visionjsonl.model.Polygon;

/**
 * One object of a detection or segmentation response: its class, score and normalized box, and
 * for segmentation its polygon.
 *
 * @param label the class name
 * @param score the confidence in [0, 1]
 * @param topX left edge as a fraction of the image width
 * @param topY top edge as a fraction of the image height
 * @param bottomX right edge as a fraction of the image width
 * @param bottomY bottom edge as a fraction of the image height
 * @param polygon the polygon (segmentation), or {@code null}
 */
public record PredictedObject(String label, double score, double topX, double topY, double bottomX, double bottomY,
        Polygon polygon) implements Box {
}
