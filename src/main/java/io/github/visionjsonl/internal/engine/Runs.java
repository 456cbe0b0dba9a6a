package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** How the validator's calls become runs: the inputs they read, the task a record type fixes, a pair of runs. */
public final class Runs {

    private Runs() {
    }

    /**
     * A run that writes every line to the accepted or the rejected output as its verdict is
     * concluded ({@link LineSplitWriter}); committing the outputs is the caller's.
     */
    public static ValidationRun splitting(ValidatorConfig config, InputStream in, String source, LineSplitWriter split)
            throws IOException {
        return new ValidationRun(config, in, source, false, null, false, split);
    }

    /** A run over the training file of a pair: it keeps what the validation file is checked against. */
    static ValidationRun training(ValidatorConfig config, InputStream in, String source, boolean yieldLines)
            throws IOException {
        return new ValidationRun(config, in, source, yieldLines, null, true, null);
    }

    /** Opens a file to validate; a folder is refused with a message that says so. */
    public static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a JSONL file");
        }
        return Files.newInputStream(file);
    }

    /** A caller's stream that the run reads to its end but leaves open: the caller opened it, the caller closes it. */
    public static InputStream nonClosing(InputStream in) {
        return new NonClosing(in);
    }

    /** The task a concrete record type fixes, or null for {@link ImageRecord}. */
    public static Task taskOf(Class<? extends ImageRecord> type) {
        if (type == ClassificationRecord.class) {
            return Task.IMAGE_CLASSIFICATION;
        } else if (type == MultiLabelRecord.class) {
            return Task.IMAGE_CLASSIFICATION_MULTILABEL;
        } else if (type == DetectionRecord.class) {
            return Task.IMAGE_OBJECT_DETECTION;
        } else if (type == SegmentationRecord.class) {
            return Task.IMAGE_INSTANCE_SEGMENTATION;
        }
        return null;
    }

    /** Reads a run to its end, handing every line's verdict to {@code eachLine} unless it is null. */
    public static void runToEnd(ValidationRun run, Consumer<ValidatedLine> eachLine) throws IOException {
        if (eachLine == null) {
            run.runToEnd();
            return;
        }
        for (ValidatedLine line = run.next(); line != null; line = run.next()) {
            eachLine.accept(line);
        }
    }

    /**
     * Validates a training stream, then its validation stream against it, the latter with the
     * training file's task unless the configuration has one; the streams are left open.
     *
     * @param maxDroppedPercent the largest share of annotations training may drop, NaN for no limit
     * @param trainingLines told every training line's verdict, or null
     * @param validationLines told every validation line's verdict, or null
     */
    public static PairReport pair(ValidatorConfig config, double maxDroppedPercent, InputStream training,
            String trainingSource, InputStream validation, String validationSource, Consumer<ValidatedLine> trainingLines,
            Consumer<ValidatedLine> validationLines) throws IOException {
        try (ValidationRun train = Runs.training(config, nonClosing(training), trainingSource,
                trainingLines != null)) {
            train.maxDropped(maxDroppedPercent);
            runToEnd(train, trainingLines);
            ValidationReport trainReport = train.report();
            ValidatorConfig validationConfig = config.task() == null && trainReport.task() != null
                    ? config.toBuilder().task(trainReport.task()).build() : config;
            try (ValidationRun val = ValidationRun.againstTraining(validationConfig, nonClosing(validation),
                    validationSource, train, validationLines != null)) {
                val.maxDropped(maxDroppedPercent);
                runToEnd(val, validationLines);
                return new PairReport(trainReport, val.report());
            }
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
