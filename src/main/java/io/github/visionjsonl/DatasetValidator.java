package io.github.visionjsonl;

import io.github.visionjsonl.config.ConfigException;
import io.github.visionjsonl.config.ConfigFile;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.internal.engine.LineSplitWriter;
import io.github.visionjsonl.internal.engine.RunLineReader;
import io.github.visionjsonl.internal.engine.RunRecordReader;
import io.github.visionjsonl.internal.engine.Runs;
import io.github.visionjsonl.internal.engine.ValidationRun;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.mltable.MLTableReport;
import io.github.visionjsonl.mltable.MLTableValidation;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.LineReader;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.spi.EngineSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Validates AutoML-for-Images JSON Lines datasets, streaming: a file is read once, line by line,
 * in memory that does not grow with its size.
 *
 * <p>A validator is immutable, thread-safe and meant to be reused: build it once, then validate
 * any number of files from any number of threads.
 *
 * <pre>{@code
 * DatasetValidator validator = DatasetValidator.builder()
 *         .task(Task.IMAGE_OBJECT_DETECTION)
 *         .severity(RuleCode.UNKNOWN_FIELD, Severity.ERROR)
 *         .build();
 * ValidationReport report = validator.validate(Path.of("train.jsonl"));
 * if (!report.isValid()) {
 *     report.findings().forEach(f -> System.err.println(f.format("train.jsonl")));
 * }
 * }</pre>
 */
public final class DatasetValidator {

    /** The default longest line, in bytes: 16 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = ValidatorConfig.DEFAULT_MAX_LINE_LENGTH;
    /** The default count of findings a report keeps. */
    public static final int DEFAULT_MAX_FINDINGS = ValidatorConfig.DEFAULT_MAX_FINDINGS;
    /** The default fewest images per class before {@code few-samples} fires. */
    public static final int DEFAULT_FEW_SAMPLES = ValidatorConfig.DEFAULT_FEW_SAMPLES;
    /** The default largest-to-smallest class ratio before {@code class-imbalance} fires. */
    public static final double DEFAULT_IMBALANCE_RATIO = ValidatorConfig.DEFAULT_IMBALANCE_RATIO;
    /** The default IoU above which two same-class boxes are a {@code duplicate-box}. */
    public static final double DEFAULT_DUPLICATE_BOX_IOU = ValidatorConfig.DEFAULT_DUPLICATE_BOX_IOU;

    private final ValidatorConfig config;
    /** The largest share of annotations training may drop, in percent; NaN for no limit. */
    private final double maxDroppedPercent;

    private DatasetValidator(ValidatorConfig config, double maxDroppedPercent) {
        this.config = config;
        this.maxDroppedPercent = maxDroppedPercent;
    }

    /** A run with the validator's limit on dropped annotations. */
    private ValidationRun limited(ValidationRun run) {
        run.maxDropped(maxDroppedPercent);
        return run;
    }

    /** A validator with the default configuration: task detected, every rule at its default severity. */
    public static DatasetValidator create() {
        return builder().build();
    }

    /** A builder for a configured validator. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This validator's settings, for engines that validate a dataset in parts on several
     * machines ({@link io.github.visionjsonl.spi}); not meant for applications.
     */
    public EngineSettings engineSettings() {
        return new EngineSettings(config.task(), config.severities(), config.disabled(), config.maxFindings(),
                config.failFast(), config.maxLineLength(), config.fewSamples(), config.imbalanceRatio(),
                config.duplicateBoxIou(), config.images() != null, maxDroppedPercent);
    }

    /** The task given to the builder, or {@code null} when it is detected per file. */
    public Task task() {
        return config.task();
    }

    /**
     * Validates a file, plain or gzip-compressed (recognized by content, not by name).
     *
     * @throws IOException when the file cannot be opened or read (missing, a directory, a
     *     corrupt gzip stream); anything wrong in its content is a finding instead
     */
    public ValidationReport validate(Path file) throws IOException {
        try (InputStream in = Runs.open(file)) {
            return validate(in, file.toString());
        }
    }

    /**
     * Validates a file like {@link #validate(Path)}, telling the listener how far it has come a
     * few times a second (on the calling thread) and once at the end.
     *
     * @throws IOException when the file cannot be opened or read
     */
    public ValidationReport validate(Path file, Consumer<Progress> progress) throws IOException {
        try (InputStream in = Runs.open(file)) {
            return validate(in, file.toString(), Files.size(file), progress);
        }
    }

