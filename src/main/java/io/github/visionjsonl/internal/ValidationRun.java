package io.github.visionjsonl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.reading.internal.LineSource;
import io.github.visionjsonl.reading.internal.PointerLocator;
import io.github.visionjsonl.reading.internal.RecordBinder;
import io.github.visionjsonl.reading.internal.RecordBinder.LabelShape;
import io.github.visionjsonl.reading.internal.Utf8;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.RuleViolation;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * One pass over one input: reads lines, binds and validates each, and gathers the report. Not
 * thread-safe; a validator starts one run per input.
 */
public final class ValidationRun implements Closeable {

    /** Leading {@code label: []} lines held back until a record tells the task. */
    private static final int MAX_PENDING = 10_000;
    private static final java.util.regex.Pattern SOURCE_LOCATION =
            java.util.regex.Pattern.compile("\\[Source: .*?; line: \\d+, column: (\\d+)\\]");

    private final ValidatorConfig config;
    private final String source;
    private final LineSource lines;
    private final boolean yieldLines;
    private final RecordBinder binder = new RecordBinder();
    private final FindingCollector findings;
    private final DatasetChecks dataset;
    private final ImageVerification images;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ArrayDeque<ValidatedLine> ready = new ArrayDeque<>();

    private Task task;
    private long taskLine;
    private long lineCount;
    private long records;
    private long validRecords;
    private boolean stopped;
    private boolean finished;

    private byte[] buf;
    private int start;
    private int length;

    private java.util.function.Consumer<Progress> progress;
    private long totalBytes = -1;
    private long startNanos;
    private long lastProgress;

    /** A {@code label: []} line read before the task was known. */
    private record Pending(long line, DetectionRecord record, boolean hadError, List<Finding> findings) {
    }

