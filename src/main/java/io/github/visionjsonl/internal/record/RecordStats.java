package io.github.visionjsonl.internal.record;

import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.DatasetStatistics;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the records of one task contain: per class, objects, shapes, URL forms, the first line
 * of an integer and of a string class name. Every worker keeps its own and they are merged at
 * the end (sums, minimums, and the parallel form of Welford's variance), so counting costs the
 * merging thread nothing. Memory grows with the count of classes only.
 */
public final class RecordStats implements Serializable {

    public static final class ClassState implements Serializable {
        /** The record that last counted an image of this class, so that an image counts once. */
        long lastRecord;
        public long images;
        public long instances;
        long crowd;
        public long firstLine;

        ClassState(long firstLine) {
            this.firstLine = firstLine;
        }
    }

    public final Map<String, ClassState> classes = new HashMap<>();
    /** Records per URL scheme; counters in arrays, so counting boxes nothing. */
    private final Map<String, long[]> schemes = new HashMap<>();
    private final Histogram objectsPerImage = Histogram.of(0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 1000);
    private final Histogram boxWidth = Histogram.linear(0, 1, 20);
    private final Histogram boxHeight = Histogram.linear(0, 1, 20);
    private final Histogram boxArea = Histogram.binary(-24, 0);
    private final Histogram pointsPerSegment = Histogram.of(0, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000, 10000);
    long imagesWithoutObjects;
    public long objects;
    public long records;
    /** First lines of an integer and of a string class name, 0 when none. */
    public long firstIntegerName;
    public long firstStringName;

    /** Counts a record (also one with errors: it is in the file). */
    public void add(long line, ImageRecord record, int integerNames, int stringNames) {
        String url = record.imageUrl();
        add(line, record, url == null ? "none" : ImageUrls.scheme(url), integerNames, stringNames);
    }

    /**
     * Counts a record whose URL's scheme the caller already knows.
     *
     * @param scheme the form of its URL ({@link ImageUrls#scheme}), "none" when it has none
     */
    public void add(long line, ImageRecord record, String scheme, int integerNames, int stringNames) {
        records++;
        if (integerNames > 0) {
            firstIntegerName = first(firstIntegerName, line);
        }
        if (stringNames > 0) {
            firstStringName = first(firstStringName, line);
        }
        schemes.computeIfAbsent(scheme, k -> new long[1])[0]++;
        if (record instanceof DetectionRecord d) {
            List<BoundingBox> boxes = d.boxes();
            objects(boxes.size(), true);
            // Indexed loops: an iterator per record was a tenth of what validating allocated.
            for (int i = 0; i < boxes.size(); i++) {
                BoundingBox b = boxes.get(i);
                instance(line, b.label(), b.crowd());
                shape(b.width(), b.height());
            }
        } else if (record instanceof SegmentationRecord s) {
            List<InstanceMask> masks = s.masks();
            objects(masks.size(), true);
            for (int i = 0; i < masks.size(); i++) {
                InstanceMask m = masks.get(i);
                instance(line, m.label(), m.crowd());
                List<Segment> segments = m.polygon().segments();
                for (int j = 0; j < segments.size(); j++) {
                    pointsPerSegment.add(segments.get(j).size() / 2.0);
                }
                double[] e = ObjectChecks.extent(m);
                if (e != null) {
                    shape(e[2] - e[0], e[3] - e[1]);
                }
            }
        } else if (record instanceof MultiLabelRecord m) {
            List<String> labels = m.labels();
            objects(labels.size(), false);
            for (int i = 0; i < labels.size(); i++) {
                instance(line, labels.get(i), false);
            }
        } else if (record instanceof ClassificationRecord c) {
            objects(c.label() == null ? 0 : 1, false);
            instance(line, c.label(), false);
        }
    }

    private static long first(long current, long line) {
        return current == 0 ? line : Math.min(current, line);
    }

    private void objects(int count, boolean hasObjects) {
        objectsPerImage.add(count);
        objects += count;
        if (count == 0 && hasObjects) {
            imagesWithoutObjects++;
        }
    }

    private void instance(long line, String name, boolean crowd) {
        if (name == null) {
            return;
        }
        ClassState c = classes.get(name);
        if (c == null) {
            c = new ClassState(line);
            classes.put(name, c);
        }
        c.instances++;
        if (c.lastRecord != records) {
            c.lastRecord = records;
            c.images++;
        }
        if (crowd) {
            c.crowd++;
        }
    }

    private void shape(double w, double h) {
        if (w > 0 && h > 0) {
            boxWidth.add(w);
            boxHeight.add(h);
            boxArea.add(w * h);
        }
    }

    /** Adds another worker's counts to these. */
    public void mergeFrom(RecordStats other) {
        other.classes.forEach((name, o) -> {
            ClassState c = classes.get(name);
            if (c == null) {
                c = new ClassState(o.firstLine);
                classes.put(name, c);
            }
            c.images += o.images;
            c.instances += o.instances;
            c.crowd += o.crowd;
            c.firstLine = Math.min(c.firstLine, o.firstLine);
        });
        other.schemes.forEach((k, v) -> schemes.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        objectsPerImage.mergeFrom(other.objectsPerImage);
        boxWidth.mergeFrom(other.boxWidth);
        boxHeight.mergeFrom(other.boxHeight);
        boxArea.mergeFrom(other.boxArea);
        pointsPerSegment.mergeFrom(other.pointsPerSegment);
        imagesWithoutObjects += other.imagesWithoutObjects;
        objects += other.objects;
        records += other.records;
        if (other.firstIntegerName > 0) {
            firstIntegerName = first(firstIntegerName, other.firstIntegerName);
        }
        if (other.firstStringName > 0) {
            firstStringName = first(firstStringName, other.firstStringName);
        }
    }

    public Map<String, Long> classCounts() {
        Map<String, Long> counts = new TreeMap<>();
        classes.forEach((k, v) -> counts.put(k, v.instances));
        return counts;
    }

    public DatasetStatistics statistics() {
        Map<String, Long> perScheme = new TreeMap<>();
        schemes.forEach((k, v) -> perScheme.put(k, v[0]));
        Map<String, ClassStatistics> perClass = new LinkedHashMap<>();
        new TreeMap<>(classes).forEach((k, v) -> perClass.put(k, new ClassStatistics(v.images, v.instances, v.crowd)));
        return new DatasetStatistics(perClass, imagesWithoutObjects, objectsPerImage.summary(), boxWidth.summary(),
                boxHeight.summary(), boxArea.summary(), pointsPerSegment.summary(), perScheme, null);
    }
}
