package io.github.visionjsonl.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.LineReader;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Set;

/**
 * Opt-in repairs of a JSONL file, written to a new file, with a report of every change. What is
 * repaired: coordinates within a tolerance (default 0.01) of [0, 1] are clamped; boxes in
 * pixels are divided by the image size when {@code image_details} gives it; inverted corners are
 * swapped; empty boxes are dropped; class names are trimmed; numbers written as strings,
 * {@code isCrowd} values and sizes like {@code "400px"} are written in their proper form (as the
 * runtime reads them). A line with any other error is set aside, never half-repaired: lines in =
 * lines written + lines set aside, always.
 */
public final class DatasetFixer {

    /** The errors a repair can remove; a line with any other error is set aside. */
    private static final Set<RuleCode> REPAIRABLE = EnumSet.of(RuleCode.COORDINATE_RANGE, RuleCode.BOX_INVERTED,
            RuleCode.BOX_EMPTY, RuleCode.POLYGON_RANGE, RuleCode.LABEL_WHITESPACE, RuleCode.NUMERIC_STRING,
            RuleCode.IS_CROWD_VALUE);

    /** How many reasons a line set aside keeps. */
    private static final int REASONS = 20;

    /**
     * A line left out of the output.
     *
     * @param line the line number in the input
     * @param reasons the findings that could not be repaired (the first 20)
     */
    public record SetAside(long line, List<Finding> reasons) {

