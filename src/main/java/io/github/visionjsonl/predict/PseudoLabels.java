package io.github.visionjsonl.predict;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.convert.JsonlWriter;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Predictions turned into training labels: what scores at least the threshold becomes a label
 * (classification: the top label; multi-label: every label; detection and segmentation: every
 * object, with its box or polygon). The image URL comes from the prediction's {@code image_url}
 * or the mapping of its {@code filename}; a prediction with neither is left out with a finding.
 * An image with nothing at the threshold is left out too unless asked to keep it: written with
 * an empty label it would teach the model that the image shows nothing (a classification record
 * cannot be empty and is always left out). The output is a new JSONL file, written atomically and
 * validated.
 */
public final class PseudoLabels {

    /**
     * What was written.
     *
     * @param output the written file
     * @param records the records written
     * @param emptyLeftOut the images left out because nothing in them reached the threshold
     * @param findings what was wrong in the predictions, and those without an image URL
     * @param validation the report of validating the written file
     */
    public record Result(Path output, long records, long emptyLeftOut, List<Finding> findings, ValidationReport validation) {

        /** Copies the findings. */
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final Task task;
    private final double minScore;
    private final Map<String, String> mapping;
    private final boolean keepEmpty;

    /**
     * Leaves out the images with nothing at the threshold.
     *
     * @param minScore the lowest probability or score that becomes a label, in [0, 1]
     * @param mapping prediction {@code filename} to {@code image_url}; may be empty
     * @throws IllegalArgumentException for a score outside [0, 1]
     */
    public PseudoLabels(Task task, double minScore, Map<String, String> mapping) {
        this(task, minScore, mapping, false);
    }

    /**
     * @param minScore the lowest probability or score that becomes a label, in [0, 1]
     * @param mapping prediction {@code filename} to {@code image_url}; may be empty
     * @param keepEmpty whether an image with nothing at the threshold is written with an empty
     *     label (a background image) rather than left out
     * @throws IllegalArgumentException for a score outside [0, 1]
     */
    public PseudoLabels(Task task, double minScore, Map<String, String> mapping, boolean keepEmpty) {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("the lowest score kept must be in [0, 1], was " + minScore);
        }
        this.task = task;
        this.minScore = minScore;
        this.mapping = Map.copyOf(mapping);
        this.keepEmpty = keepEmpty;
    }

    /** Reads the predictions and writes the labels. */
    public Result write(Path predictions, Path output) throws IOException {
        PredictionReader.Result read = new PredictionReader(task).read(predictions);
        List<Finding> findings = new ArrayList<>(read.findings());
        long written = 0;
        long empty = 0;
        try (JsonlWriter out = JsonlWriter.create(output)) {
            for (PredictionReader.Read r : read.predictions()) {
                if (!r.valid()) {
                    continue;
                }
                Prediction p = r.prediction();
                String url = p.imageUrl() != null ? p.imageUrl() : p.filename() == null ? null : mapping.get(p.filename());
                if (url == null) {
                    findings.add(new Finding(r.line(), 0, r.line() > 0 ? "" : "/" + r.index(), RuleCode.PREDICTION_UNMATCHED,
                            RuleCode.PREDICTION_UNMATCHED.defaultSeverity(),
                            Messages.format("prediction-unmatched.no-url", "filename", String.valueOf(p.filename()))));
                    continue;
                }
                ImageRecord record = record(p, url);
                if (record == null || record.classNames().isEmpty() && !keepEmpty) {
                    empty++;
                    continue;
                }
                out.write(record);
                written++;
            }
            out.commit();
        }
        return new Result(output, written, empty, findings, DatasetValidator.builder().task(task).build().validate(output));
    }

    private ImageRecord record(Prediction p, String url) {
        if (p instanceof ClassPrediction c) {
            if (task == Task.IMAGE_CLASSIFICATION) {
                int best = -1;
                for (int i = 0; i < c.labels().size(); i++) {
                    if (best < 0 || c.prob(i) > c.prob(best)) {
                        best = i;
                    }
                }
                return best >= 0 && c.prob(best) >= minScore
                        ? new ClassificationRecord(url, ImageDetails.NONE, c.labels().get(best)) : null;
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < c.labels().size(); i++) {
                if (c.prob(i) >= minScore) {
                    labels.add(c.labels().get(i));
                }
            }
            return new MultiLabelRecord(url, ImageDetails.NONE, labels);
        }
        ObjectPrediction o = (ObjectPrediction) p;
        if (task == Task.IMAGE_INSTANCE_SEGMENTATION) {
            List<InstanceMask> masks = new ArrayList<>();
            for (PredictedObject obj : o.objects()) {
                if (obj.score() >= minScore && obj.polygon() != null) {
                    masks.add(new InstanceMask(obj.label(), obj.polygon(), false, null));
                }
            }
            return new SegmentationRecord(url, ImageDetails.NONE, masks);
        }
        List<BoundingBox> boxes = new ArrayList<>();
        for (PredictedObject obj : o.objects()) {
            if (obj.score() >= minScore) {
                boxes.add(new BoundingBox(obj.label(), obj.topX(), obj.topY(), obj.bottomX(), obj.bottomY(), false));
            }
        }
        return new DetectionRecord(url, ImageDetails.NONE, boxes);
    }
}
