package io.github.visionjsonl.predict;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores predictions against ground truth, image by image. Classification: accuracy, per-class
 * precision, recall and F1, and the confusion matrix of the top label. Multi-label: per-class
 * precision, recall and F1 of the labels whose probability reaches the threshold. Detection and
 * instance segmentation: COCO's mean average precision (the reference evaluator's definition:
 * per image and class the 100 best-scored objects, greedy matching by score to the unmatched
 * ground truth of highest IoU, crowd regions ignored, 101-point interpolated precision, averaged
 * over IoU 0.50:0.05:0.95 and over the classes that have ground truth); segmentation masks are
 * the polygons rasterized at the image size.
 */
public final class Evaluator {

    private static final double[] COCO_THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    /**
     * Per-class scores.
     *
     * @param label the class
     * @param support the ground-truth images (classification) of the class
     * @param precision the precision
     * @param recall the recall
     * @param f1 the F1 score
     */
    public record ClassScore(String label, long support, double precision, double recall, double f1) {
    }

    /**
     * The result of an evaluation.
     *
     * @param task the task
     * @param truthImages images in the ground truth
     * @param predictions predictions read without error
     * @param matched predictions matched to a ground-truth image
     * @param accuracy classification: share of matched images whose top label is right; NaN otherwise
     * @param perClass classification and multi-label: per-class scores
     * @param confusion classification: truth label -> predicted label -> count
     * @param map detection and segmentation: mAP over IoU 0.50:0.95; NaN otherwise
     * @param ap50 mAP at IoU 0.50
     * @param ap75 mAP at IoU 0.75
     * @param apPerClass AP over IoU 0.50:0.95 per class with ground truth
     * @param apByIou mAP at each IoU threshold computed (the ten of COCO and any asked for)
     * @param findings what was wrong in the predictions file, and the predictions that could not be
     *     matched: lines and pointers of the predictions file
     * @param truthFindings the errors of the ground-truth file (its lines left out): lines of that file
     */
    public record Evaluation(Task task, long truthImages, long predictions, long matched, double accuracy,
            List<ClassScore> perClass, Map<String, Map<String, Long>> confusion, double map, double ap50, double ap75,
            Map<String, Double> apPerClass, Map<Double, Double> apByIou, List<Finding> findings,
            List<Finding> truthFindings) {

        /** Copies the collections. */
        public Evaluation {
            perClass = List.copyOf(perClass);
            confusion = Collections.unmodifiableMap(new TreeMap<>(confusion));
            apPerClass = Collections.unmodifiableMap(new TreeMap<>(apPerClass));
            apByIou = Collections.unmodifiableMap(new TreeMap<>(apByIou));
            findings = List.copyOf(findings);
            truthFindings = List.copyOf(truthFindings);
        }

        /** Whether either file has an error finding. */
        public boolean hasErrors() {
            return !truthFindings.isEmpty() || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    private final Task task;
    private final Map<String, String> mapping;
    private final double threshold;
    /** COCO's ten thresholds, then any other asked for. */
    private final double[] ious;

    /**
     * @param task the task of the ground truth and the model
     * @param mapping prediction {@code filename} to ground-truth {@code image_url}, for responses
     *     without an {@code image_url} key; may be empty
     * @param threshold multi-label: the probability from which a label counts as predicted, in [0, 1]
     * @throws IllegalArgumentException for a threshold outside [0, 1]
     */
    public Evaluator(Task task, Map<String, String> mapping, double threshold) {
        this(task, mapping, threshold, new double[0]);
    }

    /**
     * @param extraIous more IoU thresholds, in (0, 1], to report mAP at (beside COCO's ten)
     * @throws IllegalArgumentException for an IoU threshold outside (0, 1], or a probability
     *     threshold outside [0, 1]
     */
    public Evaluator(Task task, Map<String, String> mapping, double threshold, double[] extraIous) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the probability threshold must be in [0, 1], was " + threshold);
        }
        this.task = task;
        this.mapping = Map.copyOf(mapping);
        this.threshold = threshold;
        double[] all = Arrays.copyOf(COCO_THRESHOLDS, COCO_THRESHOLDS.length + extraIous.length);
        for (int i = 0; i < extraIous.length; i++) {
            if (!(extraIous[i] > 0 && extraIous[i] <= 1)) {
                throw new IllegalArgumentException("an IoU threshold must be in (0, 1], was " + extraIous[i]);
            }
            all[COCO_THRESHOLDS.length + i] = extraIous[i];
        }
        this.ious = all;
    }

    /** Reads both files and scores the predictions. */
    public Evaluation evaluate(Path truth, Path predictions) throws IOException {
        List<ImageRecord> images = new ArrayList<>();
        List<Finding> truthFindings;
        try (RecordReader<ImageRecord> reader = DatasetValidator.builder().task(task).build().records(truth)) {
            for (ValidRecord<ImageRecord> r : reader) {
                images.add(r.record());
            }
            truthFindings = reader.report().findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        }
        return evaluate(images, new PredictionReader(task).read(predictions), truthFindings);
    }

