package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.rules.NormalizedPolygon;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Checks {@link NormalizedPolygon}. */
public final class NormalizedPolygonValidator implements ConstraintValidator<NormalizedPolygon, Polygon> {

    @Override
    public boolean isValid(Polygon polygon, ConstraintValidatorContext context) {
        return check(polygon, Violations.sink(context));
    }

    /** Checks a polygon, reporting to the sink; whether it is valid. */
    public static boolean check(Polygon polygon, RuleSink sink) {
        if (polygon == null) {
            return true;
        }
        boolean valid = true;
        List<Segment> segments = polygon.segments();
        for (int s = 0; s < segments.size(); s++) {
            valid &= segment(sink, s, segments.get(s));
        }
        return valid;
    }

    /** Checks {@link NormalizedPolygon} on a {@code double[][]} of segments. */
    public static final class OfArrays implements ConstraintValidator<NormalizedPolygon, double[][]> {
        @Override
        public boolean isValid(double[][] polygon, ConstraintValidatorContext context) {
            RuleSink sink = Violations.sink(context);
            if (polygon == null) {
                return true;
            }
            boolean valid = true;
            for (int s = 0; s < polygon.length; s++) {
                if (polygon[s] == null || polygon[s].length == 0) {
                    sink.report(RuleCode.POLYGON_SHAPE, "/" + s, "polygon-shape.empty-segment", "segment", s);
                    valid = false;
                } else {
                    valid &= segment(sink, s, new Segment(polygon[s]));
                }
            }
            if (polygon.length == 0) {
                sink.report(RuleCode.POLYGON_SHAPE, "", "polygon-shape.empty");
                valid = false;
            }
            return valid;
        }
    }

    private static boolean segment(RuleSink sink, int s, Segment segment) {
        int n = segment.size();
        boolean valid = true;
        if (n % 2 != 0) {
            sink.report(RuleCode.POLYGON_ODD, "/" + s, "polygon-odd", "segment", s, "count", n);
            valid = false;
        } else if (n < 6) {
            sink.report(RuleCode.POLYGON_TOO_FEW_POINTS, "/" + s, "polygon-too-few-points",
                    "segment", s, "points", n / 2);
            valid = false;
        }
        int outside = 0;
        int firstOutside = -1;
        for (int i = 0; i < n; i++) {
            double v = segment.get(i);
            if (!(v >= 0.0 && v <= 1.0)) {
                if (outside++ == 0) {
                    firstOutside = i;
                }
            }
        }
        if (outside > 0) {
            double v = segment.get(firstOutside);
            String hint = v > 1.0 + NormalizedBoxValidator.CLAMP_TOLERANCE ? "polygon-range.pixel"
                    : v >= -NormalizedBoxValidator.CLAMP_TOLERANCE ? "polygon-range.clamp" : "polygon-range";
            sink.report(RuleCode.POLYGON_RANGE, "/" + s + "/" + firstOutside, hint, "segment", s,
                    "index", firstOutside, "value", v, "count", outside);
            valid = false;
        }
        if (valid && degenerate(segment)) {
            sink.report(RuleCode.POLYGON_DEGENERATE, "/" + s, "polygon-degenerate", "segment", s);
            valid = false;
        }
        return valid;
    }

    /** Fewer than 3 distinct points, or a zero area (all points on one line). */
    private static boolean degenerate(Segment segment) {
        int points = segment.pointCount();
        double x0 = segment.get(0);
        double y0 = segment.get(1);
        double twiceArea = 0;
        int distinct = 1;
        double secondX = Double.NaN;
        double secondY = Double.NaN;
        for (int p = 0; p < points; p++) {
            double x = segment.get(2 * p);
            double y = segment.get(2 * p + 1);
            int q = (p + 1) % points;
            twiceArea += x * segment.get(2 * q + 1) - segment.get(2 * q) * y;
            if (distinct < 3 && !(x == x0 && y == y0) && !(x == secondX && y == secondY)) {
                if (distinct == 1) {
                    secondX = x;
                    secondY = y;
                }
                distinct++;
            }
        }
        return distinct < 3 || twiceArea == 0.0;
    }
}
