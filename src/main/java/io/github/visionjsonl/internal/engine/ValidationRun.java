package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.internal.dataset.CrossLines;
import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.dataset.DatastoreMix;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.findings.LineHash;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.PendingFinding;
import io.github.visionjsonl.internal.findings.RuntimeTally;
import io.github.visionjsonl.internal.imagefiles.ImageContentChecks;
import io.github.visionjsonl.internal.imagefiles.ImageVerification;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.reading.internal.LineSource;
import io.github.visionjsonl.reading.internal.PointerLocator;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pass over one input. Lines are examined by {@link LineWork} (on this thread, or on a pool
 * with {@code threads > 1}) and merged here in line order: the task is decided, findings are
 * counted and kept, the checks across lines and the images see every record. Not thread-safe; a
 * validator starts one run per input.
 */
public final class ValidationRun implements Closeable {

    /** Leading {@code label: []} lines held back until a record tells the task. */
    private static final int MAX_PENDING = 10_000;

    private final ValidatorConfig config;
    private final String source;
    private final LineSource lines;
    private final boolean yieldLines;
    private final FindingCollector findings;
    private final DatasetChecks dataset;
    private final DatastoreMix datastores;
    private final ImageVerification images;
    /** The image-content rules, when the images' pixels are looked at. */
    private final ImageContentChecks content;
    private final LineWork work;
    private final ParallelLines parallel;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ArrayDeque<ValidatedLine> ready = new ArrayDeque<>();
    /** Statistics of records counted here: {@code label: []} lines, typed once the task is known. */
    private final RecordStats ownStats = new RecordStats();
    /** What training would keep, counted from the findings. */
    private final RuntimeTally runtime = new RuntimeTally();
    /** Accepted, rejected and blank lines, written to the split outputs when there are any. */
    private final LineOutcomes outcomes;
    /** Whether the findings of each line are gathered (to yield lines, or to write rejected ones). */
    private final boolean perLine;
    private double maxDroppedPercent = Double.NaN;

    private Task task;
    private long taskLine;
    private long lineCount;
    /** Lines whose length foretells the input's count of lines, and their bytes. */
    private static final int SIZE_SAMPLE_LINES = 1024;
    private long sampledBytes;
    private long records;
    private long validRecords;
    private boolean stopped;
    private boolean finished;
    private LineResult current;
    /** The line whose hash {@link #currentHash} is (0 for none), computed for its first kept finding. */
    private long hashedLine;
    private long currentHash;
    /** A line read before the current one whose finding is being reported, with its hash. */
    private long earlierLine;
    private long earlierHash;

    /** Whether this run reads a part of an input, whose whole-file checks are the assembly's. */
    private final boolean part;

    private Consumer<Progress> progress;
    private long totalBytes = -1;
    private long startNanos;
    private long lastProgress;

    /**
     * A {@code label: []} line read before the task was known, with its first error that drops
     * the record for training, its bytes when lines are split, and the hash of its bytes.
     */
    private record Pending(long line, DetectionRecord record, boolean hadError, List<Finding> findings,
            RuleCode drop, byte[] bytes, long hash) {
    }

