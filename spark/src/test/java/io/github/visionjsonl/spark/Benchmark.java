package io.github.visionjsonl.spark;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The figures of docs/spark.md: the session's start, then each validation of a file on an
 * already running session (not a test; run by hand, see docs/spark.md).
 *
 * <p>Arguments: master (or {@code threads=N} for the core itself, without Spark), file, runs.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        String master = args[0];
        String file = args[1];
        int runs = Integer.parseInt(args[2]);
        if (master.startsWith("threads=")) {
            // The core on this machine, in the same JVM settings, for the comparison once warm.
            int threads = Integer.parseInt(master.substring("threads=".length()));
            DatasetValidator core = DatasetValidator.builder().threads(threads).build();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                ValidationReport report = core.validate(java.nio.file.Path.of(file));
                long e = System.nanoTime();
                System.out.printf(Locale.ROOT, "core %s run %d: %.2f s, %,d lines, %,.0f lines/s%n", master, i + 1,
                        (e - s) / 1e9, report.lines(), report.lines() / ((e - s) / 1e9));
            }
            return;
        }
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("vision-jsonl-bench")
                .config("spark.ui.enabled", "false").getOrCreate();
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s session start: %.2f s%n", master, (t1 - t0) / 1e9);
        SparkDatasetValidator validator = SparkDatasetValidator.of(DatasetValidator.create());
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            ValidationReport report = validator.validate(spark, file);
            long e = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s run %d: %.2f s, %,d lines, %,.0f lines/s, %d errors%n", master, i + 1,
                    (e - s) / 1e9, report.lines(), report.lines() / ((e - s) / 1e9), report.errors());
        }
        spark.stop();
    }
}
