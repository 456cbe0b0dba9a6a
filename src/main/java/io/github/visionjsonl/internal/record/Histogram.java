package io.github.visionjsonl.internal.record;

import io.github.visionjsonl.report.Distribution;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Accumulates a {@link Distribution}: Welford's running mean and variance plus fixed bins. */
public final class Histogram implements Serializable {

    private final double[] edges;
    private final long[] counts;
    /** For equal-width bins: the first edge and bins per unit, so a bin is one multiplication away. */
    private final double linearFrom;
    private final double linearScale;
    /** For power-of-two bins: the exponent of the first edge; else {@link Integer#MIN_VALUE}. */
    private int binaryFrom = Integer.MIN_VALUE;
    private long n;
    private double min = Double.NaN;
    private double max = Double.NaN;
    /** Sums, shifted by the first value so that the variance keeps its precision (values are near each other). */
    private double shift = Double.NaN;
    private double sum;
    private double sumOfSquares;

    private Histogram(double[] edges, double linearFrom, double linearScale) {
        this.edges = edges;
        this.counts = new long[edges.length - 1];
        this.linearFrom = linearFrom;
        this.linearScale = linearScale;
    }

    /** Equal-width bins from {@code from} to {@code to}. */
    public static Histogram linear(double from, double to, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = from + (to - from) * i / bins;
        }
        return new Histogram(e, from, bins / (to - from));
    }

    /**
     * One bin per power of two, from 2^fromExp to 2^toExp: the bin of a value is its binary
     * exponent, read from its bits rather than computed with a logarithm.
     */
    static Histogram binary(int fromExp, int toExp) {
        double[] e = new double[toExp - fromExp + 1];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.scalb(1.0, fromExp + i);
        }
        Histogram h = new Histogram(e, 0, 0);
        h.binaryFrom = fromExp;
        return h;
    }

    /** Bins of equal width in log10, from 10^fromExp to 10^toExp. */
    public static Histogram logarithmic(int fromExp, int toExp, int binsPerDecade) {
        int bins = (toExp - fromExp) * binsPerDecade;
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = Math.pow(10, fromExp + (double) i / binsPerDecade);
        }
        return new Histogram(e, 0, 0);
    }

    /** Bins with the given edges. */
    static Histogram of(double... edges) {
        return new Histogram(edges.clone(), 0, 0);
    }

    public void add(double v) {
        if (n++ == 0) {
            min = v;
            max = v;
            shift = v;
        } else {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        // Plain sums: no division per value, which on every box of every line is measurable.
        double d = v - shift;
        sum += d;
        sumOfSquares += d * d;
        counts[bin(v)]++;
    }

    private int bin(double v) {
        if (binaryFrom != Integer.MIN_VALUE) {
            int b = Math.getExponent(v) - binaryFrom;
            return b < 0 ? 0 : Math.min(counts.length - 1, b);
        }
        if (linearScale > 0) {
            int i = (int) ((v - linearFrom) * linearScale);
            int b = Math.max(0, Math.min(counts.length - 1, i));
            // Rounding can put an edge value one bin off; the edges decide.
            if (b > 0 && v < edges[b]) {
                b--;
            } else if (b < counts.length - 1 && v >= edges[b + 1]) {
                b++;
            }
            return b;
        }
        int lo = 0;
        int hi = counts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (v >= edges[mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public long count() {
        return n;
    }

    /** Adds another histogram of the same bins: counts summed, means and variances combined. */
    void mergeFrom(Histogram other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            min = other.min;
            max = other.max;
        } else {
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
        if (n == 0) {
            shift = other.shift;
        }
        // Move the other's sums to this shift: sum(v - a) = sum(v - b) + k (b - a).
        double k = shift - other.shift;
        double otherSum = other.sum - other.n * k;
        double otherSquares = other.sumOfSquares - 2 * k * other.sum + other.n * k * k;
        sum += otherSum;
        sumOfSquares += otherSquares;
        n += other.n;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    private double quantile(double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double target = q * n;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= target) {
                double lo = Math.max(edges[i], min);
                double hi = Math.min(edges[i + 1], max);
                double within = (target - seen) / counts[i];
                return lo + (hi - lo) * Math.max(0, Math.min(1, within));
            }
            seen += counts[i];
        }
        return max;
    }

    public Distribution summary() {
        List<Double> e = new ArrayList<>(edges.length);
        for (double d : edges) {
            e.add(d);
        }
        List<Long> c = new ArrayList<>(counts.length);
        for (long l : counts) {
            c.add(l);
        }
        double meanShifted = n == 0 ? 0 : sum / n;
        double variance = n == 0 ? Double.NaN : Math.max(0, sumOfSquares / n - meanShifted * meanShifted);
        double mean = n == 0 ? Double.NaN : shift + meanShifted;
        return new Distribution(n, min, max, round(mean), round(Math.sqrt(variance)), round(quantile(0.05)),
                round(quantile(0.5)), round(quantile(0.95)), e, c);
    }

    /**
     * To 12 significant digits: sums in another order (the workers' shares merged) differ in the
     * last bits, and a report must not depend on the count of threads.
     */
    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }
}