    /**
     * Validates a stream like {@link #validate(InputStream, String)}, telling the listener how
     * far it has come.
     *
     * @param totalBytes the stream's length for the percentage, or -1 when unknown
     * @throws IOException when reading the stream fails
     */
    public ValidationReport validate(InputStream in, String source, long totalBytes, Consumer<Progress> progress)
            throws IOException {
        Objects.requireNonNull(in, "in");
        try (ValidationRun run = limited(new ValidationRun(config, Runs.nonClosing(in), source, false))) {
            run.onProgress(progress, totalBytes);
            run.runToEnd();
            return run.report();
        }
    }

    /**
     * Validates a file and returns its report, or throws when it has an error: one call for a
     * pipeline step or a test that must not go on with a broken dataset.
     *
     * @throws InvalidDatasetException when the file has an error finding; it carries the report
     * @throws IOException when the file cannot be opened or read
     */
    public ValidationReport validateOrThrow(Path file) throws IOException {
        return validateOrThrow(file, Severity.ERROR);
    }

    /**
     * Validates a file and returns its report, or throws when a finding is at least as severe as
     * {@code failOn} ({@link Severity#WARNING} also refuses warnings).
     *
     * @throws InvalidDatasetException when such a finding exists; it carries the report
     * @throws IOException when the file cannot be opened or read
     */
    public ValidationReport validateOrThrow(Path file, Severity failOn) throws IOException {
        ValidationReport report = validate(file);
        if (report.hasFindingsAtLeast(failOn) || report.runtime().exceedsMaxDropped()) {
            throw new InvalidDatasetException(report);
        }
        return report;
    }

    /** Validates a stream, plain or gzip-compressed, named {@code "<stream>"} in the report. */
    public ValidationReport validate(InputStream in) throws IOException {
        return validate(in, "<stream>");
    }

    /**
     * Validates a stream, plain or gzip-compressed. The stream is read to its end but not closed.
     *
     * @param source the name the report gives the input
     * @throws IOException when reading the stream fails
     */
    public ValidationReport validate(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        try (ValidationRun run = limited(new ValidationRun(config, Runs.nonClosing(in), source, false))) {
            run.runToEnd();
            return run.report();
        }
    }

    /**
     * Validates a file like {@link #validate(Path)} and writes its lines to new files as they are
     * judged: the lines without an error finding to {@code split.accepted()}, the others to
     * {@code split.rejected()} with their findings ({@link LineSplit}); the report's
     * {@link ValidationReport#lineVerdicts()} counts them. A line's verdict is final when it is
     * written: findings that only the end of the file shows (no objects, mixed label types, class
     * balance) are about the file and move no line. With image checks, each image is checked
     * as its line is concluded.
     *
     * @throws FileAlreadyExistsException when an output exists (nothing is read)
     * @throws IOException when the file cannot be read or an output cannot be written; then
     *     neither output is left behind
     */
    public ValidationReport validate(Path file, LineSplit split) throws IOException {
        Objects.requireNonNull(split, "split");
        try (InputStream in = Runs.open(file);
                LineSplitWriter writer = new LineSplitWriter(split.accepted(), split.rejected());
                ValidationRun run = limited(Runs.splitting(config, in, file.toString(), writer))) {
            run.runToEnd();
            ValidationReport report = run.report();
            writer.commit();
            return report;
        }
    }

    /**
     * Validates an MLTable data asset (the AutoML v2 layout: a YAML file named {@code MLTable}
     * beside its JSONL and images): the MLTable as the job's loader reads it ({@code paths},
     * {@code read_json_lines}, {@code image_url} converted to {@code stream_info}), with findings
     * at its lines and columns, then every local JSONL file its paths name, each with its own
     * report. With {@code invalid_lines: error} (the default) a {@code json-syntax} finding says
     * that the line fails the whole job; with {@code drop}, that it is dropped.
     *
     * @param path the MLTable file, or the folder that holds it
     * @throws IOException when the MLTable or a file it names cannot be read
     */
    public MLTableReport validateMLTable(Path path) throws IOException {
        return MLTableValidation.validate(path, config::severityOf, this::validate);
    }

    /**
     * Validates a training file and its validation file: each as {@link #validate(Path)} does,
     * and the validation file also against the training file (same images, classes the training
     * file lacks or that have no validation example). The validation file is read with the
     * training file's task unless the validator has one.
     *
     * @throws IOException when either file cannot be opened or read
     */
    public PairReport validatePair(Path training, Path validation) throws IOException {
        try (InputStream t = Runs.open(training); InputStream v = Runs.open(validation)) {
            return validatePair(t, training.toString(), v, validation.toString());
        }
    }

