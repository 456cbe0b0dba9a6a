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

    /**
     * The smallest box around every point of every segment, as {@code {minX, minY, maxX, maxY}},
     * or {@code null} when there is no whole point.
     */
    public double[] extent() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Segment s : segments) {
            for (int i = 0; i + 1 < s.size(); i += 2) {
                minX = Math.min(minX, s.get(i));
                maxX = Math.max(maxX, s.get(i));
                minY = Math.min(minY, s.get(i + 1));
                maxY = Math.max(maxY, s.get(i + 1));
            }
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX, maxY};
    }
}
