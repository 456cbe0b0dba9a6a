package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.rules.PolygonMatchesBox;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PolygonMatchesBox}. */
public final class PolygonMatchesBoxValidator implements ConstraintValidator<PolygonMatchesBox, InstanceMask> {

    /** How far a given box edge may be from the polygon's extent. */
    static final double TOLERANCE = 0.01;

    @Override
    public boolean isValid(InstanceMask mask, ConstraintValidatorContext context) {
        return check(mask, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(InstanceMask mask, RuleSink sink) {
        if (mask == null || mask.box() == null || mask.polygon() == null) {
            return true;
        }
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
        if (minX > maxX) {
            return true;
        }
        BoundingBox box = mask.box();
        boolean valid = edge(sink, "topX", box.topX(), minX);
        valid &= edge(sink, "topY", box.topY(), minY);
        valid &= edge(sink, "bottomX", box.bottomX(), maxX);
        valid &= edge(sink, "bottomY", box.bottomY(), maxY);
        return valid;
    }

    private static boolean edge(RuleSink sink, String name, double given, double extent) {
        if (Math.abs(given - extent) <= TOLERANCE) {
            return true;
        }
        sink.report(RuleCode.POLYGON_BOX_MISMATCH, "/" + name, "polygon-box-mismatch", "name", name,
                "value", given, "extent", extent);
        return false;
    }
}
