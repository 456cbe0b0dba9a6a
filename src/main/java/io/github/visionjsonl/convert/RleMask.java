package io.github.visionjsonl.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final int height;
    private final int width;
    private final boolean[] pixels;

    private RleMask(int height, int width, boolean[] pixels) {
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    /** Decodes uncompressed counts. */
    public static RleMask of(int height, int width, long[] counts) {
        boolean[] mask = new boolean[Math.multiplyExact(height, width)];
        int at = 0;
        boolean value = false;
        for (long count : counts) {
            if (count < 0 || at + count > mask.length) {
                throw new IllegalArgumentException("the counts add up to more than " + height + " x " + width);
            }
            if (value) {
                java.util.Arrays.fill(mask, at, (int) (at + count), true);
            }
            at += (int) count;
            value = !value;
        }
        return new RleMask(height, width, mask);
    }

    /** Decodes the compressed string form of the counts. */
    public static RleMask ofCompressed(int height, int width, String counts) {
        List<Long> decoded = new ArrayList<>();
        int p = 0;
        while (p < counts.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= counts.length()) {
                    throw new IllegalArgumentException("the compressed counts end inside a number");
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
            if (decoded.size() > 2) {
                x += decoded.get(decoded.size() - 2);
            }
            decoded.add(x);
        }
        long[] array = new long[decoded.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = decoded.get(i);
        }
        return of(height, width, array);
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
     */
    public List<double[]> rings(double tolerance) {
        // Directed unit edges with the mask on their left, keyed by their start corner.
        Map<Long, List<int[]>> from = new HashMap<>();
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                if (!get(x, y)) {
                    continue;
                }
                if (!get(x, y - 1)) {
                    edge(from, x + 1, y, x, y);
                }
                if (!get(x - 1, y)) {
                    edge(from, x, y, x, y + 1);
                }
                if (!get(x, y + 1)) {
                    edge(from, x, y + 1, x + 1, y + 1);
                }
                if (!get(x + 1, y)) {
                    edge(from, x + 1, y + 1, x + 1, y);
                }
            }
        }
        List<double[]> rings = new ArrayList<>();
        while (!from.isEmpty()) {
            long start = from.keySet().iterator().next();
            List<int[]> corners = new ArrayList<>();
            int[] edge = take(from, start, null);
            int[] first = edge;
            while (edge != null) {
                corners.add(new int[] {edge[0], edge[1]});
                long next = key(edge[2], edge[3]);
                if (edge[2] == first[0] && edge[3] == first[1]) {
                    break;
                }
                edge = take(from, next, edge);
            }
            double[] ring = simplify(straighten(corners), tolerance);
            if (ring.length >= 6) {
                rings.add(ring);
            }
        }
        return rings;
    }

    private static void edge(Map<Long, List<int[]>> from, int x0, int y0, int x1, int y1) {
        from.computeIfAbsent(key(x0, y0), k -> new ArrayList<>(2)).add(new int[] {x0, y0, x1, y1});
    }

    private static long key(int x, int y) {
        return (long) x << 32 | (y & 0xFFFFFFFFL);
    }

    /**
     * Takes an edge starting at the corner; where two leave it (two regions touch at a corner),
     * the one turning left of the incoming edge, so that rings stay simple.
     */
    private static int[] take(Map<Long, List<int[]>> from, long corner, int[] incoming) {
        List<int[]> edges = from.get(corner);
        if (edges == null) {
            return null;
        }
        int pick = 0;
        if (edges.size() > 1 && incoming != null) {
            int dx = incoming[2] - incoming[0];
            int dy = incoming[3] - incoming[1];
            for (int i = 0; i < edges.size(); i++) {
                int ex = edges.get(i)[2] - edges.get(i)[0];
                int ey = edges.get(i)[3] - edges.get(i)[1];
                // y grows downwards: a left turn of (dx, dy) is (dy, -dx)
                if (ex == dy && ey == -dx) {
                    pick = i;
                }
            }
        }
        int[] e = edges.remove(pick);
        if (edges.isEmpty()) {
            from.remove(corner);
        }
        return e;
    }

    /** Drops corners in the middle of straight runs. */
    private static List<int[]> straighten(List<int[]> corners) {
        List<int[]> out = new ArrayList<>();
        int n = corners.size();
        for (int i = 0; i < n; i++) {
            int[] prev = corners.get((i + n - 1) % n);
            int[] cur = corners.get(i);
            int[] next = corners.get((i + 1) % n);
            long cross = (long) (cur[0] - prev[0]) * (next[1] - cur[1]) - (long) (cur[1] - prev[1]) * (next[0] - cur[0]);
            if (cross != 0) {
                out.add(cur);
            }
        }
        return out;
    }

    /** Douglas-Peucker on a closed ring, split at its first point and the point farthest from it. */
    private static double[] simplify(List<int[]> ring, double tolerance) {
        int n = ring.size();
        if (n < 3 || tolerance <= 0) {
            return flat(ring, null);
        }
        int far = 0;
        double best = -1;
        for (int i = 1; i < n; i++) {
            double d = Math.hypot(ring.get(i)[0] - ring.get(0)[0], ring.get(i)[1] - ring.get(0)[1]);
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

    private static void mark(List<int[]> ring, int a, int b, double tolerance, boolean[] keep) {
        if (b - a < 2) {
            return;
        }
        int[] p = ring.get(a);
        int[] q = ring.get(b % ring.size());
        double dx = q[0] - p[0];
        double dy = q[1] - p[1];
        double length = Math.hypot(dx, dy);
        int far = -1;
        double best = tolerance;
        for (int i = a + 1; i < b; i++) {
            int[] r = ring.get(i);
            double d = length == 0 ? Math.hypot(r[0] - p[0], r[1] - p[1])
                    : Math.abs(dy * (r[0] - p[0]) - dx * (r[1] - p[1])) / length;
            if (d > best) {
                best = d;
                far = i;
            }
        }
        if (far >= 0) {
            keep[far] = true;
            mark(ring, a, far, tolerance, keep);
            mark(ring, far, b, tolerance, keep);
        }
    }

    private static double[] flat(List<int[]> ring, boolean[] keep) {
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            if (keep == null || keep[i]) {
                kept.add(ring.get(i));
            }
        }
        double[] out = new double[kept.size() * 2];
        for (int i = 0; i < kept.size(); i++) {
            out[2 * i] = kept.get(i)[0];
            out[2 * i + 1] = kept.get(i)[1];
        }
        return out;
    }
}