    /**
     * @param in the input, or {@code null} for {@link #single}
     * @param yieldLines whether {@link #next()} is used: findings are then kept per line too
     */
    public ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines)
            throws IOException {
        this(config, in, source, yieldLines, null, false, null);
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
    public static ValidationRun training(ValidatorConfig config, InputStream in, String source, boolean yieldLines)
            throws IOException {
        return new ValidationRun(config, in, source, yieldLines, null, true, null);
    }

    /** A run over a validation file that is also checked against a training file already read. */
    public static ValidationRun againstTraining(ValidatorConfig config, InputStream in, String source,
            ValidationRun training, boolean yieldLines) throws IOException {
        ValidationRun run = new ValidationRun(config, in, source, yieldLines, training.dataset.asTraining(training.source),
                false, null);
        if (run.content != null && training.content != null) {
            run.content.againstTraining(training.content.asTraining());
        }
        return run;
    }

    private ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines,
            DatasetChecks.TrainingSide training, boolean asTraining, LineSplitWriter split) throws IOException {
        this(config, in == null ? null : new LineSource(in, config.maxLineLength()), source, yieldLines, training,
                asTraining, split, null);
    }

    /**
     * A run over one part of an input read in parts on several machines: its first line is the
     * line after {@code lines}' start, the task is the input's ({@code null} while unknown:
     * then it is detected here, as in a whole run), and the checks across lines go through
     * {@code cross}. What only the whole input shows is left to the {@link #assembly}.
     *
     * @param taskLine the line the task was detected from (for messages), 0 when given
     * @param training for a part of a validation file, its training file (its images are told
     *     through {@code cross}), else null
     */
    public static ValidationRun part(ValidatorConfig config, LineSource lines, String source, Task task, long taskLine,
            boolean yieldLines, CrossLines cross, DatasetChecks.TrainingSide training) throws IOException {
        ValidationRun run = new ValidationRun(config, lines, source, yieldLines, training, false, null, cross);
        if (run.task == null && task != null) {
            run.task = task;
            run.taskLine = taskLine;
        }
        return run;
    }

    /**
     * A run that reads no line: it absorbs the {@link Partial}s of an input's parts, in order,
     * then makes the checks of the whole file and the report ({@link #assemble()}).
     */
    public static ValidationRun assembly(ValidatorConfig config, String source, Task task, long taskLine,
            double maxDroppedPercent, DatasetChecks.TrainingSide training) throws IOException {
        ValidationRun run = new ValidationRun(config, null, source, false, training, false, null, CrossLines.assembly());
        run.task = task;
        run.taskLine = taskLine;
        run.maxDropped(maxDroppedPercent);
        return run;
    }

    private ValidationRun(ValidatorConfig config, LineSource lines, String source, boolean yieldLines,
            DatasetChecks.TrainingSide training, boolean asTraining, LineSplitWriter split, CrossLines cross)
            throws IOException {
        this.config = config;
        this.source = source;
        this.lines = lines;
        this.part = cross != null && lines != null;
        this.yieldLines = yieldLines;
        this.outcomes = new LineOutcomes(split);
        this.perLine = yieldLines || split != null;
        this.findings = new FindingCollector(config, perLine, runtime, this::lineHash);
        this.task = config.task();
        this.images = config.images() == null ? null : new ImageVerification(config.images());
        this.content = config.images() == null || config.images().content() == null ? null
                : new ImageContentChecks(config.images().content(), findings);
        DatasetChecks.Line currentLine = new DatasetChecks.Line() {
            @Override
            public long number() {
                return findings.line();
            }

            @Override
            public int column(String pointer) {
                return columnOf(pointer);
            }

            @Override
            public int jsonIndex(int recordIndex) {
                return current.jsonIndex(recordIndex);
            }
        };
        this.dataset = new DatasetChecks(config, findings, currentLine, training, asTraining, cross);
        this.datastores = new DatastoreMix(config, findings, currentLine, cross);
        this.work = new LineWork(config, dataset.needsFingerprints());
        this.parallel = lines != null && config.threads() > 1
                ? new ParallelLines(config, lines, dataset.needsFingerprints()) : null;
    }

    /**
     * Reports progress to the listener a few times a second while reading.
     *
     * @param totalBytes the input's size, or -1 when unknown
     */
    public void onProgress(Consumer<Progress> listener, long totalBytes) {
        this.progress = listener;
        this.totalBytes = totalBytes;
    }

    /**
     * Once the first lines are read, tells the duplicate index how many lines the input will
     * have, from its size (when the stream tells it) and the length of those lines.
     */
    private void expectLines(LineResult r) {
        sampledBytes += Math.max(r.length, r.skippedLength) + 1;
        if (lineCount == SIZE_SAMPLE_LINES && lines != null) {
            long size = lines.sizeHint();
            if (size > 0) {
                dataset.expectLines(size / Math.max(1, sampledBytes / SIZE_SAMPLE_LINES));
            }
        }
    }

    /**
     * Sets the largest share of annotations, in percent, that training may drop before the
     * report is invalid ({@link io.github.visionjsonl.report.RuntimeView#exceedsMaxDropped()});
     * {@link Double#NaN} for no limit.
     */
    public void maxDropped(double percent) {
        this.maxDroppedPercent = percent;
    }

    /** Reads the whole input. */
    public void runToEnd() throws IOException {
        startNanos = System.nanoTime();
        while (advance()) {
            ready.clear();
            if (progress != null && (lineCount & 0xFFF) == 0) {
                long now = System.nanoTime();
                if (now - lastProgress > 250_000_000L) {
                    lastProgress = now;
                    progress.accept(progress(now));
                }
            }
        }
        if (progress != null) {
            progress.accept(progress(System.nanoTime()));
        }
    }

    private Progress progress(long now) {
        return new Progress(lineCount, records, lines.bytesRead(), totalBytes, now - startNanos);
    }

    /** The next line's verdict, or {@code null} after the last line. Only when yielding lines. */
    public ValidatedLine next() throws IOException {
        while (ready.isEmpty()) {
            if (!advance()) {
                return null;
            }
        }
        return ready.poll();
    }

    /** Validates a single line given as bytes, as line 1 of an input of its own. */
    public ValidatedLine single(byte[] line) {
        int start = 0;
        int length = line.length;
        boolean bom = length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF;
        if (bom) {
            start = 3;
            length -= 3;
        }
        long skipped = length > config.maxLineLength() ? length : -1;
        merge(work.process(1, line, start, skipped >= 0 ? 0 : length, skipped, bom, false));
        resolvePending();
        finished = true;
        return ready.poll();
    }

    /** Merges one more line; false when the input is done. */
    private boolean advance() throws IOException {
        if (finished) {
            return false;
        }
        LineResult r = stopped ? null : nextResult();
        if (r == null) {
            finish();
            return !ready.isEmpty();
        }
        merge(r);
        if (images != null && !yieldLines) {
            drainImages();
        }
        return true;
    }

    private LineResult nextResult() throws IOException {
        if (parallel != null) {
            return parallel.next();
        }
        if (!lines.next()) {
            return null;
        }
        return work.process(lines.lineNumber(), lines.buffer(), lines.start(), lines.length(), lines.dataEnd(),
                lines.epoch(), lines.tooLong() ? lines.skippedLength() : -1, lines.lineNumber() == 1 && lines.byteOrderMark(),
                !lines.highBytes());
    }

    // ---- merging, in line order -------------------------------------------------------------

    private void merge(LineResult r) {
        current = r;
        lineCount++;
        if (lineCount <= SIZE_SAMPLE_LINES) {
            expectLines(r);
        }
        findings.startLine(r.line);
        if (r.byteOrderMark) {
            findings.report(RuleCode.BYTE_ORDER_MARK, null, "", 1, "byte-order-mark");
        }
        apply(r.lineFindings, r.lineOverCap, r.lineDropsOverCap);
        if (r.kind != LineResult.Kind.BLANK) {
            records++;
        }
        if (r.kind != LineResult.Kind.OBJECT || r.record == null) {
            finishLine(null);
            return;
        }
        LabelShape shape = r.shape;
        if (task == null) {
            if (shape == LabelShape.EMPTY_LIST) {
                hold(r);
                return;
            }
            // Objects without boxes or polygons tell no task: judged as detection until one is known.
            task = shape.task();
            taskLine = r.line;
        }
        if (task != null && !shape.fits(task)) {
            findings.report(RuleCode.TASK_MISMATCH, null, "/label", columnOf("/label"), "task-mismatch",
                    "actual", shape.describe(), "shape", shape == LabelShape.EMPTY_LIST ? "no class"
                            : shape == LabelShape.OBJECTS ? "image-object-detection or image-instance-segmentation"
                            : shape.task().sdkName(),
                    "task", task.sdkName(), "origin", origin());
            finishLine(null);
            return;
        }
        if (task != null && !pending.isEmpty()) {
            resolvePending();
        }
        boolean asSegmentation = r.segmentationRecord != null && task == Task.IMAGE_INSTANCE_SEGMENTATION;
        if (asSegmentation) {
            apply(r.segmentationFindings, r.segmentationOverCap, r.segmentationDropsOverCap);
        } else {
            apply(r.recordFindings, r.recordOverCap, r.recordDropsOverCap);
        }
        ImageRecord record = asSegmentation ? r.segmentationRecord : r.record;
        if (shape == LabelShape.EMPTY_LIST && record.task() != task) {
            record = retypeEmpty((DetectionRecord) record);
            if (task == Task.IMAGE_CLASSIFICATION_MULTILABEL) {
                findings.report(RuleCode.LABEL_LIST_EMPTY, null, "/label", columnOf("/label"), "label-list-empty");
            }
        }
        // A retyped record's label hash is its own.
        dataset.checkLine(record, r.fingerprint, record == r.record ? r.labelHash : DatasetChecks.labelHash(record));
        datastores.check(record.imageUrl(), r.datastoreHash, r.workspaceHash);
        finishLine(record, r.counted && record == r.record);
    }

    /** Counts and keeps a worker's findings, now that their order is known. */
    private void apply(List<PendingFinding> pendingFindings, int[] overCap, List<PendingFinding> dropsOverCap) {
        if (pendingFindings != null) {
            for (PendingFinding f : pendingFindings) {
                runtime.finding(f.rule(), f.messageKey(), f.pointer());
                findings.count(f.rule(), f.severity());
                if (findings.keeps()) {
                    int column = f.column() >= 0 ? f.column() : columnOf(f.pointer());
                    findings.keep(new Finding(findings.line(), column, f.pointer(), f.rule(), f.severity(),
                            Messages.format(f.messageKey(), f.params()), findings.lineHash(findings.line())));
                }
            }
        }
        if (overCap != null) {
            // Findings past the line's cap followed every held one: they are counted, never kept.
            RuleCode[] rules = RuleCode.values();
            Severity[] severities = Severity.values();
            for (int i = 0; i < overCap.length; i++) {
                if (overCap[i] > 0) {
                    findings.count(rules[i / 3], severities[i % 3], overCap[i]);
                }
            }
            if (dropsOverCap != null) {
                for (PendingFinding f : dropsOverCap) {
                    runtime.finding(f.rule(), f.messageKey(), f.pointer());
                }
            }
        }
    }


    private int columnOf(String pointer) {
        LineResult r = current;
        int column = r.plain ? PointerLocator.plainColumn(r.buf, r.start, r.length, pointer) : -1;
        return column > 0 ? column : PointerLocator.column(config.jsonFactory(), r.buf, r.start, r.length, pointer);
    }

    /**
     * The hash of a line's bytes: the current line's (hashed once, for its first kept finding),
     * an earlier line's whose finding is being reported now, else 0: its bytes are gone, as
     * for the findings of the checks at the end of the file.
     */
    private long lineHash(long line) {
        if (line == earlierLine && earlierLine > 0) {
            return earlierHash;
        }
        LineResult r = current;
        if (finished || r == null || line != r.line) {
            // Past the end the reader may have reused the last line's buffer.
            return 0;
        }
        if (hashedLine != line) {
            currentHash = LineHash.of(r.buf, r.start, r.length);
            hashedLine = line;
        }
        return currentHash;
    }

    private String origin() {
        return config.task() != null ? " (as given)" : " (detected from line " + taskLine + ")";
    }

    /** A {@code label: []} record checked as detection, as the record of the file's task. */
    private ImageRecord retypeEmpty(DetectionRecord record) {
        return switch (task) {
            case IMAGE_CLASSIFICATION_MULTILABEL -> new MultiLabelRecord(record.imageUrl(), record.imageDetails(), List.of());
            case IMAGE_INSTANCE_SEGMENTATION -> new SegmentationRecord(record.imageUrl(), record.imageDetails(), List.of());
            default -> record;
        };
    }

    /** Validates a {@code label: []} line as far as it can be without a task, then holds it back. */
    private void hold(LineResult r) {
        apply(r.recordFindings, r.recordOverCap, r.recordDropsOverCap);
        DetectionRecord record = (DetectionRecord) r.record;
        dataset.checkLine(record, r.fingerprint, r.labelHash);
        datastores.check(record.imageUrl(), r.datastoreHash, r.workspaceHash);
        pending.add(new Pending(r.line, record, findings.lineHasError(), findings.lineFindings(), runtime.recordDrop(),
                outcomes.hold(r), lineHash(r.line)));
        if (pending.size() >= MAX_PENDING || outcomes.overBudget()) {
            resolvePending();
        }
    }

    /** Gives the held-back lines their verdict now that the task is known (or will never be). */
    private void resolvePending() {
        while (!pending.isEmpty()) {
            Pending held = pending.poll();
            earlierLine = held.line();
            earlierHash = held.hash();
            List<Finding> lineFindings = new ArrayList<>(held.findings());
            ImageRecord record = held.record();
            boolean error = held.hadError();
            if (task == Task.IMAGE_CLASSIFICATION) {
                error |= deferred(held.line(), lineFindings, RuleCode.TASK_MISMATCH, "/label", "task-mismatch",
                        "actual", LabelShape.EMPTY_LIST.describe(), "shape", "no class",
                        "task", task.sdkName(), "origin", origin());
                record = null;
            } else if (task != null) {
                if (task == Task.IMAGE_CLASSIFICATION_MULTILABEL) {
                    error |= deferred(held.line(), lineFindings, RuleCode.LABEL_LIST_EMPTY, "/label", "label-list-empty");
                }
                record = retypeEmpty(held.record());
            }
            concluded = held;
            conclude(held.line(), record, record != null && !error, error, lineFindings, false, false);
        }
        earlierLine = 0;
    }

    private boolean deferred(long line, List<Finding> lineFindings, RuleCode rule, String pointer, String key,
            Object... params) {
        Finding f = findings.reportAt(line, rule, pointer, key, params);
        if (f != null) {
            lineFindings.add(f);
        }
        return f != null && f.severity() == Severity.ERROR;
    }

    private void finishLine(ImageRecord record) {
        finishLine(record, false);
    }

    private void finishLine(ImageRecord record, boolean counted) {
        boolean error = findings.lineHasError();
        conclude(findings.line(), record, record != null && !error, error,
                perLine ? findings.lineFindings() : List.of(), true, counted);
    }

    /** The held-back line being concluded (when not the current one). */
    private Pending concluded;

    private void conclude(long line, ImageRecord record, boolean valid, boolean error, List<Finding> lineFindings,
            boolean isCurrent, boolean counted) {
        RuleCode imageDrop = null;
        ImageChecker.Expectation expected = null;
        int column = 0;
        if (record != null) {
            if (!counted) {
                ownStats.add(line, record, 0, 0);
            }
            if (images != null) {
                expected = expectation(record, isCurrent);
                column = isCurrent ? columnOf("/image_url") : 0;
                if (perLine) {
                    // A caller iterating records gets each line's verdict whole, images included,
                    // and a split line is written once, with its final verdict.
                    lineFindings = new ArrayList<>(lineFindings);
                    ImageChecker.Checked checked = images.checkNow(expected);
                    List<ImageChecker.Problem> problems = checked.problems();
                    boolean imageError = report(line, column, problems, lineFindings);
                    if (content != null) {
                        content.expect(line, valid && !imageError, isCurrent && dataset.repeatsUrl(line), column, expected.url());
                        imageError |= content.arrive(line, checked.content(), imageError, lineFindings) > 0;
                    }
                    error |= imageError;
                    valid &= !imageError;
                    imageDrop = RuntimeTally.imageDrop(config, problems);
                    expected = null;
                }
            }
        }
        long kept = 0;
        if (!isCurrent) {
            runtime.held(record, concluded.drop() != null ? concluded.drop() : imageDrop);
            outcomes.held(line, error, lineFindings, concluded.bytes());
        } else if (current.kind != LineResult.Kind.BLANK) {
            kept = runtime.current(record, current, imageDrop);
        }
        if (expected != null) {
            if (content != null) {
                content.expect(line, valid, isCurrent && dataset.repeatsUrl(line), column, expected.url());
            }
            images.submit(line, column, valid, kept, expected);
        }
        if (isCurrent) {
            outcomes.current(line, error, lineFindings, current);
        }
        if (valid) {
            validRecords++;
        }
        if (yieldLines) {
            ready.add(new ValidatedLine(line, record, lineFindings));
        }
        if (error && config.failFast()) {
            stopped = true;
        }
    }

    private ImageChecker.Expectation expectation(ImageRecord record, boolean isCurrent) {
        ImageDetails d = record.imageDetails();
        double[] sizes = null;
        if (isCurrent && record instanceof DetectionRecord det && !det.boxes().isEmpty()) {
            sizes = new double[det.boxes().size() * 3];
            for (int i = 0; i < det.boxes().size(); i++) {
                sizes[3 * i] = current.jsonIndex(i);
                sizes[3 * i + 1] = det.boxes().get(i).width();
                sizes[3 * i + 2] = det.boxes().get(i).height();
            }
        }
        return new ImageChecker.Expectation(record.imageUrl(), d.format(), d.width(), d.height(), sizes);
    }

    /** Reports the problems of one line's image; whether one of them is an error. */
    private boolean report(long line, int urlColumn, List<ImageChecker.Problem> problems, List<Finding> lineFindings) {
        boolean error = false;
        for (ImageChecker.Problem p : problems) {
            Finding f = findings.reportAt(line, p.rule(), p.pointer(), p.pointer().equals("/image_url") ? urlColumn : 0,
                    p.messageKey(), p.params());
            if (f != null) {
                error |= f.severity() == Severity.ERROR;
                if (lineFindings != null) {
                    lineFindings.add(f);
                }
            }
        }
        return error;
    }

    /** Reports the images checked on the pool since the last call. */
    private void drainImages() {
        ImageVerification.Result r;
        while ((r = images.poll()) != null) {
            earlierLine = r.line();
            earlierHash = r.lineHash();
            boolean imageError = report(r.line(), r.column(), r.problems(), null);
            if (imageError && r.lineValid()) {
                validRecords--;
                outcomes.imageRejected();
            }
            if (content != null) {
                // lines whose image-content finding is an error (the user's choice of severity)
                validRecords -= content.arrive(r.line(), r.content(), imageError, null);
            }
            RuleCode drop = RuntimeTally.imageDrop(config, r.problems());
            if (drop != null && r.keptAnnotations() >= 0) {
                runtime.imageDropped(drop, r.keptAnnotations(), task != null && task.hasObjects());
            }
            earlierLine = 0;
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        work.releaseParser();
        if (parallel != null) {
            parallel.close();
        }
        resolvePending();
        if (images != null && !yieldLines) {
            images.awaitAll();
            drainImages();
            images.close();
        }
        if (content != null) {
            content.finish();
        }
        if (part) {
            return;
        }
        findings.linesDone();
        if (!stopped && validRecords == 0) {
            findings.atLine(0);
            findings.report(RuleCode.EMPTY_DATASET, null, "", 0, "empty-dataset", "lines", lineCount);
        }
        dataset.finish(task, validRecords, mergedStats(), !stopped);
    }

    /** The statistics of the file's task: counted here, and by every worker. */
    private RecordStats mergedStats() {
        RecordStats total = new RecordStats();
        if (task == null) {
            // Only held-back lines, typed as nothing: they still have images and URL forms.
            total.mergeFrom(ownStats);
            return total;
        }
        total.mergeFrom(ownStats);
        RecordStats counted = parallel != null ? parallel.consumed(task) : work.stats(task);
        if (counted != null) {
            total.mergeFrom(counted);
        }
        return total;
    }

    /** Reads lines until a record tells the task, or to the end; the task, or null. */
    public Task readUntilTask() throws IOException {
        while (task == null && advance()) {
            ready.clear();
        }
        return task;
    }

    /** The line the task was detected from; 0 when it was given or is unknown. */
    public long taskLine() {
        return taskLine;
    }

    /** What this run, over a part read to its end, adds to the input's report. */
    public Partial partial() {
        return new Partial(lineCount, records, validRecords, findings.ruleCountArray(), findings.keptInLineOrder(),
                runtime, mergedStats(), outcomes.verdicts(), dataset.pairCounts(), task, taskLine);
    }

    /** Adds the next part's results (parts in the input's order). */
    public void absorb(Partial p) {
        lineCount += p.lines;
        records += p.records;
        validRecords += p.validRecords;
        findings.absorb(p.ruleCounts, p.keptFindings());
        runtime.mergeFrom(p.runtime);
        ownStats.mergeFrom(p.stats);
        outcomes.add(p.verdicts());
        dataset.addPairCounts(p.pairCounts);
    }

    /** Makes the checks of the whole file over the parts absorbed, and the report. */
    public ValidationReport assemble() {
        finish();
        return report();
    }

    /** The report; complete once the input was read to its end. */
    public ValidationReport report() {
        return new ValidationReport(source, task, lineCount, records, validRecords, findings.errors(),
                findings.warnings(), findings.infos(), dataset.classCounts(),
                content == null ? dataset.statistics() : dataset.statistics().withImageContent(content.statistics()),
                findings.sorted(), !stopped, runtime.view(task, maxDroppedPercent), outcomes.verdicts(),
                findings.ruleCounts());
    }

    @Override
    public void close() throws IOException {
        work.releaseParser();
        if (parallel != null) {
            parallel.close();
        }
        if (images != null) {
            images.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