        /** Copies the reasons. */
        public SetAside {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * What a repair did. The lists keep the first lines set aside and the first changes (as many
     * as the fixer lists); the counts count them all, so that a file of millions of broken lines
     * costs two counters, not a list of millions.
     *
     * @param output the written file
     * @param linesIn lines read
     * @param linesOut lines written
     * @param setAside the first lines left out, with why
     * @param setAsideCount how many lines were left out: {@code linesIn = linesOut + setAsideCount}
     * @param changes the first changes, as info findings of the rule each repairs, on its input line
     * @param changeCount how many changes were made
     * @param validation the report of validating the written file
     */
    public record FixResult(Path output, long linesIn, long linesOut, List<SetAside> setAside, long setAsideCount,
            List<Finding> changes, long changeCount, ValidationReport validation) {

        /** Copies the lists. */
        public FixResult {
            setAside = List.copyOf(setAside);
            changes = List.copyOf(changes);
        }
    }

    private final DatasetValidator validator;
    private final double tolerance;
    private final int listed;

    /**
     * A fixer that lists the first {@value DatasetValidator#DEFAULT_MAX_FINDINGS} lines set aside and changes.
     *
     * @param validator reads the input (its task, if given, is kept)
     * @param tolerance how far outside [0, 1] a coordinate may be to be clamped
     */
    public DatasetFixer(DatasetValidator validator, double tolerance) {
        this(validator, tolerance, DatasetValidator.DEFAULT_MAX_FINDINGS);
    }

    /**
     * @param listed how many lines set aside, and how many changes, the result lists (the rest are counted)
     */
    public DatasetFixer(DatasetValidator validator, double tolerance, int listed) {
        if (!(tolerance >= 0 && tolerance < 0.5)) {
            throw new IllegalArgumentException("tolerance must be in [0, 0.5), was " + tolerance);
        }
        if (listed < 0) {
            throw new IllegalArgumentException("listed must be >= 0, was " + listed);
        }
        this.validator = validator;
        this.tolerance = tolerance;
        this.listed = listed;
    }

    /** The lines set aside and the changes of one run: the first ones listed, all counted. */
    private final class Tally {
        final List<SetAside> setAside = new ArrayList<>();
        final List<Finding> changes = new ArrayList<>();
        private final Consumer<SetAside> onSetAside;
        long setAsideCount;
        long changeCount;

        Tally(Consumer<SetAside> onSetAside) {
            this.onSetAside = onSetAside;
        }

        void setAside(long line, List<Finding> reasons) {
            setAsideCount++;
            if (onSetAside != null) {
                onSetAside.accept(new SetAside(line, reasons));
            }
            if (setAside.size() < listed) {
                setAside.add(new SetAside(line, reasons.subList(0, Math.min(REASONS, reasons.size()))));
            }
        }

        void changed(List<Finding> lineChanges) {
            changeCount += lineChanges.size();
            for (int i = 0; i < lineChanges.size() && changes.size() < listed; i++) {
                changes.add(lineChanges.get(i));
            }
        }
    }

    /**
     * Repairs a file into a new file.
     *
     * @throws IOException when the input cannot be read or the output exists or cannot be written
     */
    public FixResult fix(Path input, Path output) throws IOException {
        return fix(input, output, null);
    }

    /**
     * Repairs a file into a new file, telling the listener of each line set aside as it is (in
     * line order, every one of them, also past the listed ones), e.g. to write it to a file of
     * rejected lines.
     *
     * @param onSetAside called for every line left out, or {@code null}
     * @throws IOException when the input cannot be read or the output exists or cannot be written
     */
    public FixResult fix(Path input, Path output, Consumer<SetAside> onSetAside) throws IOException {
        Tally tally = new Tally(onSetAside);
        long in = 0;
        long out = 0;
        Task task = validator.task();
        try (LineReader lines = validator.lines(Files.newInputStream(input), input.toString());
                JsonlWriter writer = JsonlWriter.create(output)) {
            for (ValidatedLine line : lines) {
                in++;
                List<Finding> blocking = line.findings().stream()
                        .filter(f -> f.severity() == Severity.ERROR && !REPAIRABLE.contains(f.rule())).toList();
                if (line.record() == null || !blocking.isEmpty()) {
                    tally.setAside(line.line(), blocking.isEmpty() ? line.findings() : blocking);
                    continue;
                }
                List<Finding> lineChanges = new ArrayList<>();
                for (Finding f : line.findings()) {
                    if (f.rule() == RuleCode.NUMERIC_STRING || f.rule() == RuleCode.IS_CROWD_VALUE
                            || f.rule() == RuleCode.LABEL_TYPE) {
                        lineChanges.add(change(line.line(), f.rule(), f.pointer(), "written as the runtime reads it: " + f.message()));
                    } else if (f.rule() == RuleCode.UNKNOWN_FIELD) {
                        lineChanges.add(change(line.line(), f.rule(), f.pointer(), "left out: " + f.message()));
                    }
                }
                ImageRecord fixed = repair(line.record(), line.line(), lineChanges);
                ValidatedLine check = validatorFor(fixed.task()).validateLine(serialize(fixed));
                List<Finding> remaining = check.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
                if (!remaining.isEmpty()) {
                    tally.setAside(line.line(), remaining);
                    continue;
                }
                writer.write(fixed);
                out++;
                tally.changed(lineChanges);
                if (task == null) {
                    task = fixed.task();
                }
            }
            writer.commit();
        }
        ValidationReport report = (task == null ? validator : validatorFor(task)).validate(output);
        return new FixResult(output, in, out, tally.setAside, tally.setAsideCount, tally.changes, tally.changeCount, report);
    }

    private DatasetValidator validatorFor(Task task) {
        return DatasetValidator.builder().task(task).build();
    }

    private static String serialize(ImageRecord record) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            JsonlWriter.write(record, g);
        }
        return w.toString();
    }

