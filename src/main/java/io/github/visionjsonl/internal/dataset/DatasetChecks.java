package io.github.visionjsonl.internal.dataset;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.internal.urls.UrlIndex;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.report.DatasetStatistics;
import io.github.visionjsonl.rules.RuleCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks that look across lines, in line order on the merging thread: duplicate images and
 * conflicting labels (through the {@link UrlIndex}), the training file of a pair, and at the end
 * the rules only the whole file shows, on the merged {@link RecordStats}.
 */
public final class DatasetChecks {

    /** Files of this many valid records are large enough for class counts and their ratios to tell. */
    static final int MIN_RECORDS_FOR_CLASS_RULES = 20;

    /** Where the current line's findings go, and how its pointers become columns. */
    public interface Line {
        long number();

        int column(String pointer);

        int jsonIndex(int recordIndex);
    }

    /** What a validation file is checked against: its training file. */
    public record TrainingSide(String source, UrlIndex images, Set<String> classes) {
    }

    private final ValidatorConfig config;
    /** The last line whose URL was seen before (here or in the training file), for {@link #repeatsUrl}. */
    private long lastRepeatedUrl;
    private final FindingCollector findings;
    private final Line line;
    private final TrainingSide training;
    /** Null when no rule needs it: then nothing is kept per record at all. */
    private final UrlIndex images;
    private final Set<String> unseenReported = new HashSet<>();
    /** Validation records with an image URL, and those whose image is also in the training file. */
    private long validationImages;
    private long leakedImages;
    private RecordStats stats = new RecordStats();
    /** For a part of an input read on another machine: where the images of the other parts are known, or null. */
    private final CrossLines cross;

    /**
     * @param training the training file this file is the validation file of, or null
     * @param asTraining whether this file will be the training side of a pair (so its images are
     *     kept even when the duplicate rules are off)
     */
    public DatasetChecks(ValidatorConfig config, FindingCollector findings, Line line, TrainingSide training,
            boolean asTraining) {
        this(config, findings, line, training, asTraining, null);
    }

    /**
     * @param cross for a part of an input: where its images are noted, or where those seen
     *     before them in other parts are told; null for a whole input
     */
    public DatasetChecks(ValidatorConfig config, FindingCollector findings, Line line, TrainingSide training,
            boolean asTraining, CrossLines cross) {
        this.config = config;
        this.findings = findings;
        this.line = line;
        this.training = training;
        boolean needed = asTraining || config.severityOf(RuleCode.DUPLICATE_IMAGE_URL, null) != null
                || config.severityOf(RuleCode.CONFLICTING_LABELS, null) != null;
        this.images = needed && cross == null ? new UrlIndex() : null;
        // A part notes its images even with the duplicate rules off: a pair's leaks are found from them.
        this.cross = cross;
        if (cross != null) {
            unseenReported.addAll(cross.unseenBefore());
        }
    }

    /**
     * Makes room in the duplicate index for the lines the input is expected to have, as long as
     * that takes at most a sixteenth of the heap (an estimate far off costs only that much).
     */
    public void expectLines(long count) {
        if (images != null) {
            // About 7 bytes of table per image at 60% full.
            images.reserve(Math.min(count, Runtime.getRuntime().maxMemory() / 16 / 7));
        }
    }

    /** Whether the URL fingerprints are needed at all, so workers can skip computing them. */
    public boolean needsFingerprints() {
        return images != null || training != null || cross != null;
    }

    /**
     * Checks the current line's record against the lines before it (and the training file).
     *
     * @param fingerprint the fingerprint of the record's image URL ({@link ImageUrls#fingerprint}),
     *     or 0 when the URL is missing or blank
     * @param labels the record's {@link #labelHash}, found by the line's worker
     */
    /**
     * Whether the image URL of {@code line}, the line just checked, names an image seen before in
     * this file or in the training file: the image-content rules leave such lines to the URL's rules.
     */
    public boolean repeatsUrl(long line) {
        return lastRepeatedUrl == line;
    }