    /**
     * Validates a training stream and its validation stream; see {@link #validatePair(Path, Path)}.
     * The streams are read to their end but not closed.
     *
     * @throws IOException when reading either stream fails
     */
    public PairReport validatePair(InputStream training, String trainingSource, InputStream validation,
            String validationSource) throws IOException {
        return Runs.pair(config, maxDroppedPercent, training, trainingSource, validation, validationSource, null, null);
    }

    /**
     * Validates a training file and its validation file like {@link #validatePair(Path, Path)},
     * handing the verdict on every line of each file (valid or not, with its record when one could
     * be built, and all its findings) to a consumer as it is reached: all of the training file's
     * lines, then the validation file's. For tools that look at lines while the pair is checked
     * (the HTML report's gallery), in the same single pass.
     *
     * @throws IOException when either file cannot be opened or read
     */
    public PairReport validatePair(Path training, Path validation, Consumer<ValidatedLine> trainingLines,
            Consumer<ValidatedLine> validationLines) throws IOException {
        Objects.requireNonNull(trainingLines, "trainingLines");
        Objects.requireNonNull(validationLines, "validationLines");
        try (InputStream t = Runs.open(training); InputStream v = Runs.open(validation)) {
            return Runs.pair(config, maxDroppedPercent, t, training.toString(), v, validation.toString(), trainingLines,
                    validationLines);
        }
    }

    /**
     * Validates a file like {@link #validate(Path)}, handing the verdict on every line to a
     * consumer as it is reached (see {@link #validatePair(Path, Path, Consumer, Consumer)}).
     *
     * @throws IOException when the file cannot be opened or read
     */
    public ValidationReport validateLines(Path file, Consumer<ValidatedLine> eachLine) throws IOException {
        Objects.requireNonNull(eachLine, "eachLine");
        try (InputStream in = Runs.open(file); ValidationRun run = limited(new ValidationRun(config, in, file.toString(), true))) {
            Runs.runToEnd(run, eachLine);
            return run.report();
        }
    }

