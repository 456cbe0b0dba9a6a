package io.github.visionjsonl.model;

import io.github.visionjsonl.rules.ClassName;
import io.github.visionjsonl.rules.NormalizedBox;

/**
 * One object of a detection record: a class name and a box whose corners are fractions of the
 * image width and height, {@code (topX, topY)} the top-left and {@code (bottomX, bottomY)} the
 * bottom-right corner.
 *
 * @param label the class name
 * @param topX left edge as a fraction of the image width
 * @param topY top edge as a fraction of the image height
 * @param bottomX right edge as a fraction of the image width
 * @param bottomY bottom edge as a fraction of the image height
 * @param crowd whether the runtime treats the box as a crowd region (ignored by the metrics)
 */
@NormalizedBox
public record BoundingBox(
        @ClassName String label, double topX, double topY, double bottomX, double bottomY, boolean crowd)
        implements Box {

    /** The box width as a fraction of the image width. */
    public double width() {
        return bottomX - topX;
    }

    /** The box height as a fraction of the image height. */
    public double height() {
        return bottomY - topY;
    }
}
