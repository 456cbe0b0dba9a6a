package io.github.visionjsonl.report;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.RuleCode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the training runtime would keep of a file: it skips bad records and bad annotations
 * without a word and fails only when nothing usable remains, so a file can "train" on a fraction
 * of its labels. Counted from the findings the rules made, whatever severities the user gave
 * them: an error by the rule's default severity drops what it points at (a box, an instance, a
 * polygon segment, or the whole record), except the informational {@code image_details} rules
 * ({@code image-format}, {@code image-size}) and integer class names. A rule turned off drops
 * nothing.
 *
 * @param images the non-blank lines: each stands for one image
 * @param imagesKept images with a usable record and, for detection and segmentation, at least
 *     one kept annotation or {@code label: []}
 * @param annotations boxes or polygon instances in the file; for classification, the images
 * @param annotationsKept the annotations training would use
 * @param dropped the annotations dropped, by the rule that dropped them, in rule order
 * @param backgroundImages kept images with {@code label: []}
 * @param maxDroppedPercent the largest share of dropped annotations allowed, in percent, or
 *     {@link Double#NaN} when no limit was set
 */
public record RuntimeView(long images, long imagesKept, long annotations, long annotationsKept,
        Map<RuleCode, Long> dropped, long backgroundImages, double maxDroppedPercent) {

    /** Copies the map, keeping the rule order. */
    public RuntimeView {
        EnumMap<RuleCode, Long> copy = new EnumMap<>(RuleCode.class);
        copy.putAll(dropped);
        dropped = Collections.unmodifiableMap(copy);
    }

    /** The share of the annotations that would be dropped, in percent (0 when there are none). */
    public double droppedPercent() {
        return annotations == 0 ? 0 : 100.0 * (annotations - annotationsKept) / annotations;
    }

    /** Whether a limit was set and more than that share would be dropped. */
    public boolean exceedsMaxDropped() {
        return !Double.isNaN(maxDroppedPercent) && droppedPercent() > maxDroppedPercent;
    }

    /**
     * One line of text: {@code training would use 7 of 10 boxes (70.0%) on 2 of 3 images;
     * dropped: coordinate-range 1, box-inverted 1}.
     *
     * @param task the file's task, which names the annotations; {@code null} when unknown
     */
    public String describe(Task task) {
        StringBuilder b = new StringBuilder("training would use ");
        boolean classification = task == null || !task.hasObjects();
        String what = classification ? "images" : task == Task.IMAGE_INSTANCE_SEGMENTATION ? "polygons" : "boxes";
        b.append(annotationsKept).append(" of ").append(annotations).append(' ').append(what);
        if (annotations > 0) {
            b.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * annotationsKept / annotations));
        }
        if (!classification) {
            b.append(" on ").append(imagesKept).append(" of ").append(images).append(" images");
        }
        if (backgroundImages > 0) {
            b.append(", ").append(backgroundImages).append(backgroundImages == 1 ? " background image" : " background images");
        }
        if (!dropped.isEmpty()) {
            b.append("; dropped: ");
            String separator = "";
            for (Map.Entry<RuleCode, Long> e : dropped.entrySet()) {
                b.append(separator).append(e.getKey().code()).append(' ').append(e.getValue());
                separator = ", ";
            }
        }
        if (exceedsMaxDropped()) {
            b.append(String.format(Locale.ROOT, "; more than the %s%% allowed (--max-dropped)",
                    new BigDecimal(Double.toString(maxDroppedPercent)).stripTrailingZeros().toPlainString()));
        }
        return b.toString();
    }
}