    /**
     * Validates one line on its own, as line 1 of a file. With no task configured, the task is
     * detected from this line alone.
     */
    public ValidatedLine validateLine(String line) {
        Objects.requireNonNull(line, "line");
        try {
            ValidationRun run = new ValidationRun(config, null, "<line>", true);
            return run.single(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("no input is read for a single line", e);
        }
    }

    /**
     * Opens a file for iteration over its valid records; the reader's report is complete once
     * the iteration ends.
     *
     * @throws IOException when the file cannot be opened
     */
    public RecordReader<ImageRecord> records(Path file) throws IOException {
        return records(file, ImageRecord.class);
    }

    /**
     * Opens a file for iteration over its valid records of one type. Asking for a concrete
     * record type fixes the task: {@code DetectionRecord.class} reads the file as
     * {@link Task#IMAGE_OBJECT_DETECTION}.
     *
     * @throws IOException when the file cannot be opened
     * @throws IllegalArgumentException when the type contradicts the validator's task
     */
    public <R extends ImageRecord> RecordReader<R> records(Path file, Class<R> type) throws IOException {
        InputStream in = Runs.open(file);
        try {
            return records(in, file.toString(), type);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Iterates the valid records of a stream; closing the reader closes the stream.
     *
     * @throws IllegalArgumentException when the type contradicts the validator's task
     */
    public <R extends ImageRecord> RecordReader<R> records(InputStream in, String source, Class<R> type)
            throws IOException {
        Task wanted = Runs.taskOf(type);
        ValidatorConfig runConfig = config;
        if (wanted != null) {
            if (config.task() != null && config.task() != wanted) {
                throw new IllegalArgumentException(type.getSimpleName() + " is " + wanted + " but the validator's task is "
                        + config.task());
            }
            runConfig = config.toBuilder().task(wanted).build();
        }
        return new RunRecordReader<>(limited(new ValidationRun(runConfig, in, source, true)), type);
    }

    /**
     * Iterates the verdict on every line of a stream, valid or not (each with its record when
     * one could be built, and its findings); closing the reader closes the stream.
     */
    public LineReader lines(InputStream in, String source) throws IOException {
        return new RunLineReader(limited(new ValidationRun(config, in, source, true)));
    }

    /** Configures a {@link DatasetValidator}. Not thread-safe; the validators it builds are. */
    public static final class Builder {
        private final ValidatorConfig.Builder settings = ValidatorConfig.builder();
        private double maxDroppedPercent = Double.NaN;

        private Builder() {
        }

        /**
         * The largest share of the annotations (boxes, polygon instances, or images for
         * classification), in percent, that training may drop
         * ({@link io.github.visionjsonl.report.RuntimeView}); a file over it is invalid whatever
         * the severities of the rules that drop them. Default: no limit.
         *
         * @throws IllegalArgumentException when not in [0, 100]
         */
        public Builder maxDropped(double percent) {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("maxDropped must be in [0, 100], was " + percent);
            }
            this.maxDroppedPercent = percent;
            return this;
        }

        /**
         * How many threads parse and check the lines of one file (default 1), the calling thread
         * among them: reading, the order of lines and findings, and the checks across lines stay
         * on it, and it checks batches of lines while the next one it needs is not done; a pool
         * has the others. The report is the same for any count.
         *
         * @throws IllegalArgumentException when not in [1, 64]
         */
        public Builder threads(int count) {
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("threads must be in [1, 64], was " + count);
            }
            settings.threads(count);
            return this;
        }

        /**
         * Checks the image files too: that each exists under the given folder, is the format and
         * size the line says, is complete, not EXIF-rotated and not tiny. {@code null} (the
         * default) checks the lines only.
         */
        public Builder images(ImageOptions options) {
            settings.images(options);
            return this;
        }

        /**
         * The fewest images a class may have before {@code few-samples} fires (default 5).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder fewSamples(int threshold) {
            if (threshold < 0) {
                throw new IllegalArgumentException("fewSamples must be >= 0, was " + threshold);
            }
            settings.fewSamples(threshold);
            return this;
        }

        /**
         * The ratio of the largest to the smallest class (in images) above which
         * {@code class-imbalance} fires (default 50).
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder imbalanceRatio(double ratio) {
            if (!(ratio >= 1)) {
                throw new IllegalArgumentException("imbalanceRatio must be >= 1, was " + ratio);
            }
            settings.imbalanceRatio(ratio);
            return this;
        }

        /**
         * The IoU above which two boxes of the same class in one image are a {@code duplicate-box}
         * (default 0.95).
         *
         * @throws IllegalArgumentException when not in (0, 1]
         */
        public Builder duplicateBoxIou(double iou) {
            if (!(iou > 0 && iou <= 1)) {
                throw new IllegalArgumentException("duplicateBoxIou must be in (0, 1], was " + iou);
            }
            settings.duplicateBoxIou(iou);
            return this;
        }

        /**
         * Applies a configuration file ({@code vision-jsonl.yaml}, see {@link ConfigFile}): its task,
         * rules, thresholds, max-findings, images and threads; calls after this one override it.
         *
         * @throws ConfigException when the file is not a valid
         *     configuration (the message names the key and its line)
         * @throws IOException when it cannot be read
         */
        public Builder config(Path file) throws IOException {
            ConfiguredSettings.apply(ConfigFile.read(file), this);
            return this;
        }

        /** Fixes the task instead of detecting it; {@code null} detects it (the default). */
        public Builder task(Task task) {
            settings.task(task);
            return this;
        }

        /** Gives a rule another severity (and turns it back on if it was off). */
        public Builder severity(RuleCode rule, Severity severity) {
            settings.severity(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(severity, "severity"));
            return this;
        }

        /** Turns a rule off: its findings are neither kept nor counted. */
        public Builder disable(RuleCode rule) {
            settings.disable(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * How many findings a report keeps (default 1000); all are still counted.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 0) {
                throw new IllegalArgumentException("maxFindings must be >= 0, was " + maxFindings);
            }
            settings.maxFindings(maxFindings);
            return this;
        }

        /** Whether to stop reading at the first line with an error (default false). */
        public Builder failFast(boolean failFast) {
            settings.failFast(failFast);
            return this;
        }

        /**
         * The longest line read, in bytes (default 16 MiB); a longer line is a
         * {@code line-too-long} finding and is skipped without being held in memory.
         *
         * @throws IllegalArgumentException when not positive or above 1 GiB
         */
        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength <= 0 || maxLineLength > (1 << 30)) {
                throw new IllegalArgumentException("maxLineLength must be in [1, 2^30], was " + maxLineLength);
            }
            settings.maxLineLength(maxLineLength);
            return this;
        }

        /** Builds the validator: cheap, immutable, reusable from any thread. */
        public DatasetValidator build() {
            return new DatasetValidator(settings.build(), maxDroppedPercent);
        }
    }
}
