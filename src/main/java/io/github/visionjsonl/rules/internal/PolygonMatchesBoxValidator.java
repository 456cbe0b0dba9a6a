package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.InstanceMask;
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
        double[] extent = mask.polygon().extent();
        if (extent == null) {
            return true;
        }
        double minX = extent[0];
        double minY = extent[1];
        double maxX = extent[2];
        double maxY = extent[3];
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
