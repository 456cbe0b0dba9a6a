package io.github.visionjsonl.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * A COCO run-length-encoded mask, decoded and traced into polygons. COCO's RLE runs down the
 * columns (column-major), starting with a run of background; its compressed form packs the
 * counts five bits to a character, each count after the second stored as the difference to the
 * count two before (pycocotools' {@code rleFrString}).
 *
 * <p>Tracing follows the boundary between mask and background along pixel edges, so each outer
 * border and each hole becomes one closed ring of pixel-corner points; straight runs are merged
 * and the rings simplified (Douglas-Peucker) to a tolerance in pixels. Outer borders and holes are
 * separate segments: the runtime combines the segments of one instance by XOR, which cuts the
 * holes out again.
 */
public final class RleMask {

    /**
     * The largest mask decoded, in pixels (2^25, about 33.5 megapixels: an 8K image); a larger
     * {@code size} is refused, so that 200 bytes of RLE cannot ask for gigabytes.
     */
    public static final long MAX_PIXELS = 1L << 25;

    /** The longest border traced, in pixel edges; a longer one is refused rather than held in memory. */
    public static final int MAX_BORDER = 1 << 22;

    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private final int height;
    private final int width;
    private final boolean[] pixels;

    private RleMask(int height, int width, boolean[] pixels) {
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    /**
     * Decodes uncompressed counts.
     *
     * @throws IllegalArgumentException when the size is not positive, is larger than
     *     {@link #MAX_PIXELS}, or the counts do not fit it
     */
    public static RleMask of(int height, int width, long[] counts) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("the size " + height + " x " + width + " is not two positive numbers");
        }
        if ((long) height * width > MAX_PIXELS) {
            throw new IllegalArgumentException("the mask of " + height + " x " + width + " pixels is larger than "
                    + MAX_PIXELS + " pixels, the most decoded");
        }
        boolean[] mask = new boolean[height * width];
        long at = 0;
        boolean value = false;
        for (long count : counts) {
            if (count < 0 || at + count > mask.length) {
                throw new IllegalArgumentException("the counts add up to more than " + height + " x " + width);
            }
            if (value) {
                java.util.Arrays.fill(mask, (int) at, (int) (at + count), true);
            }
            at += count;
            value = !value;
        }
        return new RleMask(height, width, mask);
    }

    /** Decodes the compressed string form of the counts. */
    public static RleMask ofCompressed(int height, int width, String counts) {
        long[] decoded = new long[16];
        int n = 0;
        int p = 0;
        while (p < counts.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= counts.length()) {
                    throw new IllegalArgumentException("the compressed counts end inside a number");
                }
                if (k > 12) {
                    throw new IllegalArgumentException("a compressed count is longer than a 64-bit number");
                }
                int c = counts.charAt(p) - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (n > 2) {
                x += decoded[n - 2];
            }
            if (n == decoded.length) {
                decoded = java.util.Arrays.copyOf(decoded, n * 2);
            }
            decoded[n++] = x;
        }
        return of(height, width, java.util.Arrays.copyOf(decoded, n));
    }

    /** Whether the pixel at column x, row y is in the mask (false outside the image). */
    public boolean get(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && pixels[x * height + y];
    }

    /** How many pixels the mask has. */
    public long area() {
        long n = 0;
        for (boolean b : pixels) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * The mask's borders as closed rings of pixel-corner points {@code x1, y1, x2, y2, ...} (not
     * repeating the first point), outer borders and holes alike, each simplified to within
     * {@code tolerance} pixels; rings left with fewer than 3 points are dropped.
     *
     * @throws IllegalArgumentException when the borders are longer than {@link #MAX_BORDER} edges
     */
    public List<double[]> rings(double tolerance) {
        // The directed unit edges with the mask on their left, as one bit per direction on their
        // start corner: a byte per corner however ragged the mask, never an object per edge.
        int stride = height + 1;
        byte[] leaving = new byte[(width + 1) * stride];
        long edges = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                if (!get(x, y)) {
                    continue;
                }
                if (!get(x, y - 1)) {
                    leaving[(x + 1) * stride + y] |= 1 << 2;
                    edges++;
                }
                if (!get(x - 1, y)) {
                    leaving[x * stride + y] |= 1 << 1;
                    edges++;
                }
                if (!get(x, y + 1)) {
                    leaving[x * stride + y + 1] |= 1;
                    edges++;
                }
                if (!get(x + 1, y)) {
                    leaving[(x + 1) * stride + y + 1] |= 1 << 3;
                    edges++;
                }
            }
            if (edges > MAX_BORDER) {
                throw new IllegalArgumentException("the mask's borders are longer than " + MAX_BORDER + " pixel edges");
            }
        }
        List<double[]> rings = new ArrayList<>();
        int[] ring = new int[64];
        for (int start = 0; start < leaving.length; start++) {
            while (leaving[start] != 0) {
                int n = 0;
                int corner = start;
                int direction = -1;
                do {
                    direction = take(leaving, corner, direction);
                    if (n + 2 > ring.length) {
                        ring = java.util.Arrays.copyOf(ring, ring.length * 2);
                    }
                    ring[n++] = corner / stride;
                    ring[n++] = corner % stride;
                    corner += DX[direction] * stride + DY[direction];
                } while (corner != start && leaving[corner] != 0);
                double[] simplified = simplify(straighten(ring, n), tolerance);
                if (simplified.length >= 6) {
                    rings.add(simplified);
                }
            }
        }
        return rings;
    }

    /**
     * Takes an edge leaving the corner; where two leave it (two regions touch at a corner), the
     * one turning left of the incoming direction, so that rings stay simple.
     */
    private static int take(byte[] leaving, int corner, int incoming) {
        int bits = leaving[corner];
        int left = incoming < 0 ? -1 : (incoming + 3) % 4;
        int pick = left >= 0 && (bits & 1 << left) != 0 ? left : Integer.numberOfTrailingZeros(bits);
        leaving[corner] = (byte) (bits & ~(1 << pick));
        return pick;
    }

    /** The corners that are not in the middle of a straight run, as x, y pairs. */
    private static int[] straighten(int[] ring, int length) {
        int n = length / 2;
        int[] out = new int[length];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int prev = (i + n - 1) % n;
            int next = (i + 1) % n;
            long cross = (long) (ring[2 * i] - ring[2 * prev]) * (ring[2 * next + 1] - ring[2 * i + 1])
                    - (long) (ring[2 * i + 1] - ring[2 * prev + 1]) * (ring[2 * next] - ring[2 * i]);
            if (cross != 0) {
                out[kept++] = ring[2 * i];
                out[kept++] = ring[2 * i + 1];
            }
        }
        return java.util.Arrays.copyOf(out, kept);
    }

    /** Douglas-Peucker on a closed ring of x, y pairs, split at its first point and the point farthest from it. */
    private static double[] simplify(int[] ring, double tolerance) {
        int n = ring.length / 2;
        if (n < 3 || tolerance <= 0) {
            return flat(ring, null);
        }
        int far = 0;
        double best = -1;
        for (int i = 1; i < n; i++) {
            double d = Math.hypot(ring[2 * i] - ring[0], ring[2 * i + 1] - ring[1]);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        boolean[] keep = new boolean[n + 1];
        keep[0] = true;
        keep[far] = true;
        keep[n] = true;
        mark(ring, 0, far, tolerance, keep);
        mark(ring, far, n, tolerance, keep);
        return flat(ring, keep);
    }

    /** Marks the points to keep between a and b, with an explicit stack: a long border must not overflow the thread's. */
    private static void mark(int[] ring, int from, int to, double tolerance, boolean[] keep) {
        int n = ring.length / 2;
        java.util.ArrayDeque<int[]> spans = new java.util.ArrayDeque<>();
        spans.push(new int[] {from, to});
        while (!spans.isEmpty()) {
            int[] span = spans.pop();
            int a = span[0];
            int b = span[1];
            if (b - a < 2) {
                continue;
            }
            int q = b % n;
            double dx = ring[2 * q] - ring[2 * a];
            double dy = ring[2 * q + 1] - ring[2 * a + 1];
            double length = Math.hypot(dx, dy);
            int far = -1;
            double best = tolerance;
            for (int i = a + 1; i < b; i++) {
                double rx = ring[2 * i] - ring[2 * a];
                double ry = ring[2 * i + 1] - ring[2 * a + 1];
                double d = length == 0 ? Math.hypot(rx, ry) : Math.abs(dy * rx - dx * ry) / length;
                if (d > best) {
                    best = d;
                    far = i;
                }
            }
            if (far >= 0) {
                keep[far] = true;
                spans.push(new int[] {a, far});
                spans.push(new int[] {far, b});
            }
        }
    }

    private static double[] flat(int[] ring, boolean[] keep) {
        int n = ring.length / 2;
        double[] out = new double[ring.length];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep == null || keep[i]) {
                out[kept++] = ring[2 * i];
                out[kept++] = ring[2 * i + 1];
            }
        }
        return java.util.Arrays.copyOf(out, kept);
    }
}
