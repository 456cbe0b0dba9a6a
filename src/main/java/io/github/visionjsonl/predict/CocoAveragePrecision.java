package io.github.visionjsonl.predict;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * COCO's average precision per class and IoU threshold, as the reference evaluator (pycocotools
 * {@code COCOeval}, area range "all", 100 detections) computes it.
 */
final class CocoAveragePrecision {

    private static final int MAX_DETECTIONS = 100;
    private static final int DEFAULT_RASTER = 1000;

    private final Task task;
    private final double[] ious;

    /** @param ious the IoU thresholds, one AP per class for each */
    CocoAveragePrecision(Task task, double[] ious) {
        this.task = task;
        this.ious = ious.clone();
    }

    /** AP per class (rows in the order of {@code classes}; null for a class without ground truth) and IoU threshold. */
    double[][] averagePrecision(TreeSet<String> classes, List<ImageRecord> truth, Prediction[] matched) {
        double[][] result = new double[classes.size()][];
        int c = 0;
        for (String name : classes) {
            result[c++] = averagePrecision(name, truth, matched);
        }
        return result;
    }

    /** One detection of the class in one image, with its matching results per threshold. */
    private record Scored(double score, int image, int order, boolean[] matched, boolean[] ignored) {
    }

    private double[] averagePrecision(String name, List<ImageRecord> truth, Prediction[] matched) {
        List<Scored> all = new ArrayList<>();
        long relevant = 0;
        for (int i = 0; i < truth.size(); i++) {
            List<GroundTruth> gts = groundTruth(truth.get(i), name);
            for (GroundTruth g : gts) {
                if (!g.crowd()) {
                    relevant++;
                }
            }
            List<PredictedObject> dts = new ArrayList<>();
            if (matched[i] instanceof ObjectPrediction p) {
                for (PredictedObject o : p.objects()) {
                    if (o.label().equals(name)) {
                        dts.add(o);
                    }
                }
            }
            // the reference evaluator: highest scores first (stable), at most 100
            dts.sort(Comparator.comparingDouble(PredictedObject::score).reversed());
            if (dts.size() > MAX_DETECTIONS) {
                dts = dts.subList(0, MAX_DETECTIONS);
            }
            // ground truth: regular first, crowd (ignored) last
            List<GroundTruth> ordered = new ArrayList<>(gts);
            ordered.sort(Comparator.comparing(GroundTruth::crowd));
            double[][] iou = ious(dts, ordered, truth.get(i));
            for (int d = 0; d < dts.size(); d++) {
                all.add(new Scored(dts.get(d).score(), i, d, new boolean[ious.length],
                        new boolean[ious.length]));
            }
            int first = all.size() - dts.size();
            for (int t = 0; t < ious.length; t++) {
                boolean[] gtMatched = new boolean[ordered.size()];
                for (int d = 0; d < dts.size(); d++) {
                    double best = Math.min(ious[t], 1 - 1e-10);
                    int m = -1;
                    for (int g = 0; g < ordered.size(); g++) {
                        if (gtMatched[g] && !ordered.get(g).crowd()) {
                            continue;
                        }
                        if (m > -1 && !ordered.get(m).crowd() && ordered.get(g).crowd()) {
                            break;
                        }
                        if (iou[d][g] < best) {
                            continue;
                        }
                        best = iou[d][g];
                        m = g;
                    }
                    if (m == -1) {
                        continue;
                    }
                    Scored s = all.get(first + d);
                    s.ignored()[t] = ordered.get(m).crowd();
                    s.matched()[t] = true;
                    gtMatched[m] = true;
                }
            }
        }
        if (relevant == 0) {
            return null;
        }
        // all images together, by score, ties in image order (numpy's stable mergesort)
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        double[] ap = new double[ious.length];
        for (int t = 0; t < ious.length; t++) {
            List<double[]> curve = new ArrayList<>();
            long tp = 0;
            long fp = 0;
            for (Scored s : all) {
                if (s.ignored()[t]) {
                    continue;
                }
                if (s.matched()[t]) {
                    tp++;
                } else {
                    fp++;
                }
                curve.add(new double[] {(double) tp / relevant, tp / (tp + fp + Math.ulp(1.0))});
            }
            ap[t] = interpolated(curve);
        }
        return ap;
    }

    /**
     * The reference's recall sample {@code r} of {@code np.linspace(0, 1, 101)}: numpy computes
     * {@code r * step} with {@code step = 0.01} in double, which for r = 35, 41, 47, 57, 69, 70,
     * 82, 83, 94, 95 lies a hair above {@code r / 100.0} (0.7000000000000001): a recall of
     * exactly 7/10 does not reach sample 70.
     */
    static double recallPoint(int r) {
        return r * 0.01;
    }

