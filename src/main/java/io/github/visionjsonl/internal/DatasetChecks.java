package io.github.visionjsonl.internal;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.DatasetStatistics;
import io.github.visionjsonl.rules.RuleCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks that look across lines, done in the same single pass: duplicate images, conflicting
 * labels, class balance, label types, boxes against each other and against the image size, and
 * the statistics of the report. State: one {@link UrlIndex} slot per image, one entry per class,
 * fixed histograms.
 */
final class DatasetChecks {

    /** Class rules judge only datasets of at least this many valid records: on a handful, every class is "rare". */
    static final int MIN_RECORDS_FOR_CLASS_RULES = 20;

    /** Just under one pixel: 0.11 - 0.1 of 100 pixels is 0.99999... in doubles, and is one pixel. */
    private static final double SUB_PIXEL = 1 - 1e-9;

    /** Where the current line's findings go, and how its pointers become columns. */
    interface Line {
        long number();

        int column(String pointer);

        int jsonIndex(int recordIndex);
    }

    /** What a validation file is checked against: its training file. */
    record TrainingSide(String source, UrlIndex images, Set<String> classes) {
    }

    private static final class ClassState {
        long images;
        long instances;
        long crowd;
        final long firstLine;

        ClassState(long firstLine) {
            this.firstLine = firstLine;
        }
    }

    private final ValidatorConfig config;
    private final FindingCollector findings;
    private final Line line;
    private final TrainingSide training;
    /** Null when no rule needs it: then nothing is kept per record at all. */
    private final UrlIndex images;
    private final Map<String, ClassState> classes = new HashMap<>();
    private final Map<String, Long> schemes = new TreeMap<>();
    private final Set<String> unseenReported = new HashSet<>();
    private final Histogram objectsPerImage = Histogram.of(0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 1000);
    private final Histogram boxWidth = Histogram.linear(0, 1, 20);
    private final Histogram boxHeight = Histogram.linear(0, 1, 20);
    private final Histogram boxArea = Histogram.logarithmic(-6, 0, 4);
    private final Histogram pointsPerSegment = Histogram.of(0, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000, 10000);
    private long imagesWithoutObjects;
    private long objects;
    private long records;
    private long firstIntegerName;
    private long firstStringName;

    /**
     * @param training the training file this file is the validation file of, or null
     * @param asTraining whether this file will be the training side of a pair (so its images are
     *     kept even when the duplicate rules are off)
     */
    DatasetChecks(ValidatorConfig config, FindingCollector findings, Line line, TrainingSide training,
            boolean asTraining) {
        this.config = config;
        this.findings = findings;
        this.line = line;
        this.training = training;
        boolean needed = asTraining || config.severityOf(RuleCode.DUPLICATE_IMAGE_URL, null) != null
                || config.severityOf(RuleCode.CONFLICTING_LABELS, null) != null;
        this.images = needed ? new UrlIndex() : null;
    }

    // ---- per line, while its bytes are at hand ---------------------------------------------

