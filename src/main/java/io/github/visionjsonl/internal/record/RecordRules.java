package io.github.visionjsonl.internal.record;

import io.github.visionjsonl.internal.urls.UrlFacts;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.internal.ClassNameValidator;
import io.github.visionjsonl.rules.internal.FormatMatchesUrlValidator;
import io.github.visionjsonl.rules.internal.ImageFormatValidator;
import io.github.visionjsonl.rules.internal.ImageUrlValidator;
import io.github.visionjsonl.rules.internal.LabelSetValidator;
import io.github.visionjsonl.rules.internal.NormalizedBoxValidator;
import io.github.visionjsonl.rules.internal.NormalizedPolygonValidator;
import io.github.visionjsonl.rules.internal.PixelSizeValidator;
import io.github.visionjsonl.rules.internal.PolygonMatchesBoxValidator;
import io.github.visionjsonl.rules.internal.RuleSink;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Applies the constraints of a record's annotations by calling their validators' checks
 * directly, in the order Bean Validation would meet them. This is what the record classes
 * declare, without the cost of a general validation engine on every line (measured: Hibernate
 * Validator's traversal took longer than parsing the line); {@code RecordRulesTest} proves that
 * Hibernate Validator finds the same violations on the same records.
 *
 * <p>The sink is reused: it keeps where in the line the value being checked sits, and builds a
 * pointer only when something is reported. Not thread-safe; one per worker.
 */
public final class RecordRules implements RuleSink {

    /** Receives what the checks find, with the line's JSON pointer. */
    public interface Target {
        void violation(RuleCode rule, String pointer, String messageKey, Object[] params);
    }

    private Target target;
    private IntUnaryOperator jsonIndex;
    private int element;
    private String field;
    private boolean listRelative;

    /**
     * Checks every constraint of the record, reporting to the target.
     *
     * @param url what the line's worker found in the record's URL, once for every use
     */
    public void check(ImageRecord record, UrlFacts url, IntUnaryOperator toJsonIndex, Target to) {
        this.target = to;
        this.jsonIndex = toJsonIndex;
        at(-1, "/image_url");
        String extensionFamily = url.extensionFamily();
        ImageUrlValidator.check(record.imageUrl(), extensionFamily, url.parts(), this);
        ImageDetails details = record.imageDetails();
        if (details != ImageDetails.NONE) {
            at(-1, "/image_details/format");
            ImageFormatValidator.check(details.format(), this);
            at(-1, "/image_details/width");
            PixelSizeValidator.check(details.width(), this);
            at(-1, "/image_details/height");
            PixelSizeValidator.check(details.height(), this);
        }
        at(-1, "");
        FormatMatchesUrlValidator.check(record, extensionFamily, this);
        // One method per record type: in one method, the JIT ran out of its inlining budget.
        if (record instanceof ClassificationRecord c) {
            at(-1, "/label");
            ClassNameValidator.check(c.label(), this);
        } else if (record instanceof MultiLabelRecord m) {
            labels(m.labels());
        } else if (record instanceof DetectionRecord d) {
            boxes(d.boxes());
        } else if (record instanceof SegmentationRecord s) {
            masks(s.masks());
        }
    }

    private void labels(List<String> labels) {
        at(-1, "/label");
        listRelative = true;
        LabelSetValidator.check(labels, this);
        listRelative = false;
        for (int i = 0; i < labels.size(); i++) {
            at(i, "");
            ClassNameValidator.check(labels.get(i), this);
        }
    }

    private void boxes(List<BoundingBox> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            BoundingBox box = boxes.get(i);
            at(i, "");
            NormalizedBoxValidator.check(box, this);
            at(i, "/label");
            ClassNameValidator.check(box.label(), this);
        }
    }

    private void masks(List<InstanceMask> masks) {
        for (int i = 0; i < masks.size(); i++) {
            InstanceMask mask = masks.get(i);
            at(i, "");
            PolygonMatchesBoxValidator.check(mask, this);
            at(i, "/label");
            ClassNameValidator.check(mask.label(), this);
            at(i, "/polygon");
            NormalizedPolygonValidator.check(mask.polygon(), this);
        }
    }

    private void at(int labelElement, String fieldPointer) {
        this.element = labelElement;
        this.field = fieldPointer;
    }

    @Override
    public void report(RuleCode rule, String relativePointer, String messageKey, Object... params) {
        String relative = relativePointer;
        if (listRelative && relative.length() > 1) {
            // A check of the whole label list points at an element by its position in the record.
            int end = relative.indexOf('/', 1);
            end = end < 0 ? relative.length() : end;
            try {
                relative = "/" + jsonIndex.applyAsInt(Integer.parseInt(relative.substring(1, end))) + relative.substring(end);
            } catch (NumberFormatException e) {
                // not an element pointer: keep it
            }
        }
        String pointer = element >= 0 ? "/label/" + jsonIndex.applyAsInt(element) + field + relative : field + relative;
        target.violation(rule, pointer, messageKey, params);
    }
}