    /**
     * @param yieldLines whether {@link #next()} is used: findings are then kept per line too
     */
    public ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines)
            throws IOException {
        this(config, in, source, yieldLines, null, false);
    }

    /** A run over the training file of a pair: it keeps what the validation file is checked against. */
    public static ValidationRun training(ValidatorConfig config, InputStream in, String source) throws IOException {
        return new ValidationRun(config, in, source, false, null, true);
    }

    /**
     * @param training the training file this validation file is checked against, or {@code null}
     */
    private ValidationRun(ValidatorConfig config, InputStream in, String source, boolean yieldLines,
            DatasetChecks.TrainingSide training, boolean asTraining) throws IOException {
        this.config = config;
        this.source = source;
        this.lines = in == null ? null : new LineSource(in, config.maxLineLength());
        this.yieldLines = yieldLines;
        this.findings = new FindingCollector(config, yieldLines);
        this.task = config.task();
        this.images = config.images() == null ? null : new ImageVerification(config.images());
        this.dataset = new DatasetChecks(config, findings, new DatasetChecks.Line() {
            @Override
            public long number() {
                return findings.line();
            }

            @Override
            public int column(String pointer) {
                return PointerLocator.column(config.jsonFactory(), buf, start, length, pointer);
            }

            @Override
            public int jsonIndex(int recordIndex) {
                return binder.jsonIndex(recordIndex);
            }
        }, training, asTraining);
    }

    /**
     * Reports progress to the listener a few times a second while reading.
     *
     * @param totalBytes the input's size, or -1 when unknown
     */
    public void onProgress(java.util.function.Consumer<Progress> listener, long totalBytes) {
        this.progress = listener;
        this.totalBytes = totalBytes;
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
        buf = line;
        start = 0;
        length = line.length;
        if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            start = 3;
            length -= 3;
        }
        lineCount = 1;
        findings.startLine(1);
        processLine(length > config.maxLineLength() ? length : -1);
        resolvePending();
        finished = true;
        return ready.poll();
    }

    /** Processes one more line; false when the input is done. */
    private boolean advance() throws IOException {
        if (finished) {
            return false;
        }
        if (stopped || !lines.next()) {
            finish();
            return !ready.isEmpty();
        }
        lineCount++;
        findings.startLine(lines.lineNumber());
        if (lines.lineNumber() == 1 && lines.byteOrderMark()) {
            findings.report(RuleCode.BYTE_ORDER_MARK, null, "", 1, "byte-order-mark");
        }
        buf = lines.buffer();
        start = lines.start();
        length = lines.length();
        processLine(lines.tooLong() ? lines.skippedLength() : -1);
        if (images != null && !yieldLines) {
            drainImages();
        }
        return true;
    }

    private void processLine(long skippedLength) {
        if (skippedLength >= 0) {
            findings.report(RuleCode.LINE_TOO_LONG, null, "", 1, "line-too-long", "length", skippedLength,
                    "limit", config.maxLineLength());
            records++;
            finishLine(null);
            return;
        }
        if (isBlank()) {
            findings.report(RuleCode.BLANK_LINE, null, "", 1, "blank-line");
            finishLine(null);
            return;
        }
        records++;
        int bad = Utf8.firstInvalid(buf, start, start + length);
        if (bad >= 0) {
            findings.report(RuleCode.INVALID_ENCODING, null, "", bad - start + 1, "invalid-encoding",
                    "byte", String.format("%02X", buf[bad] & 0xff), "column", bad - start + 1);
            finishLine(null);
            return;
        }
        ImageRecord record = null;
        try (JsonParser p = config.jsonFactory().createParser(buf, start, length)) {
            if (binder.bind(p, findings)) {
                record = typed();
                if (record == null && binder.shape() == LabelShape.EMPTY_LIST && task == null) {
                    return; // held back in pending until the task is known
                }
            }
        } catch (StreamConstraintsException e) {
            findings.report(RuleCode.JSON_SYNTAX, null, "", 0, "json-syntax", "detail", oneLine(e.getOriginalMessage()));
            record = null;
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            findings.report(RuleCode.JSON_SYNTAX, null, "", column, "json-syntax", "detail", oneLine(e.getOriginalMessage()));
            record = null;
        } catch (IOException | RuntimeException e) {
            // Jackson's own failures on pathological input end the line, never the run.
            findings.report(RuleCode.JSON_SYNTAX, null, "", 0, "json-syntax", "detail", oneLine(String.valueOf(e.getMessage())));
            record = null;
        }
        finishLine(record);
    }

    private boolean isBlank() {
        for (int i = start, end = start + length; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson names the source and repeats line 1 in nested locations; only the column helps here.
        String s = SOURCE_LOCATION.matcher(message.replace('\n', ' ').replace('\r', ' ')).replaceAll("column $1");
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }

    /** Decides the task, checks the shape against it and validates the typed record. */
    private ImageRecord typed() {
        LabelShape shape = binder.shape();
        if (shape == LabelShape.ABSENT || shape == LabelShape.INVALID) {
            return null;
        }
        if (task == null) {
            if (shape == LabelShape.EMPTY_LIST) {
                hold();
                return null;
            }
            task = shape.task();
            taskLine = findings.line();
        }
        if (!shape.fits(task)) {
            findings.report(RuleCode.TASK_MISMATCH, null, "/label", PointerLocator.column(config.jsonFactory(), buf,
                    start, length, "/label"), "task-mismatch", "actual", shape.describe(),
                    "shape", shape == LabelShape.EMPTY_LIST ? "no class" : shape.task().sdkName(),
                    "task", task.sdkName(), "origin", origin());
            return null;
        }
        ImageRecord record = binder.toRecord(task);
        validate(record);
        dataset.checkLine(record, binder.integerNames(), binder.stringNames());
        if (!pending.isEmpty()) {
            resolvePending();
        }
        return record;
    }

    private String origin() {
        return config.task() != null ? " (as given)" : " (detected from line " + taskLine + ")";
    }

    /** Validates a {@code label: []} line as far as it can be without a task, then holds it back. */
    private void hold() {
        DetectionRecord record = (DetectionRecord) binder.toRecord(Task.IMAGE_OBJECT_DETECTION);
        validate(record);
        dataset.checkLine(record, binder.integerNames(), binder.stringNames());
        pending.add(new Pending(findings.line(), record, findings.lineHasError(), findings.lineFindings()));
        if (pending.size() >= MAX_PENDING) {
            resolvePending();
        }
    }

    /** Gives the held-back lines their verdict now that the task is known (or will never be). */
    private void resolvePending() {
        while (!pending.isEmpty()) {
            Pending held = pending.poll();
            List<Finding> lineFindings = new ArrayList<>(held.findings());
            ImageRecord record = held.record();
            boolean error = held.hadError();
            if (task == Task.IMAGE_CLASSIFICATION) {
                error |= add(held.line(), lineFindings, RuleCode.TASK_MISMATCH, "/label", "task-mismatch",
                        "actual", LabelShape.EMPTY_LIST.describe(), "shape", "no class",
                        "task", task.sdkName(), "origin", origin());
                record = null;
            } else if (task == Task.IMAGE_CLASSIFICATION_MULTILABEL) {
                error |= add(held.line(), lineFindings, RuleCode.LABEL_LIST_EMPTY, "/label", "label-list-empty");
                record = new MultiLabelRecord(held.record().imageUrl(), held.record().imageDetails(), List.of());
            } else if (task == Task.IMAGE_INSTANCE_SEGMENTATION) {
                record = new SegmentationRecord(held.record().imageUrl(), held.record().imageDetails(), List.of());
            }
            conclude(held.line(), record, record != null && !error, error, lineFindings);
        }
    }

    private boolean add(long line, List<Finding> lineFindings, RuleCode rule, String pointer, String key,
            Object... params) {
        Finding f = findings.reportAt(line, rule, pointer, key, params);
        if (f != null) {
            lineFindings.add(f);
        }
        return f != null && f.severity() == Severity.ERROR;
    }

    private void validate(ImageRecord record) {
        Set<ConstraintViolation<ImageRecord>> violations = config.validator().validate(record);
        if (violations.isEmpty()) {
            return;
        }
        List<ConstraintViolation<ImageRecord>> ordered = new ArrayList<>(violations);
        List<String> pointers = new ArrayList<>(ordered.size());
        for (ConstraintViolation<ImageRecord> v : ordered) {
            pointers.add(pointer(v));
        }
        Integer[] order = new Integer[ordered.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Hibernate Validator returns a set; sort so that reports are the same on every run.
        java.util.Arrays.sort(order, Comparator.<Integer, String>comparing(pointers::get)
                .thenComparing(i -> ruleOf(ordered.get(i)).ordinal()));
        for (int i : order) {
            ConstraintViolation<ImageRecord> v = ordered.get(i);
            RuleCode rule = ruleOf(v);
            Severity severity = config.severityOf(rule, null);
            if (severity == null) {
                continue;
            }
            findings.count(severity);
            if (findings.keeps()) {
                String pointer = pointers.get(i);
                int column = PointerLocator.column(config.jsonFactory(), buf, start, length, pointer);
                findings.keep(new Finding(findings.line(), column, pointer, rule, severity, v.getMessage()));
            }
        }
    }

    private static RuleCode ruleOf(ConstraintViolation<?> v) {
        RuleViolation payload = payload(v);
        return payload == null ? RuleCode.WRONG_TYPE : payload.rule();
    }

    private static RuleViolation payload(ConstraintViolation<?> v) {
        HibernateConstraintViolation<?> h = v.unwrap(HibernateConstraintViolation.class);
        return h.getDynamicPayload(RuleViolation.class);
    }

    /** Maps a Bean Validation property path ({@code boxes[0].label}) to the line's JSON pointer. */
    private String pointer(ConstraintViolation<?> v) {
        StringBuilder b = new StringBuilder();
        boolean afterLabelList = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                int index = node.getIndex();
                b.append('/').append(afterLabelList ? binder.jsonIndex(index) : index);
            }
            afterLabelList = false;
            String name = node.getName();
            if (name == null || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT
                    || node.getKind() == jakarta.validation.ElementKind.BEAN) {
                continue;
            }
            switch (name) {
                case "imageUrl" -> b.append("/image_url");
                case "imageDetails" -> b.append("/image_details");
                case "labels", "boxes", "masks" -> {
                    b.append("/label");
                    afterLabelList = true;
                }
                case "box" -> {
                    // box keys stand beside the polygon in the same JSON object
                }
                case "crowd" -> b.append("/isCrowd");
                default -> b.append('/').append(name);
            }
        }
        RuleViolation payload = payload(v);
        if (payload != null) {
            String relative = payload.relativePointer();
            if (afterLabelList && relative.length() > 1) {
                // A constraint on the whole label list points at an element by its record index.
                int end = relative.indexOf('/', 1);
                end = end < 0 ? relative.length() : end;
                try {
                    int index = Integer.parseInt(relative.substring(1, end));
                    relative = "/" + binder.jsonIndex(index) + relative.substring(end);
                } catch (NumberFormatException e) {
                    // not an element pointer: keep it as it is
                }
            }
            b.append(relative);
        }
        return b.toString();
    }

    private void finishLine(ImageRecord record) {
        boolean error = findings.lineHasError();
        conclude(findings.line(), record, record != null && !error, error,
                yieldLines ? findings.lineFindings() : List.of());
    }

    private void conclude(long line, ImageRecord record, boolean valid, boolean error, List<Finding> lineFindings) {
        if (record != null) {
            dataset.count(line, record);
            if (images != null) {
                ImageChecker.Expectation expected = expectation(record, line == findings.line());
                int column = line == findings.line() ? column("/image_url") : 0;
                if (yieldLines) {
                    // A caller iterating records gets each line's verdict whole, images included.
                    lineFindings = new ArrayList<>(lineFindings);
                    boolean imageError = report(line, column, images.checkNow(expected), lineFindings);
                    error |= imageError;
                    valid &= !imageError;
                } else {
                    images.submit(line, column, valid, expected);
                }
            }
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

    private ImageChecker.Expectation expectation(ImageRecord record, boolean current) {
        ImageDetails d = record.imageDetails();
        double[] sizes = null;
        if (current && record instanceof DetectionRecord det && !det.boxes().isEmpty()) {
            sizes = new double[det.boxes().size() * 3];
            for (int i = 0; i < det.boxes().size(); i++) {
                sizes[3 * i] = binder.jsonIndex(i);
                sizes[3 * i + 1] = det.boxes().get(i).width();
                sizes[3 * i + 2] = det.boxes().get(i).height();
            }
        }
        return new ImageChecker.Expectation(record.imageUrl(), d.format(), d.width(), d.height(), sizes);
    }

    private int column(String pointer) {
        return PointerLocator.column(config.jsonFactory(), buf, start, length, pointer);
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
            if (report(r.line(), r.column(), r.problems(), null) && r.lineValid()) {
                validRecords--;
            }
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        resolvePending();
        if (images != null && !yieldLines) {
            images.awaitAll();
            drainImages();
            images.close();
        }
        if (!stopped && validRecords == 0) {
            findings.atLine(0);
            findings.report(RuleCode.EMPTY_DATASET, null, "", 0, "empty-dataset", "lines", lineCount);
        }
        if (!stopped) {
            dataset.finish(task, validRecords);
        }
    }

    /** The report; complete once the input was read to its end. */
    public ValidationReport report() {
        return new ValidationReport(source, task, lineCount, records, validRecords, findings.errors(),
                findings.warnings(), findings.infos(), dataset.classCounts(), dataset.statistics(), findings.sorted(),
                !stopped);
    }

    /** A run over a validation file that is also checked against a training file already read. */
    public static ValidationRun againstTraining(ValidatorConfig config, InputStream in, String source,
            ValidationRun training) throws IOException {
        return new ValidationRun(config, in, source, false, training.dataset.asTraining(training.source), false);
    }

    @Override
    public void close() throws IOException {
        if (images != null) {
            images.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
