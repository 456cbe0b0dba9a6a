package io.github.visionjsonl.internal.record;

import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The dataset rules that need one record only: boxes drawn twice ({@code duplicate-box}) and
 * boxes under a pixel ({@code tiny-box}). They run where the record is made, on any thread;
 * a rule that is off costs nothing.
 */
public final class ObjectChecks {

    /** Just under one pixel: 0.11 - 0.1 of 100 pixels is 0.99999... in doubles, and is one pixel. */
    private static final double SUB_PIXEL = 1 - 1e-9;

    /** Up to this many boxes, comparing each with those before it is cheaper than a grid. */
    private static final int FEW_BOXES = 16;
    /** Widens the grid's bounds against rounding in the logarithms and divisions. */
    private static final double SLACK = 1 + 1e-6;

    private final double duplicateIou;
    private final boolean duplicatesOn;
    private final boolean tinyOn;
    /** The width of a size bucket on a logarithmic scale: two duplicates' sizes are within one. */
    private final double sizeStep;
    /** How far, relative to its size, a duplicate's corner can be from the other's. */
    private final double cornerReach;

    public ObjectChecks(ValidatorConfig config) {
        this.duplicateIou = config.duplicateBoxIou();
        // No IoU is above 1: a threshold of 1 finds nothing, and the grid needs t < 1.
        this.duplicatesOn = config.severityOf(RuleCode.DUPLICATE_BOX, null) != null && duplicateIou < 1;
        this.tinyOn = config.severityOf(RuleCode.TINY_BOX, null) != null;
        this.sizeStep = -Math.log(duplicateIou) * SLACK;
        this.cornerReach = (1 - duplicateIou) / duplicateIou * SLACK;
    }

    public void check(ImageRecord record, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        if (duplicatesOn && record instanceof DetectionRecord d) {
            duplicateBoxes(d.boxes(), jsonIndex, target);
        }
        if (tinyOn) {
            tinyBoxes(record, jsonIndex, target);
        }
    }

    /**
     * Reports each box that repeats an earlier box of its class (IoU above the threshold) once,
     * as a duplicate of the first box it repeats: by comparing with every box before it for a
     * few boxes, through a grid for many.
     */
    private void duplicateBoxes(List<BoundingBox> boxes, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        int n = boxes.size();
        if (n < 2) {
            return;
        }
        if (n > FEW_BOXES) {
            duplicatesInGrid(boxes, jsonIndex, target);
            return;
        }
        for (int b = 1; b < n; b++) {
            BoundingBox second = boxes.get(b);
            for (int a = 0; a < b; a++) {
                BoundingBox first = boxes.get(a);
                if (sameLabel(first, second)) {
                    double iou = iou(first, second);
                    if (iou > duplicateIou) {
                        duplicate(second, b, a, iou, jsonIndex, target);
                        break;
                    }
                }
            }
        }
    }

