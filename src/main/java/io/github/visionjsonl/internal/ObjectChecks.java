package io.github.visionjsonl.internal;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * The dataset rules that need one record only: boxes drawn twice ({@code duplicate-box}) and
 * boxes under a pixel ({@code tiny-box}). They run where the record is made, on any thread.
 */
final class ObjectChecks {

    /** Just under one pixel: 0.11 - 0.1 of 100 pixels is 0.99999... in doubles, and is one pixel. */
    private static final double SUB_PIXEL = 1 - 1e-9;

    private final double duplicateIou;

    ObjectChecks(ValidatorConfig config) {
        this.duplicateIou = config.duplicateBoxIou();
    }

    void check(ImageRecord record, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        if (record instanceof DetectionRecord d) {
            duplicateBoxes(d.boxes(), jsonIndex, target);
        }
        tinyBoxes(record, jsonIndex, target);
    }

    /**
     * Same-class boxes whose IoU passes the threshold: all pairs for a few boxes, a sweep over
     * boxes sorted by left edge for many.
     */
    private void duplicateBoxes(List<BoundingBox> boxes, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        int n = boxes.size();
        if (n < 2) {
            return;
        }
        if (n <= 16) {
            for (int a = 0; a < n; a++) {
                BoundingBox first = boxes.get(a);
                for (int b = a + 1; b < n; b++) {
                    BoundingBox second = boxes.get(b);
                    if (first.label().hashCode() == second.label().hashCode() && first.label().equals(second.label())) {
                        duplicate(first, second, a, b, jsonIndex, target);
                    }
                }
            }
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
                    duplicate(first, second, order[a], order[b], jsonIndex, target);
                }
            }
        }
    }

    private void duplicate(BoundingBox first, BoundingBox second, int i, int j, IntUnaryOperator jsonIndex,
            RecordRules.Target target) {
        double iou = iou(first, second);
        if (iou > duplicateIou) {
            target.violation(RuleCode.DUPLICATE_BOX, "/label/" + jsonIndex.applyAsInt(Math.max(i, j)), "duplicate-box",
                    new Object[] {"value", first.label(), "other", jsonIndex.applyAsInt(Math.min(i, j)),
                        "iou", String.format(Locale.ROOT, "%.3f", iou)});
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

    private static void tinyBoxes(ImageRecord record, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        ImageDetails details = record.imageDetails();
        if (!details.hasSize() || details.width() <= 0 || details.height() <= 0) {
            return;
        }
        if (record instanceof DetectionRecord d) {
            for (int i = 0; i < d.boxes().size(); i++) {
                BoundingBox b = d.boxes().get(i);
                tiny(i, b.width(), b.height(), details, jsonIndex, target);
            }
        } else if (record instanceof SegmentationRecord s) {
            for (int i = 0; i < s.masks().size(); i++) {
                double[] e = extent(s.masks().get(i));
                if (e != null) {
                    tiny(i, e[2] - e[0], e[3] - e[1], details, jsonIndex, target);
                }
            }
        }
    }

    private static void tiny(int i, double width, double height, ImageDetails details, IntUnaryOperator jsonIndex,
            RecordRules.Target target) {
        double w = width * details.width();
        double h = height * details.height();
        // Zero and negative sizes are empty or inverted boxes, which have rules of their own.
        if ((w > 0 && w < SUB_PIXEL) || (h > 0 && h < SUB_PIXEL)) {
            target.violation(RuleCode.TINY_BOX, "/label/" + jsonIndex.applyAsInt(i), "tiny-box",
                    new Object[] {"width", String.format(Locale.ROOT, "%.2f", w),
                        "height", String.format(Locale.ROOT, "%.2f", h), "image", details.width() + "x" + details.height()});
        }
    }

    /** minX, minY, maxX, maxY of a mask's polygon, or null without points. */
    static double[] extent(InstanceMask mask) {
        return mask.polygon().extent();
    }
}