    /** Checks the current line's record against the lines before it (and the training file). */
    void checkLine(ImageRecord record, int integerNames, int stringNames) {
        long number = line.number();
        if (integerNames > 0 && firstIntegerName == 0) {
            firstIntegerName = number;
        }
        if (stringNames > 0 && firstStringName == 0) {
            firstStringName = number;
        }
        String url = record.imageUrl();
        if (url != null && !url.isBlank() && (images != null || training != null)) {
            long fingerprint = UrlIndex.fingerprint(ImageUrls.canonical(url));
            if (images != null) {
                int labels = labelHash(record);
                UrlIndex.Seen seen = images.put(fingerprint, number, labels);
                if (seen != null) {
                    duplicate(record, seen, labels);
                }
            }
            if (training != null) {
                long trainLine = training.images().lineOf(fingerprint);
                if (trainLine >= 0) {
                    report(RuleCode.TRAIN_VALIDATION_LEAK, "/image_url", "train-validation-leak", "line", trainLine,
                            "source", training.source());
                }
            }
        }
        if (training != null) {
            List<String> names = record.classNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name != null && !training.classes().contains(name) && unseenReported.add(name)) {
                    report(RuleCode.UNSEEN_VALIDATION_LABEL, labelPointer(record, i), "unseen-validation-label",
                            "value", name, "source", training.source());
                }
            }
        }
        if (record instanceof DetectionRecord d) {
            duplicateBoxes(d.boxes());
        }
        tinyBoxes(record);
    }

    private void duplicate(ImageRecord record, UrlIndex.Seen seen, int labels) {
        boolean classification = record instanceof ClassificationRecord || record instanceof MultiLabelRecord;
        if (classification && seen.labelHash() != 0 && labels != 0 && seen.labelHash() != labels) {
            report(RuleCode.CONFLICTING_LABELS, "/label", "conflicting-labels", "line", seen.line());
        } else {
            report(RuleCode.DUPLICATE_IMAGE_URL, "/image_url",
                    record.task().hasObjects() ? "duplicate-image-url.merge" : "duplicate-image-url",
                    "line", seen.line());
        }
    }

    /** A hash of the record's labels that does not depend on their order; 0 for objects. */
    private static int labelHash(ImageRecord record) {
        if (record instanceof ClassificationRecord c) {
            return c.label() == null ? 0 : c.label().hashCode() | 1;
        }
        if (record instanceof MultiLabelRecord m) {
            return new HashSet<>(m.labels()).hashCode() | 1;
        }
        return 0;
    }

    private String labelPointer(ImageRecord record, int i) {
        if (record instanceof ClassificationRecord) {
            return "/label";
        }
        String p = "/label/" + line.jsonIndex(i);
        return record.task().hasObjects() ? p + "/label" : p;
    }

    /** Same-class boxes whose IoU passes the threshold; a sweep over boxes sorted by left edge. */
    private void duplicateBoxes(List<BoundingBox> boxes) {
        int n = boxes.size();
        if (n < 2) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(boxes.get(a).topX(), boxes.get(b).topX()));
        for (int a = 0; a < n; a++) {
            BoundingBox first = boxes.get(order[a]);
            for (int b = a + 1; b < n; b++) {
                BoundingBox second = boxes.get(order[b]);
                if (second.topX() >= first.bottomX()) {
                    break;
                }
                if (first.label().equals(second.label())) {
                    double iou = iou(first, second);
                    if (iou > config.duplicateBoxIou()) {
                        int earlier = Math.min(order[a], order[b]);
                        int later = Math.max(order[a], order[b]);
                        report(RuleCode.DUPLICATE_BOX, "/label/" + line.jsonIndex(later), "duplicate-box",
                                "value", first.label(), "other", line.jsonIndex(earlier),
                                "iou", String.format(Locale.ROOT, "%.3f", iou));
                    }
                }
            }
        }
    }

    static double iou(BoundingBox a, BoundingBox b) {
        double w = Math.min(a.bottomX(), b.bottomX()) - Math.max(a.topX(), b.topX());
        double h = Math.min(a.bottomY(), b.bottomY()) - Math.max(a.topY(), b.topY());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }

    private void tinyBoxes(ImageRecord record) {
        ImageDetails details = record.imageDetails();
        if (!details.hasSize() || details.width() <= 0 || details.height() <= 0) {
            return;
        }
        if (record instanceof DetectionRecord d) {
            for (int i = 0; i < d.boxes().size(); i++) {
                BoundingBox b = d.boxes().get(i);
                tiny(i, b.width(), b.height(), details);
            }
        } else if (record instanceof SegmentationRecord s) {
            for (int i = 0; i < s.masks().size(); i++) {
                double[] e = extent(s.masks().get(i));
                if (e != null) {
                    tiny(i, e[2] - e[0], e[3] - e[1], details);
                }
            }
        }
    }

    private void tiny(int i, double width, double height, ImageDetails details) {
        double w = width * details.width();
        double h = height * details.height();
        // Zero and negative sizes are empty or inverted boxes, which have rules of their own.
        if ((w > 0 && w < SUB_PIXEL) || (h > 0 && h < SUB_PIXEL)) {
            report(RuleCode.TINY_BOX, "/label/" + line.jsonIndex(i), "tiny-box",
                    "width", String.format(Locale.ROOT, "%.2f", w), "height", String.format(Locale.ROOT, "%.2f", h),
                    "image", details.width() + "x" + details.height());
        }
    }

    /** minX, minY, maxX, maxY of a mask's polygon, or null without points. */
    private static double[] extent(InstanceMask mask) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Segment s : mask.polygon().segments()) {
            for (int i = 0; i + 1 < s.size(); i += 2) {
                minX = Math.min(minX, s.get(i));
                maxX = Math.max(maxX, s.get(i));
                minY = Math.min(minY, s.get(i + 1));
                maxY = Math.max(maxY, s.get(i + 1));
            }
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX, maxY};
    }

    private void report(RuleCode rule, String pointer, String key, Object... params) {
        int column = findings.keeps() ? line.column(pointer) : 0;
        findings.report(rule, null, pointer, column, key, params);
    }

    // ---- per record, for the statistics ----------------------------------------------------

    /** Counts a record of the file's task (also one with errors: it is in the file). */
    void count(long lineNumber, ImageRecord record) {
        records++;
        schemes.merge(record.imageUrl() == null ? "none" : ImageUrls.scheme(record.imageUrl()), 1L, Long::sum);
        List<String> names = record.classNames();
        objectsPerImage.add(names.size());
        objects += names.size();
        if (names.isEmpty() && record.task().hasObjects()) {
            imagesWithoutObjects++;
        }
        Set<String> inImage = names.size() > 1 ? new HashSet<>() : null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                continue;
            }
            ClassState c = classes.computeIfAbsent(name, k -> new ClassState(lineNumber));
            c.instances++;
            if (inImage == null || inImage.add(name)) {
                c.images++;
            }
        }
        if (record instanceof DetectionRecord d) {
            for (BoundingBox b : d.boxes()) {
                shape(b.width(), b.height());
                if (b.crowd()) {
                    classes.get(b.label()).crowd++;
                }
            }
        } else if (record instanceof SegmentationRecord s) {
            for (InstanceMask m : s.masks()) {
                for (Segment seg : m.polygon().segments()) {
                    pointsPerSegment.add(seg.size() / 2.0);
                }
                double[] e = extent(m);
                if (e != null) {
                    shape(e[2] - e[0], e[3] - e[1]);
                }
                if (m.crowd()) {
                    classes.get(m.label()).crowd++;
                }
            }
        }
    }

    private void shape(double w, double h) {
        if (w > 0 && h > 0) {
            boxWidth.add(w);
            boxHeight.add(h);
            boxArea.add(w * h);
        }
    }

    // ---- at the end of the file ------------------------------------------------------------

    /** Reports what only the whole file shows. */
    void finish(Task task, long validRecords) {
        if (task == null || records == 0) {
            return;
        }
        if (task.hasObjects() && objects == 0) {
            findings.reportAt(0, RuleCode.NO_OBJECTS, "", "no-objects", "records", records);
        }
        if (firstIntegerName > 0 && firstStringName > 0) {
            findings.reportAt(Math.max(firstIntegerName, firstStringName), RuleCode.MIXED_LABEL_TYPES, "/label",
                    "mixed-label-types", "integer", firstIntegerName, "string", firstStringName);
        }
        caseVariants();
        if (validRecords >= MIN_RECORDS_FOR_CLASS_RULES) {
            classRules(task);
        }
        if (training != null) {
            for (String name : new java.util.TreeSet<>(training.classes())) {
                if (!classes.containsKey(name)) {
                    findings.reportAt(0, RuleCode.MISSING_VALIDATION_CLASS, "", "missing-validation-class",
                            "value", name, "source", training.source());
                }
            }
        }
    }

    private void caseVariants() {
        Map<String, List<String>> groups = new HashMap<>();
        for (String name : classes.keySet()) {
            groups.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        for (List<String> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort((a, b) -> Long.compare(classes.get(a).firstLine, classes.get(b).firstLine));
            StringBuilder names = new StringBuilder();
            for (String name : group) {
                if (names.length() > 0) {
                    names.append(", ");
                }
                ClassState c = classes.get(name);
                names.append('"').append(name).append("\" (").append(c.instances).append(", first on line ")
                        .append(c.firstLine).append(')');
            }
            findings.reportAt(classes.get(group.get(1)).firstLine, RuleCode.CASE_VARIANT_LABELS, "/label",
                    "case-variant-labels", "names", names);
        }
    }

    private void classRules(Task task) {
        boolean classification = !task.hasObjects();
        if (classification && classes.size() < 2) {
            findings.reportAt(0, RuleCode.SINGLE_CLASS, "", "single-class", "count", classes.size(),
                    "names", String.join(", ", new TreeMap<>(classes).keySet()));
        }
        long most = 0;
        long fewest = Long.MAX_VALUE;
        String mostName = null;
        String fewestName = null;
        for (Map.Entry<String, ClassState> e : new TreeMap<>(classes).entrySet()) {
            long images = e.getValue().images;
            if (images < config.fewSamples()) {
                findings.reportAt(e.getValue().firstLine, RuleCode.FEW_SAMPLES, "", "few-samples", "value", e.getKey(),
                        "count", images, "threshold", config.fewSamples());
            }
            if (images > most) {
                most = images;
                mostName = e.getKey();
            }
            if (images < fewest) {
                fewest = images;
                fewestName = e.getKey();
            }
        }
        if (fewestName != null && (double) most / fewest > config.imbalanceRatio()) {
            findings.reportAt(0, RuleCode.CLASS_IMBALANCE, "", "class-imbalance", "most", mostName, "mostCount", most,
                    "fewest", fewestName, "fewestCount", fewest,
                    "ratio", String.format(Locale.ROOT, "%.1f", (double) most / fewest),
                    "limit", String.format(Locale.ROOT, "%s", config.imbalanceRatio()));
        }
    }

    // ---- results ---------------------------------------------------------------------------

    Map<String, Long> classCounts() {
        Map<String, Long> counts = new TreeMap<>();
        classes.forEach((k, v) -> counts.put(k, v.instances));
        return counts;
    }

    DatasetStatistics statistics() {
        Map<String, ClassStatistics> perClass = new LinkedHashMap<>();
        new TreeMap<>(classes).forEach((k, v) -> perClass.put(k, new ClassStatistics(v.images, v.instances, v.crowd)));
        return new DatasetStatistics(perClass, imagesWithoutObjects, objectsPerImage.summary(), boxWidth.summary(),
                boxHeight.summary(), boxArea.summary(), pointsPerSegment.summary(), schemes);
    }

    /** What a validation file is checked against, once this (training) file is read. */
    TrainingSide asTraining(String source) {
        if (images == null) {
            throw new IllegalStateException("this run was not set up as the training side of a pair");
        }
        return new TrainingSide(source, images, Set.copyOf(classes.keySet()));
    }
}
