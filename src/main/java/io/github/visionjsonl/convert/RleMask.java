package io.github.visionjsonl.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A COCO run-length-encoded mask, decoded and traced into polygons. COCO's RLE runs down the
 * columns (column-major), starting with a run of background; its compressed form packs the
 * counts five bits to a character, each count after the second stored as the difference to the
 * count two before (pycocotools' {@code rleFrString}). The mask is kept as its runs, per band of
 * identical columns, so its cost follows the runs, never the area of its {@code size}.
 *
 * <p>Tracing follows the boundary between mask and background along pixel edges, so each outer
 * border and each hole becomes one closed ring of pixel-corner points; straight runs are merged
 * and the rings simplified (Douglas-Peucker) to a tolerance in pixels. Outer borders and holes are
 * separate segments: the runtime combines the segments of one instance by XOR, which cuts the
 * holes out again.
 */
public final class RleMask {

    /**
     * The most cells of the compressed grid traced (2^25): the grid has one column per band of
     * identical image columns and one row per distinct run end, so a mask of a few runs costs a
     * few cells however large its {@code size}; a mask whose grid is larger is refused.
     */
    public static final long MAX_CELLS = 1L << 25;

    /** The longest border traced, in cell edges; a longer one is refused rather than held in memory. */
    public static final int MAX_BORDER = 1 << 22;

    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};
    private static final int[] EMPTY = {};

    private final int height;
    private final int width;
    /** Where each band of identical columns starts, then the width. */
    private final int[] bandX;
    /** The mask's rows in each band, as sorted start, end (exclusive) pairs. */
    private final int[][] bandRuns;

    private RleMask(int height, int width, int[] bandX, int[][] bandRuns) {
        this.height = height;
        this.width = width;
        this.bandX = bandX;
        this.bandRuns = bandRuns;
    }

    /**
     * Decodes uncompressed counts, in time and memory proportional to the runs and the width, not
     * to the area.
     *
     * @throws IllegalArgumentException when the size is not positive or the counts do not fit it
     */
    public static RleMask of(int height, int width, long[] counts) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("the size " + height + " x " + width + " is not two positive numbers");
        }
        long area = (long) height * width;
        // Columns that hold runs, as [first, last + 1) with their runs: a run over many whole
        // columns is one entry, so a 1 x 2^31 mask of one run costs one entry, not 2^31.
        List<int[]> spans = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        int[] current = new int[4];
        int length = 0;
        int column = -1;
        long at = 0;
        boolean value = false;
        for (long count : counts) {
            if (count < 0 || count > area - at) {
                throw new IllegalArgumentException("the counts add up to more than " + height + " x " + width);
            }
            long end = at + count;
            for (long p = at; value && p < end; ) {
                int x = (int) (p / height);
                int y = (int) (p % height);
                if (x != column && length > 0) {
                    spans.add(new int[] {column, column + 1});
                    runs.add(Arrays.copyOf(current, length));
                    length = 0;
                }
                column = x;
                if (y == 0 && end - p >= height) {
                    long whole = (end - p) / height;
                    spans.add(new int[] {x, (int) (x + whole)});
                    runs.add(new int[] {0, height});
                    column = -1;
                    p += whole * height;
                    continue;
                }
                int stop = (int) Math.min(height, y + (end - p));
                if (length > 0 && current[length - 1] == y) {
                    current[length - 1] = stop;
                } else {
                    if (length + 2 > current.length) {
                        current = Arrays.copyOf(current, current.length * 2);
                    }
                    current[length++] = y;
                    current[length++] = stop;
                }
                p += stop - y;
            }
            at = end;
            value = !value;
        }
        if (length > 0) {
            spans.add(new int[] {column, column + 1});
            runs.add(Arrays.copyOf(current, length));
        }
        return bands(height, width, spans, runs);
    }

    /** Merges neighbouring columns with the same runs (empty ones too) into bands. */
    private static RleMask bands(int height, int width, List<int[]> spans, List<int[]> runs) {
        List<Integer> starts = new ArrayList<>();
        List<int[]> bandRuns = new ArrayList<>();
        int next = 0;
        for (int i = 0; i <= spans.size(); i++) {
            int x = i < spans.size() ? spans.get(i)[0] : width;
            if (x > next) {
                band(starts, bandRuns, next, EMPTY);
            }
            if (i < spans.size()) {
                band(starts, bandRuns, x, runs.get(i));
                next = spans.get(i)[1];
            }
        }
        int[] bandX = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            bandX[i] = starts.get(i);
        }
        bandX[starts.size()] = width;
        return new RleMask(height, width, bandX, bandRuns.toArray(new int[0][]));
    }

    private static void band(List<Integer> starts, List<int[]> bandRuns, int x, int[] runs) {
        if (!bandRuns.isEmpty() && Arrays.equals(bandRuns.get(bandRuns.size() - 1), runs)) {
            return;
        }
        starts.add(x);
        bandRuns.add(runs);
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
                decoded = Arrays.copyOf(decoded, n * 2);
            }
            decoded[n++] = x;
        }
        return of(height, width, Arrays.copyOf(decoded, n));
    }

    /** Whether the pixel at column x, row y is in the mask (false outside the image). */
    public boolean get(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        int band = Arrays.binarySearch(bandX, x);
        int[] runs = bandRuns[band >= 0 ? band : -band - 2];
        for (int i = 0; i < runs.length && runs[i] <= y; i += 2) {
            if (y < runs[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** How many pixels the mask has. */
    public long area() {
        long n = 0;
        for (int b = 0; b < bandRuns.length; b++) {
            long rows = 0;
            for (int i = 0; i < bandRuns[b].length; i += 2) {
                rows += bandRuns[b][i + 1] - bandRuns[b][i];
            }
            n += rows * (bandX[b + 1] - bandX[b]);
        }
        return n;
    }

    /**
     * The mask's borders as closed rings of pixel-corner points {@code x1, y1, x2, y2, ...} (not
     * repeating the first point), outer borders and holes alike, each simplified to within
     * {@code tolerance} pixels; rings left with fewer than 3 points are dropped. The borders are
     * traced on the compressed grid of bands and run ends, whose cells are exact rectangles of the
     * mask, then mapped back to pixels.
     *
     * @throws IllegalArgumentException when that grid has more than {@link #MAX_CELLS} cells or
     *     its borders more than {@link #MAX_BORDER} edges
     */
    public List<double[]> rings(double tolerance) {
        int[] ys = rowEdges();
        int columns = bandRuns.length;
        int rows = ys.length - 1;
        if ((long) columns * rows > MAX_CELLS) {
            throw new IllegalArgumentException("the mask's outline needs a grid of " + columns + " x " + rows
                    + " cells, more than the " + MAX_CELLS + " traced");
        }
        boolean[] cells = new boolean[columns * rows];
        for (int b = 0; b < columns; b++) {
            for (int i = 0; i < bandRuns[b].length; i += 2) {
                int from = Arrays.binarySearch(ys, bandRuns[b][i]);
                int to = Arrays.binarySearch(ys, bandRuns[b][i + 1]);
                Arrays.fill(cells, b * rows + from, b * rows + to, true);
            }
        }
        // The directed edges with the mask on their left, as one bit per direction on their start
        // corner: a byte per corner however ragged the mask, never an object per edge.
        int stride = rows + 1;
        byte[] leaving = new byte[(columns + 1) * stride];
        long edges = 0;
        for (int x = 0; x < columns; x++) {
            for (int y = 0; y < rows; y++) {
                if (!cell(cells, rows, columns, x, y)) {
                    continue;
                }
                if (!cell(cells, rows, columns, x, y - 1)) {
                    leaving[(x + 1) * stride + y] |= 1 << 2;
                    edges++;
                }
                if (!cell(cells, rows, columns, x - 1, y)) {
                    leaving[x * stride + y] |= 1 << 1;
                    edges++;
                }
                if (!cell(cells, rows, columns, x, y + 1)) {
                    leaving[x * stride + y + 1] |= 1;
                    edges++;
                }
                if (!cell(cells, rows, columns, x + 1, y)) {
                    leaving[(x + 1) * stride + y + 1] |= 1 << 3;
                    edges++;
                }
            }
            if (edges > MAX_BORDER) {
                throw new IllegalArgumentException("the mask's borders are longer than " + MAX_BORDER + " edges");
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
                        ring = Arrays.copyOf(ring, ring.length * 2);
                    }
                    ring[n++] = bandX[corner / stride];
                    ring[n++] = ys[corner % stride];
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

    /** Every row where a run starts or ends, with 0 and the height, sorted. */
    private int[] rowEdges() {
        TreeSet<Integer> ys = new TreeSet<>();
        ys.add(0);
        ys.add(height);
        for (int[] runs : bandRuns) {
            for (int y : runs) {
                ys.add(y);
            }
        }
        return ys.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean cell(boolean[] cells, int rows, int columns, int x, int y) {
        return x >= 0 && y >= 0 && x < columns && y < rows && cells[x * rows + y];
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
        return Arrays.copyOf(out, kept);
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
        ArrayDeque<int[]> spans = new ArrayDeque<>();
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
        return Arrays.copyOf(out, kept);
    }
}
