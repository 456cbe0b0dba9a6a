package io.github.visionjsonl.spark;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.spi.DatastoreSightings;
import io.github.visionjsonl.spi.DatastoreStart;
import io.github.visionjsonl.spi.EngineSettings;
import io.github.visionjsonl.spi.PartShare;
import io.github.visionjsonl.spi.Parts;
import io.github.visionjsonl.spi.TaskStart;
import io.github.visionjsonl.spi.Training;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Validates a dataset on Apache Spark with the core's rules, giving the report
 * {@link DatasetValidator#validate(java.nio.file.Path)} gives on one machine, byte for byte.
 *
 * <pre>{@code
 * ValidationReport report = SparkDatasetValidator.of(DatasetValidator.create())
 *         .validate(spark, "abfss://data@account.dfs.core.windows.net/train/");
 * }</pre>
 *
 * <p>The paths are files, folders (their files by name, e.g. a Spark job's {@code part-*}
 * output) or globs, read through Hadoop's file systems; together they are one dataset, their
 * lines in turn, numbered across the files as {@code cat} would. Each file is cut into byte
 * ranges (a gzip file is one) read by the core's per-line engine on the executors with exact
 * line numbers (a first pass counts each range's lines). The images' fingerprints are brought
 * together by a shuffle, never on the driver: a range with lines that repeat an image of an
 * earlier line is read again knowing those lines, so duplicates and conflicting labels are the
 * core's findings; the class rules run on the driver over the merged class counts.
 *
 * <p>{@link #validatePair} validates a training and a validation dataset as
 * {@link DatasetValidator#validatePair(java.nio.file.Path, java.nio.file.Path)} does, the leaks
 * found by a join on the image fingerprint.
 *
 * <p>Image files are not checked ({@code images}), and {@code failFast}, an order no range can
 * know, is refused. Immutable and thread-safe; the work is Spark's.
 */
public final class SparkDatasetValidator {

    private final EngineSettings settings;
    private final long splitSize;

    private SparkDatasetValidator(EngineSettings settings, long splitSize) {
        this.settings = settings;
        this.splitSize = splitSize;
    }

    /**
     * The validator's settings, on Spark.
     *
     * @throws IllegalArgumentException when it checks image files or stops at the first error
     */
    public static SparkDatasetValidator of(DatasetValidator validator) {
        EngineSettings settings = validator.engineSettings();
        if (settings.images()) {
            throw new IllegalArgumentException("image files are not checked on Spark (images)");
        }
        if (settings.failFast()) {
            throw new IllegalArgumentException("failFast stops at the first error in line order, which no part can know");
        }
        return new SparkDatasetValidator(settings, 0);
    }

    /**
     * The same validator cutting files into ranges of this many bytes (default: a whole number
     * of ranges of at most 128 MB per core).
     */
    public SparkDatasetValidator withSplitSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("splitSize must be at least 1, was " + bytes);
        }
        return new SparkDatasetValidator(settings, bytes);
    }

    /**
     * Validates the dataset the paths make.
     *
     * @throws IOException when a file cannot be read, as the core throws it
     *     ({@link java.nio.file.NoSuchFileException} for a missing one); bad content is a finding
     */
    public ValidationReport validate(SparkSession spark, String... paths) throws IOException {
        try (SparkValidation v = run(spark, false, paths)) {
            return v.report();
        }
    }

    /** Validates the dataset and keeps every finding as a {@code Dataset<Row>}; close the result when done. */
    public SparkValidation validateWithFindings(SparkSession spark, String... paths) throws IOException {
        return run(spark, true, paths);
    }

    /**
     * Validates a training dataset and its validation dataset as
     * {@link DatasetValidator#validatePair(java.nio.file.Path, java.nio.file.Path)} does: each gets
     * every check, and the validation dataset (read with the training file's task) is also
     * checked against the training one (leaks by a join on the image fingerprint, unseen and
     * missing classes, a validation set mostly leaked).
     */
    public PairReport validatePair(SparkSession spark, String training, String validation) throws IOException {
        Validated trained = run(spark, false, null, true, training);
        try {
            Task task = trained.validation().report().task();
            SparkDatasetValidator forValidation = settings.task() == null && task != null
                    ? new SparkDatasetValidator(settings.withTask(task), splitSize) : this;
            Against against = new Against(Training.of(trained.validation().report()), trained.images(), trained.buckets());
            try (SparkValidation checked = forValidation.run(spark, false, against, false, validation).validation()) {
                return new PairReport(trained.validation().report(), checked.report());
            }
        } finally {
            trained.images().unpersist(false);
            trained.validation().close();
        }
    }

    /** What a validation dataset is checked against: its training dataset's classes and images (by bucket). */
    private record Against(Training training, JavaPairRDD<Integer, PartTasks.FactChunk> images, int buckets) {
    }

    /** A validation, with its images by bucket when they are kept for a pair. */
    private record Validated(SparkValidation validation, JavaPairRDD<Integer, PartTasks.FactChunk> images, int buckets) {
    }

    private SparkValidation run(SparkSession spark, boolean withFindings, String... paths) throws IOException {
        return run(spark, withFindings, null, false, paths).validation();
    }

    private Validated run(SparkSession spark, boolean withFindings, Against against, boolean keepImages,
            String... paths) throws IOException {
        if (paths.length == 0) {
            throw new IllegalArgumentException("no path to validate");
        }
        String source = String.join(", ", paths);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        try {
            List<InputPlan.InputFile> files = InputPlan.files(conf.get(), paths);
            long split = splitSize > 0 ? splitSize : InputPlan.splitSize(files, jsc.defaultParallelism());
            List<Piece> ranges = InputPlan.ranges(files, split);
            List<Long> counted = ranges.isEmpty() ? List.of()
                    : jsc.parallelize(ranges, ranges.size()).map(r -> RangeInput.countLines(conf, r)).collect();
            long[] counts = counted.stream().mapToLong(Long::longValue).toArray();
            TaskStart task = detectTask(conf, files, ranges, counts);
            List<Segment> segments = InputPlan.segments(ranges, counts, task.line());
            return validate(spark, jsc, conf, source, task, segments, withFindings, against, keepImages);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Spark throws its SparkException (a checked exception) undeclared.
            IOException io = unwrap(e);
            if (io == null && e instanceof RuntimeException r) {
                throw r;
            }
            throw io != null ? io : new IOException(e.getMessage(), e);
        }
    }

    private TaskStart detectTask(HadoopConf conf, List<InputPlan.InputFile> files, List<Piece> ranges, long[] counts)
            throws IOException {
        List<Piece> whole = new ArrayList<>();
        for (InputPlan.InputFile f : files) {
            if (f.length() > 0) {
                whole.add(new Piece(f.name(), f.path(), 0, f.length(), f.gzip(), 0));
            }
        }
        if (whole.isEmpty()) {
            return Parts.detectTask(settings, InputStream.nullInputStream());
        }
        try (InputStream in = new Joined(conf, whole)) {
            return Parts.detectTask(settings, in);
        }
    }

    /** What the driver tells a part it reads again, besides its lines' repeats and leaks. */
    private record Told(Segment segment, DatastoreStart datastores, Set<String> unseenBefore,
            boolean again) implements java.io.Serializable {
    }

    private Validated validate(SparkSession spark, JavaSparkContext jsc, HadoopConf conf, String source,
            TaskStart task, List<Segment> segments, boolean withFindings, Against against, boolean keepImages)
            throws IOException {
        EngineSettings s = settings;
        Training training = against == null ? null : against.training();
        int n = segments.size();
        JavaRDD<SegmentOutput> first = jsc.parallelize(segments, Math.max(1, n))
                .map(seg -> PartTasks.read(conf, s, source, task, seg, null, withFindings, training))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<PartTasks.Summary> firstSummaries = new ArrayList<>(first.map(PartTasks.Summary::of).collect());
        firstSummaries.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<DatastoreSightings> sightings = firstSummaries.stream().map(PartTasks.Summary::sightings).toList();
        List<DatastoreStart> datastores = Parts.datastoreStarts(s, sightings);
        long[] starts = segments.stream().mapToLong(Segment::linesBefore).toArray();
        // The images meet by fingerprint in buckets (a shuffle), never on the driver.
        int buckets = against != null ? against.buckets() : Math.max(1, n);
        JavaPairRDD<Integer, PartTasks.FactChunk> images = first
                .flatMapToPair(o -> PartTasks.chunks(o, buckets))
                .partitionBy(new HashPartitioner(buckets));
        if (keepImages || against != null) {
            images = images.persist(StorageLevel.MEMORY_AND_DISK());
        }
        JavaPairRDD<Integer, Iterable<long[]>> repeats = images
                .mapPartitionsToPair(bucket -> PartTasks.repeats(bucket))
                .groupByKey();
        JavaPairRDD<Integer, Iterable<long[]>> leaks = against == null ? jsc.parallelizePairs(
                new ArrayList<Tuple2<Integer, long[]>>(), 1).groupByKey()
                : images.zipPartitions(against.images(), PartTasks::leaks)
                        .mapToPair(t -> t).groupByKey();
        List<Tuple2<Integer, Told>> keyed = new ArrayList<>();
        Set<String> unseen = new HashSet<>();
        for (Segment seg : segments) {
            List<String> reported = firstSummaries.get(seg.id()).unseenNames();
            // A class a part reported as unseen, already reported before it, makes it read again.
            boolean again = datastores.get(seg.id()).reports() || reported.stream().anyMatch(unseen::contains);
            keyed.add(new Tuple2<>(seg.id(), new Told(seg, datastores.get(seg.id()), Set.copyOf(unseen), again)));
            unseen.addAll(reported);
        }
        JavaRDD<SegmentOutput> second = jsc.parallelizePairs(keyed, Math.max(1, n))
                .leftOuterJoin(repeats)
                .leftOuterJoin(leaks)
                .filter(t -> t._2()._1()._2().isPresent() || t._2()._2().isPresent() || t._2()._1()._1().again())
                .map(t -> {
                    Told told = t._2()._1()._1();
                    return PartTasks.read(conf, s, source, task, told.segment(),
                            PartTasks.knowledge(t._2()._1()._2().orElse(List.of()), t._2()._2().orElse(List.of()),
                                    told.datastores(), told.unseenBefore()), withFindings, training);
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<PartTasks.Summary> again = second.map(PartTasks.Summary::of).collect();
        PartShare[] partials = new PartShare[n];
        for (PartTasks.Summary summary : firstSummaries) {
            partials[summary.id()] = summary.partial();
        }
        Set<Integer> readAgain = new HashSet<>();
        for (PartTasks.Summary summary : again) {
            partials[summary.id()] = summary.partial();
            readAgain.add(summary.id());
        }
        List<PartShare> ordered = Arrays.asList(partials);
        ValidationReport report = Parts.assemble(s, source, task, ordered, training);
        Dataset<Row> findings;
        if (withFindings) {
            List<FindingRow> wholeFile = new ArrayList<>();
            for (Finding f : Parts.wholeFileFindings(s, source, task, ordered, training)) {
                wholeFile.add(f.line() == 0 ? FindingRow.of(source, 0, f)
                        : FindingRow.of(segments.get(segmentOf(starts, f.line())), f));
            }
            JavaRDD<Row> rows = first.filter(o -> !readAgain.contains(o.id()))
                    .union(second)
                    .flatMap(o -> o.findings().iterator())
                    .union(jsc.parallelize(wholeFile, 1))
                    .map(FindingRow::toRow);
            findings = spark.createDataFrame(rows, FindingRow.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
            findings.count();
        } else {
            findings = spark.emptyDataFrame();
        }
        if (!keepImages) {
            images.unpersist(false);
        }
        first.unpersist(false);
        second.unpersist(false);
        return new Validated(new SparkValidation(report, findings), images, buckets);
    }

    /** The part of a line, by the count of lines before each part. */
    static int segmentOf(long[] starts, long line) {
        int i = Arrays.binarySearch(starts, line - 1);
        if (i >= 0) {
            // parts of no lines share their start with the next: the line is in the last of them
            while (i + 1 < starts.length && starts[i + 1] == line - 1) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** The I/O failure a task met, as the core would throw it; null when there is none. */
    private static IOException unwrap(Throwable e) {
        if (!(e instanceof SparkException) && !(e.getCause() instanceof SparkException)) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
        }
        return null;
    }
}
