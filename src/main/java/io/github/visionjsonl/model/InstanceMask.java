package io.github.visionjsonl.model;

import io.github.visionjsonl.rules.ClassName;
import io.github.visionjsonl.rules.NormalizedPolygon;
import io.github.visionjsonl.rules.PolygonMatchesBox;

/**
 * One object of an instance segmentation record (a "mask" in the format document): a class name
 * and a polygon in normalized coordinates.
 *
 * @param label the class name
 * @param polygon the polygon
 * @param crowd whether the runtime treats the instance as a crowd region
 * @param box the box written beside the polygon when all four of its keys are given, else
 *     {@code null}; the runtime ignores it and recomputes the box from the polygon
 */
@PolygonMatchesBox
public record InstanceMask(
        @ClassName String label, @NormalizedPolygon Polygon polygon, boolean crowd, BoundingBox box) {
}