    /**
     * Scores predictions against ground-truth records already read.
     *
     * @param truthFindings the errors of the ground-truth file, carried into the evaluation
     */
    public Evaluation evaluate(List<ImageRecord> truth, PredictionReader.Result read, List<Finding> truthFindings) {
        List<Finding> findings = new ArrayList<>(read.findings());
        Map<String, Integer> byUrl = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            byUrl.putIfAbsent(truth.get(i).imageUrl(), i);
            byName.putIfAbsent(baseName(truth.get(i).imageUrl()), i);
        }
        Prediction[] matched = new Prediction[truth.size()];
        long count = 0;
        long predictionCount = 0;
        for (PredictionReader.Read r : read.predictions()) {
            if (!r.valid()) {
                continue;
            }
            predictionCount++;
            Prediction p = r.prediction();
            Integer image = null;
            if (p.imageUrl() != null) {
                image = byUrl.get(p.imageUrl());
            }
            if (image == null && p.filename() != null && mapping.containsKey(p.filename())) {
                image = byUrl.get(mapping.get(p.filename()));
            }
            if (image == null && p.filename() != null) {
                image = byName.get(baseName(p.filename()));
            }
            if (image == null) {
                findings.add(new Finding(r.line(), 0, r.line() > 0 ? "" : "/" + r.index(), RuleCode.PREDICTION_UNMATCHED,
                        RuleCode.PREDICTION_UNMATCHED.defaultSeverity(), Messages.format("prediction-unmatched",
                                "filename", String.valueOf(p.filename()))));
                continue;
            }
            matched[image] = p;
            count++;
        }
        if (task.hasObjects()) {
            TreeSet<String> classes = classes(truth);
            double[][] ap = new CocoAveragePrecision(task, ious).averagePrecision(classes, truth, matched);
            Map<String, Double> perClass = new LinkedHashMap<>();
            double[] byThreshold = new double[ious.length];
            int counted = 0;
            int c = 0;
            for (String name : classes) {
                double[] row = ap[c++];
                if (row == null) {
                    continue;
                }
                perClass.put(name, Arrays.stream(row, 0, COCO_THRESHOLDS.length).average().orElse(Double.NaN));
                for (int t = 0; t < row.length; t++) {
                    byThreshold[t] += row[t];
                }
                counted++;
            }
            double map = Double.NaN;
            double ap50 = Double.NaN;
            double ap75 = Double.NaN;
            Map<Double, Double> byIou = new TreeMap<>();
            if (counted > 0) {
                for (int t = 0; t < byThreshold.length; t++) {
                    byThreshold[t] /= counted;
                    byIou.put(ious[t], byThreshold[t]);
                }
                map = Arrays.stream(byThreshold, 0, COCO_THRESHOLDS.length).average().orElse(Double.NaN);
                ap50 = byThreshold[0];
                ap75 = byThreshold[5];
            }
            return new Evaluation(task, truth.size(), predictionCount, count, Double.NaN, List.of(), Map.of(), map, ap50,
                    ap75, perClass, byIou, findings, truthFindings);
        }
        return classification(truth, matched, predictionCount, count, findings, truthFindings);
    }

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static TreeSet<String> classes(List<ImageRecord> truth) {
        TreeSet<String> names = new TreeSet<>();
        for (ImageRecord r : truth) {
            names.addAll(r.classNames());
        }
        return names;
    }

    // ---- classification ---------------------------------------------------------------------

    private Evaluation classification(List<ImageRecord> truth, Prediction[] matched, long predictions, long count,
            List<Finding> findings, List<Finding> truthFindings) {
        TreeSet<String> classes = classes(truth);
        for (Prediction p : matched) {
            if (p instanceof ClassPrediction c) {
                classes.addAll(c.labels());
            }
        }
        Map<String, long[]> counts = new TreeMap<>(); // tp, fp, fn, support
        for (String name : classes) {
            counts.put(name, new long[4]);
        }
        Map<String, Map<String, Long>> confusion = new TreeMap<>();
        long correct = 0;
        long scored = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (!(matched[i] instanceof ClassPrediction p)) {
                continue;
            }
            scored++;
            Set<String> actual = new TreeSet<>(truth.get(i).classNames());
            Set<String> predicted = new TreeSet<>();
            if (task == Task.IMAGE_CLASSIFICATION) {
                if (p.top() != null) {
                    predicted.add(p.top());
                }
                String t = truth.get(i) instanceof ClassificationRecord c ? c.label() : null;
                confusion.computeIfAbsent(t, k -> new TreeMap<>()).merge(String.valueOf(p.top()), 1L, Long::sum);
                if (t != null && t.equals(p.top())) {
                    correct++;
                }
            } else {
                for (int k = 0; k < p.labels().size(); k++) {
                    if (p.prob(k) >= threshold) {
                        predicted.add(p.labels().get(k));
                    }
                }
                if (predicted.equals(actual)) {
                    correct++;
                }
            }
            for (String name : actual) {
                counts.get(name)[3]++;
                counts.get(name)[predicted.contains(name) ? 0 : 2]++;
            }
            for (String name : predicted) {
                if (!actual.contains(name)) {
                    counts.computeIfAbsent(name, k -> new long[4])[1]++;
                }
            }
        }
        List<ClassScore> perClass = new ArrayList<>();
        counts.forEach((name, c) -> {
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassScore(name, c[3], precision, recall, f1));
        });
        double accuracy = scored == 0 ? Double.NaN : (double) correct / scored;
        return new Evaluation(task, truth.size(), predictions, count, accuracy, perClass, confusion, Double.NaN,
                Double.NaN, Double.NaN, Map.of(), Map.of(), findings, truthFindings);
    }
}
