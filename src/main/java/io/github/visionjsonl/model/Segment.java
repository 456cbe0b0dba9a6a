package io.github.visionjsonl.model;

import java.util.Arrays;

/**
 * One segment of a polygon: the flat list {@code x1, y1, x2, y2, ...} of normalized vertex
 * coordinates, as written in the file. Immutable: the array is copied in and out.
 *
 * @param coordinates the flat coordinate list
 */
public record Segment(double[] coordinates) {

    /** Copies the coordinates. */
    public Segment {
        coordinates = coordinates.clone();
    }

    /** A copy of the flat coordinate list. */
    @Override
    public double[] coordinates() {
        return coordinates.clone();
    }

    /** The count of numbers in the segment (twice the count of points when even). */
    public int size() {
        return coordinates.length;
    }

    /** The {@code i}-th number of the flat list. */
    public double get(int i) {
        return coordinates[i];
    }

    /** The count of whole (x, y) points. */
    public int pointCount() {
        return coordinates.length / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && Arrays.equals(coordinates, s.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return Arrays.toString(coordinates);
    }
}
