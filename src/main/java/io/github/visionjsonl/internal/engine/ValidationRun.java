package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.internal.dataset.CrossLines;
import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.dataset.DatastoreMix;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.RuntimeTally;
import io.github.visionjsonl.internal.imagefiles.ImageContentChecks;
import io.github.visionjsonl.internal.imagefiles.ImageVerification;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.reading.internal.LineSource;
import io.github.visionjsonl.reading.internal.binding.InputLine;
import io.github.visionjsonl.reading.internal.binding.LabelShape;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
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
    /** The images checked on the pool, reported as they come back; null without image checks. */
    private final LineImages lineImages;
    private final LineWork work;
    /** The line handed to {@link #work}, refilled for each. */
    private final InputLine input = new InputLine();
    private final ParallelLines parallel;
    private final HeldBackLines heldBack;
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

    /** Whether this run reads a part of an input, whose whole-file checks are the assembly's. */
    private final boolean part;

    private ProgressTicker progress;

    /**
     * @param in the input, or {@code null} for {@link #single}
     * @param yieldLines whether {@link #next()} is used: findings are then kept per line too
     */
    public ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines)
            throws IOException {
        this(config, in, source, yieldLines, null, false, null);
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

    /** A run over an input: of a pair's training file ({@code asTraining}), or split into accepted and rejected lines. */
    ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines,
            DatasetChecks.TrainingSide training, boolean asTraining, LineSplitWriter split) throws IOException {
        this(config, in == null ? null : new LineSource(in, config.maxLineLength()), source, yieldLines, training,
                asTraining, split, null);
    }

    /** A run over lines given as a source; {@code cross} for a part of an input ({@link PartRuns}). */
    ValidationRun(ValidatorConfig config, LineSource lines, String source, boolean yieldLines,
            DatasetChecks.TrainingSide training, boolean asTraining, LineSplitWriter split, CrossLines cross)
            throws IOException {
        this.config = config;
        this.source = source;
        this.lines = lines;
        this.part = cross != null && lines != null;
        this.yieldLines = yieldLines;
        this.outcomes = new LineOutcomes(split);
        this.heldBack = new HeldBackLines(outcomes);
        this.perLine = yieldLines || split != null;
        this.findings = new FindingCollector(config, perLine, runtime);
        this.task = config.task();
        this.images = config.images() == null ? null : new ImageVerification(config.images());
        this.content = config.images() == null || config.images().content() == null ? null
                : new ImageContentChecks(config.images().content(), findings);
        this.lineImages = images == null ? null : new LineImages(config, findings, runtime, outcomes, images, content);
        DatasetChecks.Line currentLine = new MergedLine(findings, () -> current);
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
        this.progress = new ProgressTicker(listener, totalBytes);
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
        if (progress != null) {
            progress.start();
        }
        while (advance()) {
            ready.clear();
            if (progress != null) {
                progress.line(lineCount, records, lines);
            }
        }
        if (progress != null) {
            progress.done(lineCount, records, lines);
        }
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
        merge(work.process(input.of(1, line, start, skipped >= 0 ? 0 : length).skipped(skipped).byteOrderMark(bom)));
        resolvePending();
        finished = true;
        findings.inputDone();
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
            validRecords -= lineImages.drain(task);
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
        return work.process(input.of(lines.lineNumber(), lines.buffer(), lines.start(), lines.length())
                .readableTo(lines.dataEnd(), lines.epoch()).skipped(lines.tooLong() ? lines.skippedLength() : -1)
                .byteOrderMark(lines.lineNumber() == 1 && lines.byteOrderMark()).ascii(!lines.highBytes()));
    }

    // ---- merging, in line order -------------------------------------------------------------

    private void merge(LineResult r) {
        current = r;
        lineCount++;
        if (lineCount <= SIZE_SAMPLE_LINES) {
            expectLines(r);
        }
        findings.startLine(r);
        if (r.byteOrderMark) {
            findings.report(RuleCode.BYTE_ORDER_MARK, null, "", 1, "byte-order-mark");
        }
        findings.merge(r.lineFindings, r.lineOverCap, r.lineDropsOverCap);
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
            findings.report(RuleCode.TASK_MISMATCH, null, "/label", findings.columnOf("/label"), "task-mismatch",
                    "actual", shape.describe(), "shape", shape == LabelShape.EMPTY_LIST ? "no class"
                            : shape == LabelShape.OBJECTS ? "image-object-detection or image-instance-segmentation"
                            : shape.task().sdkName(),
                    "task", task.sdkName(), "origin", origin());
            finishLine(null);
            return;
        }
        if (task != null && !heldBack.isEmpty()) {
            resolvePending();
        }
        boolean asSegmentation = r.segmentationRecord != null && task == Task.IMAGE_INSTANCE_SEGMENTATION;
        if (asSegmentation) {
            findings.merge(r.segmentationFindings, r.segmentationOverCap, r.segmentationDropsOverCap);
        } else {
            findings.merge(r.recordFindings, r.recordOverCap, r.recordDropsOverCap);
        }
        ImageRecord record = asSegmentation ? r.segmentationRecord : r.record;
        if (shape == LabelShape.EMPTY_LIST && record.task() != task) {
            record = HeldBackLines.asRecordOf(task, (DetectionRecord) record);
            if (task == Task.IMAGE_CLASSIFICATION_MULTILABEL) {
                findings.report(RuleCode.LABEL_LIST_EMPTY, null, "/label", findings.columnOf("/label"), "label-list-empty");
            }
        }
        // A retyped record's label hash is its own.
        dataset.checkLine(record, r.fingerprint, record == r.record ? r.labelHash : DatasetChecks.labelHash(record));
        datastores.check(record.imageUrl(), r.datastoreHash, r.workspaceHash);
        finishLine(record, r.counted && record == r.record);
    }

    private String origin() {
        return config.task() != null ? " (as given)" : " (detected from line " + taskLine + ")";
    }

    /** Validates a {@code label: []} line as far as it can be without a task, then holds it back. */
    private void hold(LineResult r) {
        findings.merge(r.recordFindings, r.recordOverCap, r.recordDropsOverCap);
        DetectionRecord record = (DetectionRecord) r.record;
        dataset.checkLine(record, r.fingerprint, r.labelHash);
        datastores.check(record.imageUrl(), r.datastoreHash, r.workspaceHash);
        if (heldBack.hold(new HeldBackLines.Line(r.line, record, findings.lineHasError(), findings.lineFindings(),
                runtime.recordDrop(), outcomes.hold(r), findings.lineHash(r.line)))) {
            resolvePending();
        }
    }

    /** Gives the held-back lines their verdict now that the task is known (or will never be). */
    private void resolvePending() {
        for (HeldBackLines.Line held = heldBack.poll(); held != null; held = heldBack.poll()) {
            findings.atEarlierLine(held.line(), held.hash());
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
                record = HeldBackLines.asRecordOf(task, held.record());
            }
            concluded = held;
            conclude(held.line(), record, record != null && !error, error, lineFindings, false, false);
        }
        findings.earlierLineDone();
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
    private HeldBackLines.Line concluded;

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
                expected = LineImages.expectation(record, isCurrent ? current : null);
                column = isCurrent ? findings.columnOf("/image_url") : 0;
                if (perLine) {
                    // A caller iterating records gets each line's verdict whole, images included,
                    // and a split line is written once, with its final verdict.
                    lineFindings = new ArrayList<>(lineFindings);
                    ImageChecker.Checked checked = images.checkNow(expected);
                    List<ImageChecker.Problem> problems = checked.problems();
                    boolean imageError = findings.reportImage(line, column, problems, lineFindings);
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

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        findings.inputDone();
        work.releaseParser();
        if (parallel != null) {
            parallel.close();
        }
        resolvePending();
        if (images != null && !yieldLines) {
            images.awaitAll();
            validRecords -= lineImages.drain(task);
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

    /** Takes the input's task, decided before this run; {@code null} leaves it to be detected. */
    void takeTask(Task decided, long line) {
        if (decided != null) {
            task = decided;
            taskLine = line;
        }
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
