package io.github.visionjsonl.internal;

import io.github.visionjsonl.report.Distribution;
import java.util.ArrayList;
import java.util.List;

/** Accumulates a {@link Distribution}: Welford's running mean and variance plus fixed bins. */
final class Histogram {

    private final double[] edges;
    private final long[] counts;
    private long n;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double mean;
    private double m2;

    private Histogram(double[] edges) {
        this.edges = edges;
        this.counts = new long[edges.length - 1];
    }

    /** Equal-width bins from {@code from} to {@code to}. */
    static Histogram linear(double from, double to, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = from + (to - from) * i / bins;
        }
        return new Histogram(e);
    }

    /** Bins of equal width in log10, from 10^fromExp to 10^toExp. */
    static Histogram logarithmic(int fromExp, int toExp, int binsPerDecade) {
        int bins = (toExp - fromExp) * binsPerDecade;
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = Math.pow(10, fromExp + (double) i / binsPerDecade);
        }
        return new Histogram(e);
    }

    /** Bins with the given edges. */
    static Histogram of(double... edges) {
        return new Histogram(edges.clone());
    }

    void add(double v) {
        n++;
        if (n == 1) {
            min = v;
            max = v;
        } else {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
        counts[bin(v)]++;
    }

    private int bin(double v) {
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

    long count() {
        return n;
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

    Distribution summary() {
        List<Double> e = new ArrayList<>(edges.length);
        for (double d : edges) {
            e.add(d);
        }
        List<Long> c = new ArrayList<>(counts.length);
        for (long l : counts) {
            c.add(l);
        }
        double stddev = n == 0 ? Double.NaN : Math.sqrt(m2 / n);
        return new Distribution(n, min, max, n == 0 ? Double.NaN : mean, stddev, quantile(0.05), quantile(0.5),
                quantile(0.95), e, c);
    }
}
