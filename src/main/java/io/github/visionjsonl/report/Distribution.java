package io.github.visionjsonl.report;

import java.util.List;

/**
 * A summary of many values, computed in fixed memory: exact count, min, max, mean and standard
 * deviation, and quantiles estimated from a fixed histogram (linear within a bin).
 *
 * @param count how many values
 * @param min the smallest value (NaN when none)
 * @param max the largest value (NaN when none)
 * @param mean the mean
 * @param stddev the population standard deviation
 * @param p5 the estimated 5th percentile
 * @param p50 the estimated median
 * @param p95 the estimated 95th percentile
 * @param edges the histogram's bin edges ({@code counts.size() + 1} of them; values outside go
 *     to the first or last bin)
 * @param counts the count of values per bin
 */
public record Distribution(long count, double min, double max, double mean, double stddev, double p5, double p50,
        double p95, List<Double> edges, List<Long> counts) {

    /** Copies the lists. */
    public Distribution {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
    }
}
