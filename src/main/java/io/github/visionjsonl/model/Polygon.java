package io.github.visionjsonl.model;

import java.util.List;

/**
 * The {@code polygon} of an instance: one or more segments. The runtime combines several
 * segments of one instance by XOR, so a segment inside another is a hole.
 *
 * @param segments the segments, in file order (an unmodifiable copy)
 */
public record Polygon(List<Segment> segments) {

    /** Copies the segments into an unmodifiable list. */
    public Polygon {
        segments = List.copyOf(segments);
    }
}
