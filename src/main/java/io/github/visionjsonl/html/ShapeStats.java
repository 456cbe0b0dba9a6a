package io.github.visionjsonl.html;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.ValidatedLine;

/**
 * What only the page plots, counted from the records as they stream past, in fixed memory: box
 * aspect ratios, where box centres lie (a grid over the image), and image sizes. The other
 * charts come from the report's own statistics.
 */
final class ShapeStats {

    /** Cells per side of the box-centre grid. */
    static final int GRID = 20;
    /** Aspect ratio (width / height) bin edges, log-spaced from 1/16 to 16. */
    static final double[] ASPECT_EDGES = {0, 1 / 16.0, 1 / 8.0, 1 / 4.0, 1 / 2.0, 2 / 3.0, 1, 1.5, 2, 4, 8, 16,
        Double.POSITIVE_INFINITY};
    /** Image side (pixels) bin edges. */
    static final double[] SIDE_EDGES = {0, 64, 128, 256, 512, 768, 1024, 1536, 2048, 3072, 4096, 8192,
        Double.POSITIVE_INFINITY};

    final long[][] centres = new long[GRID][GRID];
    final long[] aspect = new long[ASPECT_EDGES.length - 1];
    final long[] widths = new long[SIDE_EDGES.length - 1];
    final long[] heights = new long[SIDE_EDGES.length - 1];
    long pixelAspects;
    long boxes;
    long sizedImages;

    /** Counts one line's record, valid or not, when it has one. */
    void accept(ValidatedLine line) {
        ImageRecord record = line.record();
        if (record == null) {
            return;
        }
        ImageDetails details = record.imageDetails();
        Integer w = details == null ? null : details.width();
        Integer h = details == null ? null : details.height();
        if (w != null && h != null && w > 0 && h > 0) {
            sizedImages++;
            widths[bin(SIDE_EDGES, w)]++;
            heights[bin(SIDE_EDGES, h)]++;
        }
        if (record instanceof DetectionRecord d) {
            for (BoundingBox b : d.boxes()) {
                box(b.topX(), b.topY(), b.bottomX(), b.bottomY(), w, h);
            }
        } else if (record instanceof SegmentationRecord s) {
            for (InstanceMask m : s.masks()) {
                double[] extent = m.polygon() == null ? null : m.polygon().extent();
                if (extent != null) {
                    box(extent[0], extent[1], extent[2], extent[3], w, h);
                }
            }
        }
    }

    private void box(double x0, double y0, double x1, double y1, Integer w, Integer h) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return;
        }
        boxes++;
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        centres[cell(cy)][cell(cx)]++;
        double bw = x1 - x0;
        double bh = y1 - y0;
        if (bw > 0 && bh > 0) {
            double ratio = bw / bh;
            if (w != null && h != null && w > 0 && h > 0) {
                ratio = ratio * w / h;
                pixelAspects++;
            }
            aspect[bin(ASPECT_EDGES, ratio)]++;
        }
    }

    private static int cell(double v) {
        return (int) Math.max(0, Math.min(GRID - 1, Math.floor(v * GRID)));
    }

    static int bin(double[] edges, double v) {
        for (int i = 1; i < edges.length - 1; i++) {
            if (v < edges[i]) {
                return i - 1;
            }
        }
        return edges.length - 2;
    }
}