    /**
     * The grid's bound: IoU is at most the overlap of the boxes' extents on either axis, so a
     * box with IoU {@code t} over another has a width within a factor {@code t} of the other's,
     * and left edges closer than {@code (1 - t) / t} times the smaller width (heights and top
     * edges alike). Boxes are filed by class, then by the logarithm of their width and height in
     * steps of {@code -2 ln t}, and by their top-left corner in cells twice as large as that
     * reach for the largest size of their step: on each of the four axes a candidate is within
     * half a step or cell, so in the box's own or the nearer neighbour, 16 cells in all (the
     * 81 around it cost five times as many lookups). Each cell lists its boxes in line
     * order, so the search of a cell stops at its first duplicate; a box identical to an
     * earlier one repeats whatever that one repeats, and is answered without a search.
     */
    private void duplicatesInGrid(List<BoundingBox> boxes, IntUnaryOperator jsonIndex, RecordRules.Target target) {
        int n = boxes.size();
        Map<String, Map<Cell, IntList>> classes = new HashMap<>();
        Map<BoundingBox, Integer> firstCopies = new HashMap<>();
        int[] repeated = new int[n];
        double[] repeatedIou = new double[n];
        for (int b = 0; b < n; b++) {
            BoundingBox box = boxes.get(b);
            repeated[b] = -1;
            double w = box.width();
            double h = box.height();
            if (!(w > 0 && h > 0 && w < Double.POSITIVE_INFINITY && h < Double.POSITIVE_INFINITY)) {
                // An empty, inverted or unbounded box overlaps nothing.
                continue;
            }
            BoundingBox plain = box.crowd() ? new BoundingBox(box.label(), box.topX(), box.topY(), box.bottomX(),
                    box.bottomY(), false) : box;
            Integer copyOf = firstCopies.putIfAbsent(plain, b);
            if (copyOf != null) {
                int k = copyOf;
                repeated[b] = repeated[k] >= 0 ? repeated[k] : k;
                repeatedIou[b] = repeated[k] >= 0 ? repeatedIou[k] : 1;
                duplicate(box, b, repeated[b], repeatedIou[b], jsonIndex, target);
                continue;
            }
            double wPosition = Math.log(w) / (2 * sizeStep);
            double hPosition = Math.log(h) / (2 * sizeStep);
            long wStep = bounded(wPosition);
            long hStep = bounded(hPosition);
            Map<Cell, IntList> cells = classes.get(box.label());
            if (cells == null) {
                // The first box of its class repeats none: many classes cost one lookup a box.
                cells = new HashMap<>();
                classes.put(box.label(), cells);
            }
            int best = Integer.MAX_VALUE;
            double bestIou = 0;
            for (int i = 0; i < 16; i++) {
                // Of the two steps and cells on each axis, the own (bit clear) and the nearer neighbour.
                long ws = (i & 1) == 0 ? wStep : nearer(wPosition, wStep);
                long hs = (i & 2) == 0 ? hStep : nearer(hPosition, hStep);
                double xPosition = box.topX() / cellSize(ws);
                double yPosition = box.topY() / cellSize(hs);
                long x = (i & 4) == 0 ? bounded(xPosition) : nearer(xPosition, bounded(xPosition));
                long y = (i & 8) == 0 ? bounded(yPosition) : nearer(yPosition, bounded(yPosition));
                IntList list = cells.get(new Cell(ws, hs, x, y));
                if (list == null) {
                    continue;
                }
                for (int k = 0; k < list.size && list.values[k] < best; k++) {
                    int a = list.values[k];
                    double iou = iou(boxes.get(a), box);
                    if (iou > duplicateIou) {
                        best = a;
                        bestIou = iou;
                        break;
                    }
                }
            }
            if (best != Integer.MAX_VALUE) {
                repeated[b] = best;
                repeatedIou[b] = bestIou;
                duplicate(box, b, best, bestIou, jsonIndex, target);
            }
            cells.computeIfAbsent(new Cell(wStep, hStep, bounded(box.topX() / cellSize(wStep)),
                    bounded(box.topY() / cellSize(hStep))), c -> new IntList()).add(b);
        }
    }

    /** The side of the cells of a size step: twice the corner reach of the step's largest size. */
    private double cellSize(long step) {
        return 2 * cornerReach * Math.exp((step + 1) * 2 * sizeStep) * SLACK;
    }

    /** The neighbour of a step or cell that a position within half a step of this one can be in. */
    private static long nearer(double position, long at) {
        return position - at < 0.5 ? at - 1 : at + 1;
    }

    /** A cell or step number, kept clear of overflow when its neighbours are numbered. */
    private static long bounded(double position) {
        double limit = 0x1p62;
        return (long) Math.floor(Math.max(-limit, Math.min(limit, position)));
    }

    private static boolean sameLabel(BoundingBox a, BoundingBox b) {
        String x = a.label();
        String y = b.label();
        return x == y || x != null && y != null && x.hashCode() == y.hashCode() && x.equals(y);
    }

    private static void duplicate(BoundingBox box, int index, int first, double iou, IntUnaryOperator jsonIndex,
            RecordRules.Target target) {
        target.violation(RuleCode.DUPLICATE_BOX, "/label/" + jsonIndex.applyAsInt(index), "duplicate-box",
                new Object[] {"value", box.label(), "other", jsonIndex.applyAsInt(first), "iou", new Decimal(iou, "%.3f")});
    }

    /** A cell of a class's grid: a size step of width and of height, and a corner's cell. */
    private record Cell(long widthStep, long heightStep, long x, long y) {
    }

    /** The boxes of a cell, in line order. */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
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
                    new Object[] {"width", new Decimal(w, "%.2f"), "height", new Decimal(h, "%.2f"),
                        "image", details.width() + "x" + details.height()});
        }
    }

    /** minX, minY, maxX, maxY of a mask's polygon, or null without points. */
    static double[] extent(InstanceMask mask) {
        return mask.polygon().extent();
    }
}
