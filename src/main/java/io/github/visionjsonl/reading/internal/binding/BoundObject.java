package io.github.visionjsonl.reading.internal.binding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a reader found in one object of a line's {@code label} list; reused across lines. */
final class BoundObject {

    /** The object's position in the line's {@code label} list. */
    int index;
    /** The column of its opening brace. */
    int column;
    boolean labelPresent;
    String label;
    /** topX, topY, bottomX, bottomY. */
    final double[] corners = new double[4];
    /** The corners the object has, and those of them that hold a number, as bits (topX lowest). */
    int cornersPresent;
    int cornersValid;
    boolean crowd;
    boolean polygonPresent;
    boolean polygonValid;
    final List<double[]> segments = new ArrayList<>();
    /** Per key of {@link KnownKeys#LABEL_OBJECT}, an unknown key that looked like it. */
    final String[] misspelt = new String[KnownKeys.LABEL_OBJECT.size()];
    boolean anyMisspelt;

    void reset(int index, int column) {
        this.index = index;
        this.column = column;
        labelPresent = false;
        label = null;
        cornersPresent = 0;
        cornersValid = 0;
        crowd = false;
        polygonPresent = false;
        polygonValid = false;
        segments.clear();
        if (anyMisspelt) {
            Arrays.fill(misspelt, null);
            anyMisspelt = false;
        }
    }

    /** Notes a corner read: {@code corner} 0 to 3, as in {@link #corners}. */
    void corner(int corner, double value) {
        cornersPresent |= 1 << corner;
        corners[corner] = value;
        cornersValid |= 1 << corner;
    }
}