    private ImageRecord repair(ImageRecord record, long line, List<Finding> changes) {
        ImageDetails d = record.imageDetails();
        if (record instanceof ClassificationRecord c) {
            return new ClassificationRecord(c.imageUrl(), d, name(c.label(), line, "/label", changes));
        }
        if (record instanceof MultiLabelRecord m) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < m.labels().size(); i++) {
                names.add(name(m.labels().get(i), line, "/label/" + i, changes));
            }
            return new MultiLabelRecord(m.imageUrl(), d, names);
        }
        if (record instanceof DetectionRecord det) {
            List<BoundingBox> boxes = new ArrayList<>();
            for (int i = 0; i < det.boxes().size(); i++) {
                BoundingBox b = box(det.boxes().get(i), d, line, "/label/" + i, changes);
                if (b != null) {
                    boxes.add(b);
                }
            }
            return new DetectionRecord(det.imageUrl(), d, boxes);
        }
        SegmentationRecord seg = (SegmentationRecord) record;
        List<InstanceMask> masks = new ArrayList<>();
        for (int i = 0; i < seg.masks().size(); i++) {
            InstanceMask m = seg.masks().get(i);
            String at = "/label/" + i;
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < m.polygon().segments().size(); s++) {
                double[] v = m.polygon().segments().get(s).coordinates();
                boolean pixels = d.hasSize() && max(v) > 1 + tolerance;
                for (int k = 0; k < v.length; k++) {
                    double old = v[k];
                    if (pixels) {
                        v[k] = old / (k % 2 == 0 ? d.width() : d.height());
                    }
                    v[k] = clamp(v[k]);
                    if (v[k] != old) {
                        changes.add(change(line, RuleCode.POLYGON_RANGE,
                                at + "/polygon/" + s + "/" + k, (pixels ? "pixel value " : "value ") + old + " -> " + v[k]));
                    }
                }
                segments.add(new Segment(v));
            }
            masks.add(new InstanceMask(name(m.label(), line, at + "/label", changes), new Polygon(segments), m.crowd(),
                    m.box() == null ? null : box(m.box(), d, line, at, new ArrayList<>())));
        }
        return new SegmentationRecord(seg.imageUrl(), d, masks);
    }

    private BoundingBox box(BoundingBox b, ImageDetails d, long line, String at, List<Finding> changes) {
        double[] c = {b.topX(), b.topY(), b.bottomX(), b.bottomY()};
        String[] names = {"topX", "topY", "bottomX", "bottomY"};
        if (d.hasSize() && max(c) > 1 + tolerance) {
            for (int k = 0; k < 4; k++) {
                double old = c[k];
                c[k] = old / (k % 2 == 0 ? d.width() : d.height());
                changes.add(change(line, RuleCode.COORDINATE_RANGE, at + "/" + names[k], String.format(Locale.ROOT,
                        "%s in pixels: %s / %d = %s", names[k], old, k % 2 == 0 ? d.width() : d.height(), c[k])));
            }
        }
        for (int k = 0; k < 4; k++) {
            double clamped = clamp(c[k]);
            if (clamped != c[k]) {
                changes.add(change(line, RuleCode.COORDINATE_RANGE, at + "/" + names[k], names[k] + " " + c[k] + " clamped to " + clamped));
                c[k] = clamped;
            }
        }
        for (int axis = 0; axis < 2; axis++) {
            if (c[axis] > c[axis + 2]) {
                changes.add(change(line, RuleCode.BOX_INVERTED, at, names[axis] + " and " + names[axis + 2] + " swapped ("
                        + c[axis] + " > " + c[axis + 2] + ")"));
                double t = c[axis];
                c[axis] = c[axis + 2];
                c[axis + 2] = t;
            }
        }
        if (c[0] == c[2] || c[1] == c[3]) {
            changes.add(change(line, RuleCode.BOX_EMPTY, at, "empty box of \"" + b.label() + "\" dropped"));
            return null;
        }
        return new BoundingBox(name(b.label(), line, at + "/label", changes), c[0], c[1], c[2], c[3], b.crowd());
    }

    /** A value within the tolerance of [0, 1] moved onto it; others left for the validation to refuse. */
    private double clamp(double v) {
        if (v < 0 && v >= -tolerance) {
            return 0;
        }
        if (v > 1 && v <= 1 + tolerance) {
            return 1;
        }
        return v;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static String name(String name, long line, String at, List<Finding> changes) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (!stripped.equals(name)) {
            changes.add(change(line, RuleCode.LABEL_WHITESPACE, at, "class name \"" + name + "\" trimmed to \"" + stripped + "\""));
        }
        return stripped;
    }

    private static Finding change(long line, RuleCode rule, String pointer, String what) {
        return new Finding(line, 0, pointer, rule, Severity.INFO, Messages.format("repaired", "what", what));
    }
}