    public void checkLine(ImageRecord record, long fingerprint, int labels) {
        if (fingerprint != 0) {
            long number = line.number();
            if (images != null || cross != null) {
                UrlIndex.Seen seen = images != null ? images.put(fingerprint, number, labels)
                        : cross.image(fingerprint, number, labels);
                if (seen != null) {
                    lastRepeatedUrl = number;
                    duplicate(record, seen, labels);
                }
            }
            if (training != null) {
                long trainLine = cross != null ? cross.trainingLine(number) : training.images().lineOf(fingerprint);
                validationImages++;
                if (trainLine >= 0) {
                    leakedImages++;
                    lastRepeatedUrl = number;
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
                    if (cross != null) {
                        cross.unseen(name);
                    }
                    report(RuleCode.UNSEEN_VALIDATION_LABEL, labelPointer(record, i), "unseen-validation-label",
                            "value", name, "source", training.source());
                }
            }
        }
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

    /** Up to this many names, comparing each with those before it beats a set. */
    private static final int FEW_LABELS = 16;

    /** A hash of the record's labels that does not depend on their order; 0 for objects. */
    public static int labelHash(ImageRecord record) {
        if (record instanceof ClassificationRecord c) {
            return c.label() == null ? 0 : c.label().hashCode() | 1;
        }
        if (record instanceof MultiLabelRecord m) {
            // The hash of the set of names (a sum, so order does not count), without building the set.
            List<String> labels = m.labels();
            int sum = 0;
            if (labels.size() > FEW_LABELS) {
                // Comparing each name with those before it is quadratic in a long list.
                for (String name : new HashSet<>(labels)) {
                    sum += name == null ? 0 : name.hashCode();
                }
                return sum | 1;
            }
            outer:
            for (int i = 0; i < labels.size(); i++) {
                String name = labels.get(i);
                int hash = name == null ? 0 : name.hashCode();
                for (int j = 0; j < i; j++) {
                    String other = labels.get(j);
                    if (other == name || other != null && name != null && other.hashCode() == hash && other.equals(name)) {
                        continue outer;
                    }
                }
                sum += hash;
            }
            return sum | 1;
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

    private void report(RuleCode rule, String pointer, String key, Object... params) {
        int column = findings.keeps() ? line.column(pointer) : 0;
        findings.report(rule, null, pointer, column, key, params);
    }

    // ---- at the end of the file ------------------------------------------------------------

    /**
     * Takes the merged counts of the file's task and, when the file was read to its end, reports
     * what only the whole file shows.
     */
    public void finish(Task task, long validRecords, RecordStats merged, boolean judge) {
        this.stats = merged;
        if (!judge || task == null || merged.records == 0) {
            return;
        }
        if (task.hasObjects() && merged.objects == 0) {
            findings.reportAt(0, RuleCode.NO_OBJECTS, "", "no-objects", "records", merged.records);
        }
        if (merged.firstIntegerName > 0 && merged.firstStringName > 0) {
            findings.reportAt(Math.max(merged.firstIntegerName, merged.firstStringName), RuleCode.MIXED_LABEL_TYPES,
                    "/label", "mixed-label-types", "integer", merged.firstIntegerName, "string", merged.firstStringName);
        }
        caseVariants();
        if (validRecords > 0) {
            classRules(task, validRecords);
        }
        if (training != null && leakedImages * 2 > validationImages) {
            findings.reportAt(0, RuleCode.VALIDATION_LEAKED, "", "validation-leaked", "leaked", leakedImages,
                    "images", validationImages, "share", Math.round(100.0 * leakedImages / validationImages),
                    "source", training.source());
        }
        if (training != null) {
            for (String name : new TreeSet<>(training.classes())) {
                if (!merged.classes.containsKey(name)) {
                    findings.reportAt(0, RuleCode.MISSING_VALIDATION_CLASS, "", "missing-validation-class",
                            "value", name, "source", training.source());
                }
            }
        }
    }

    private void caseVariants() {
        Map<String, RecordStats.ClassState> classes = stats.classes;
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
                RecordStats.ClassState c = classes.get(name);
                names.append('"').append(name).append("\" (").append(c.instances).append(", first on line ")
                        .append(c.firstLine).append(')');
            }
            findings.reportAt(classes.get(group.get(1)).firstLine, RuleCode.CASE_VARIANT_LABELS, "/label",
                    "case-variant-labels", "names", names);
        }
    }

    /**
     * The rules of the file's classes. One class is a verdict on any file; a class's count only
     * once the file had room for every class to reach the threshold (or has 20 records), since
     * in a handful of lines every class is rare and that is the file's size; a ratio of counts
     * only on 20 records, below which it says nothing.
     */
    private void classRules(Task task, long validRecords) {
        Map<String, RecordStats.ClassState> classes = stats.classes;
        boolean countsTell = validRecords >= Math.min(MIN_RECORDS_FOR_CLASS_RULES,
                (long) config.fewSamples() * classes.size());
        boolean classification = !task.hasObjects();
        if (classification && classes.size() < 2) {
            findings.reportAt(0, RuleCode.SINGLE_CLASS, "", "single-class", "count", classes.size(),
                    "names", String.join(", ", new TreeMap<>(classes).keySet()));
        }
        long most = 0;
        long fewest = Long.MAX_VALUE;
        String mostName = null;
        String fewestName = null;
        for (Map.Entry<String, RecordStats.ClassState> e : new TreeMap<>(classes).entrySet()) {
            long count = e.getValue().images;
            if (countsTell && count < config.fewSamples()) {
                findings.reportAt(e.getValue().firstLine, RuleCode.FEW_SAMPLES, "", "few-samples", "value", e.getKey(),
                        "count", count, "threshold", config.fewSamples());
            }
            if (count > most) {
                most = count;
                mostName = e.getKey();
            }
            if (count < fewest) {
                fewest = count;
                fewestName = e.getKey();
            }
        }
        if (fewestName != null && validRecords >= MIN_RECORDS_FOR_CLASS_RULES
                && (double) most / fewest > config.imbalanceRatio()) {
            findings.reportAt(0, RuleCode.CLASS_IMBALANCE, "", "class-imbalance", "most", mostName, "mostCount", most,
                    "fewest", fewestName, "fewestCount", fewest,
                    "ratio", String.format(Locale.ROOT, "%.1f", (double) most / fewest),
                    "limit", String.format(Locale.ROOT, "%s", config.imbalanceRatio()));
        }
    }

    // ---- results ---------------------------------------------------------------------------

    /** Validation records with an image URL, and those whose image is in the training file too. */
    public long[] pairCounts() {
        return new long[] {validationImages, leakedImages};
    }

    /** Adds the pair counts of a part of the validation file read on another machine. */
    public void addPairCounts(long[] counts) {
        validationImages += counts[0];
        leakedImages += counts[1];
    }

    public Map<String, Long> classCounts() {
        return stats.classCounts();
    }

    public DatasetStatistics statistics() {
        return stats.statistics();
    }

    /** What a validation file is checked against, once this (training) file is read. */
    public TrainingSide asTraining(String source) {
        if (images == null) {
            throw new IllegalStateException("this run was not set up as the training side of a pair");
        }
        return new TrainingSide(source, images, Set.copyOf(stats.classes.keySet()));
    }
}