    /** COCO's 101-point interpolated precision: monotone from the right, sampled at the reference's recall points. */
    private static double interpolated(List<double[]> curve) {
        int n = curve.size();
        double[] recall = new double[n];
        double[] precision = new double[n];
        for (int i = 0; i < n; i++) {
            recall[i] = curve.get(i)[0];
            precision[i] = curve.get(i)[1];
        }
        for (int i = n - 1; i > 0; i--) {
            precision[i - 1] = Math.max(precision[i - 1], precision[i]);
        }
        double sum = 0;
        for (int r = 0; r <= 100; r++) {
            double threshold = recallPoint(r);
            // searchsorted(side='left'): the first recall >= threshold
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (recall[mid] < threshold) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo < n) {
                sum += precision[lo];
            }
        }
        return sum / 101;
    }

    /** A ground-truth object of one class: its box, or its mask for segmentation. */
    private record GroundTruth(BoundingBox box, Polygon polygon, boolean crowd) {
    }

    private List<GroundTruth> groundTruth(ImageRecord record, String name) {
        List<GroundTruth> out = new ArrayList<>();
        if (record instanceof DetectionRecord d) {
            for (BoundingBox b : d.boxes()) {
                if (b.label().equals(name)) {
                    out.add(new GroundTruth(b, null, b.crowd()));
                }
            }
        } else if (record instanceof SegmentationRecord s) {
            for (InstanceMask m : s.masks()) {
                if (m.label().equals(name)) {
                    out.add(new GroundTruth(null, m.polygon(), m.crowd()));
                }
            }
        } else if (record instanceof MultiLabelRecord) {
            return out;
        }
        return out;
    }

    /** IoU of every detection with every ground truth; against a crowd region, the share of the detection inside it. */
    private double[][] ious(List<PredictedObject> dts, List<GroundTruth> gts, ImageRecord image) {
        double[][] iou = new double[dts.size()][gts.size()];
        if (task == Task.IMAGE_INSTANCE_SEGMENTATION) {
            int w = image.imageDetails().width() != null ? image.imageDetails().width() : DEFAULT_RASTER;
            int h = image.imageDetails().height() != null ? image.imageDetails().height() : DEFAULT_RASTER;
            BitSet[] gMasks = new BitSet[gts.size()];
            for (int g = 0; g < gts.size(); g++) {
                gMasks[g] = raster(gts.get(g).polygon(), w, h);
            }
            for (int d = 0; d < dts.size(); d++) {
                PredictedObject o = dts.get(d);
                BitSet dm = o.polygon() != null ? raster(o.polygon(), w, h) : raster(boxPolygon(o), w, h);
                long dArea = dm.cardinality();
                for (int g = 0; g < gts.size(); g++) {
                    BitSet inter = (BitSet) dm.clone();
                    inter.and(gMasks[g]);
                    long i = inter.cardinality();
                    long union = gts.get(g).crowd() ? dArea : dArea + gMasks[g].cardinality() - i;
                    iou[d][g] = union == 0 ? 0 : (double) i / union;
                }
            }
            return iou;
        }
        for (int d = 0; d < dts.size(); d++) {
            PredictedObject o = dts.get(d);
            double dArea = Math.max(0, o.bottomX() - o.topX()) * Math.max(0, o.bottomY() - o.topY());
            for (int g = 0; g < gts.size(); g++) {
                BoundingBox b = gts.get(g).box();
                double iw = Math.min(o.bottomX(), b.bottomX()) - Math.max(o.topX(), b.topX());
                double ih = Math.min(o.bottomY(), b.bottomY()) - Math.max(o.topY(), b.topY());
                double inter = iw > 0 && ih > 0 ? iw * ih : 0;
                double union = gts.get(g).crowd() ? dArea : dArea + b.width() * b.height() - inter;
                iou[d][g] = union <= 0 ? 0 : inter / union;
            }
        }
        return iou;
    }

    private static Polygon boxPolygon(PredictedObject o) {
        return new Polygon(List.of(new Segment(new double[] {o.topX(), o.topY(), o.bottomX(), o.topY(), o.bottomX(),
            o.bottomY(), o.topX(), o.bottomY()})));
    }

    /**
     * The pixels whose centres lie inside an odd count of the polygon's segments (the runtime's
     * XOR of segments), row by row: each row's crossings with every edge, filled pairwise.
     */
    static BitSet raster(Polygon polygon, int width, int height) {
        BitSet mask = new BitSet(width * height);
        double[] crossings = new double[16];
        for (int y = 0; y < height; y++) {
            double py = (y + 0.5) / height;
            int n = 0;
            for (Segment s : polygon.segments()) {
                int points = s.pointCount();
                for (int i = 0, j = points - 1; i < points; j = i++) {
                    double yi = s.get(2 * i + 1);
                    double yj = s.get(2 * j + 1);
                    if ((yi > py) != (yj > py)) {
                        double xi = s.get(2 * i);
                        double xj = s.get(2 * j);
                        if (n == crossings.length) {
                            crossings = Arrays.copyOf(crossings, n * 2);
                        }
                        crossings[n++] = xi + (py - yi) * (xj - xi) / (yj - yi);
                    }
                }
            }
            Arrays.sort(crossings, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                int from = (int) Math.ceil(crossings[k] * width - 0.5);
                int to = (int) Math.ceil(crossings[k + 1] * width - 0.5);
                from = Math.max(0, from);
                to = Math.min(width, to);
                if (to > from) {
                    mask.set(y * width + from, y * width + to);
                }
            }
        }
        return mask;
    }
}
