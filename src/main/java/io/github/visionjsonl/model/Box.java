package io.github.visionjsonl.model;

/**
 * Anything with the four corners of a normalized box. {@link BoundingBox} is one; implement it
 * on your own type to check it with {@link io.github.visionjsonl.rules.NormalizedBox}.
 */
public interface Box {

    /** The left edge as a fraction of the image width. */
    double topX();

    /** The top edge as a fraction of the image height. */
    double topY();

    /** The right edge as a fraction of the image width. */
    double bottomX();

    /** The bottom edge as a fraction of the image height. */
    double bottomY();
}
