package io.github.visionjsonl.spark;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.cli.DatasetEngine;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code vision-jsonl-spark validate [--master URL] [--findings-out DIR] [--split-size BYTES]
 * [the options of vision-jsonl validate] FILE...}: the core's command line with each FILE (a
 * file, a folder of part files or a glob, on any Hadoop file system) validated on Spark; it
 * prints what {@code vision-jsonl validate} prints and exits with its codes. The same class
 * runs under {@code spark-submit}, which gives the master.
 */
public final class SparkCli {

    /** Options the Spark path cannot honour: image files on this machine, the order of lines, outputs of lines. */
    private static final List<String> REFUSED = List.of("--images-root", "--datastore-root", "--decode",
            "--image-content", "--near-duplicate-distance", "--image-threshold", "--image-threads", "--accepted",
            "--rejected", "--html", "--gallery", "--rules-url", "--fail-fast");

    private static final String USAGE = "vision-jsonl-spark validate [--master URL] [--findings-out DIR] "
            + "[--split-size BYTES] [vision-jsonl validate options] FILE...";

    private SparkCli() {
    }

    /** Runs the command line on Spark and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, null));
    }

    /**
     * Runs the command line; the exit code.
     *
     * @param session the session to use, or null to start one (and stop it at the end)
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, SparkSession session) {
        if (args.length == 0 || !args[0].equals("validate")) {
            return usage(err, args.length == 0 ? "needs a command: " + USAGE
                    : args[0].startsWith("-") && (args[0].equals("--help") || args[0].equals("-h")) ? null
                    : "only 'validate' runs on Spark, not '" + args[0] + "'");
        }
        String master = null;
        String findingsOut = null;
        Long splitSize = null;
        List<String> rest = new ArrayList<>();
        rest.add("validate");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            boolean inline = !name.equals(a);
            if (name.equals("--master") || name.equals("--findings-out") || name.equals("--split-size")) {
                String value = inline ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    return usage(err, name + " needs a value");
                }
                switch (name) {
                    case "--master" -> master = value;
                    case "--findings-out" -> findingsOut = value;
                    default -> {
                        try {
                            splitSize = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            return usage(err, "--split-size: not a number of bytes: '" + value + "'");
                        }
                        if (splitSize < 1) {
                            return usage(err, "--split-size must be >= 1, was " + splitSize);
                        }
                    }
                }
            } else if (REFUSED.contains(name)) {
                return usage(err, name + " cannot be used on Spark (image files, the order of lines or line outputs "
                        + "need one machine): run bin/vision-jsonl validate for it");
            } else if (a.equals("-")) {
                return usage(err, "standard input ('-') cannot be read on Spark: give a file");
            } else {
                rest.add(a);
            }
        }
        if (findingsOut != null && rest.stream().anyMatch(a -> a.equals("--train") || a.startsWith("--train="))) {
            return usage(err, "--findings-out writes the findings of FILE..., not of --train and --validation");
        }
        SparkSession spark = session;
        try {
            if (spark == null) {
                SparkSession.Builder builder = SparkSession.builder().appName("vision-jsonl-spark");
                if (master != null) {
                    builder.master(master);
                } else if (System.getProperty("spark.master") == null) {
                    builder.master("local[*]");
                }
                spark = builder.getOrCreate();
            }
            if (findingsOut != null) {
                Path out0 = new Path(findingsOut);
                if (out0.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(out0)) {
                    err.println("vision-jsonl: --findings-out: " + findingsOut + " exists; refusing to overwrite it");
                    return VisionJsonl.USAGE;
                }
            }
            List<SparkValidation> kept = new ArrayList<>();
            SparkSession on = spark;
            Long split = splitSize;
            boolean withFindings = findingsOut != null;
            DatasetEngine engine = new DatasetEngine() {
                @Override
                public ValidationReport validate(DatasetValidator validator, String file) throws IOException {
                    SparkDatasetValidator v = on(validator);
                    if (!withFindings) {
                        return v.validate(on, file);
                    }
                    SparkValidation validation = v.validateWithFindings(on, file);
                    kept.add(validation);
                    return validation.report();
                }

                @Override
                public PairReport validatePair(DatasetValidator validator, String training, String validation)
                        throws IOException {
                    return on(validator).validatePair(on, training, validation);
                }

                @Override
                public Optional<String> refusal(DatasetValidator validator) {
                    try {
                        SparkDatasetValidator.of(validator);
                        return Optional.empty();
                    } catch (IllegalArgumentException e) {
                        return Optional.of(e.getMessage());
                    }
                }

                private SparkDatasetValidator on(DatasetValidator validator) {
                    SparkDatasetValidator v = SparkDatasetValidator.of(validator);
                    return split != null ? v.withSplitSize(split) : v;
                }
            };
            int exit = VisionJsonl.run(rest.toArray(String[]::new), System.in, out, err, engine);
            if (withFindings && !kept.isEmpty()) {
                Dataset<Row> all = kept.get(0).findings();
                for (int i = 1; i < kept.size(); i++) {
                    all = all.union(kept.get(i).findings());
                }
                try {
                    all.write().parquet(findingsOut);
                } catch (RuntimeException e) {
                    err.println("vision-jsonl: cannot write " + findingsOut + ": " + e.getMessage());
                    return VisionJsonl.USAGE;
                } finally {
                    kept.forEach(SparkValidation::close);
                }
            }
            return exit;
        } catch (IOException e) {
            err.println("vision-jsonl: --findings-out " + findingsOut + ": " + e.getMessage());
            return VisionJsonl.USAGE;
        } finally {
            if (session == null && spark != null) {
                spark.stop();
            }
        }
    }

    private static int usage(PrintWriter err, String message) {
        if (message != null) {
            err.println("vision-jsonl-spark: " + message);
        }
        err.println("Usage: " + USAGE);
        err.println("Run 'vision-jsonl-spark validate --help' for the options of validate; docs/spark.md for Spark.");
        err.flush();
        return message == null ? VisionJsonl.OK : VisionJsonl.USAGE;
    }
}
