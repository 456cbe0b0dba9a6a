package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.model.Box;
import io.github.visionjsonl.rules.NormalizedBox;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NormalizedBox}. */
public final class NormalizedBoxValidator implements ConstraintValidator<NormalizedBox, Box> {

    /** How far outside [0, 1] a value may be for the message to suggest clamping it. */
    static final double CLAMP_TOLERANCE = 0.01;

    @Override
    public boolean isValid(Box box, ConstraintValidatorContext context) {
        return check(box, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(Box box, RuleSink sink) {
        if (box == null) {
            return true;
        }
        // One pass over plain doubles: this runs for every box of every line.
        boolean valid = inRange(box.topX()) & inRange(box.topY()) & inRange(box.bottomX()) & inRange(box.bottomY());
        if (!valid) {
            range(sink, "topX", box.topX(), "width");
            range(sink, "topY", box.topY(), "height");
            range(sink, "bottomX", box.bottomX(), "width");
            range(sink, "bottomY", box.bottomY(), "height");
        }
        valid &= order(sink, "X", box.topX(), box.bottomX(), "width");
        valid &= order(sink, "Y", box.topY(), box.bottomY(), "height");
        return valid;
    }

    private static boolean inRange(double v) {
        return v >= 0.0 && v <= 1.0;
    }

    private static void range(RuleSink sink, String name, double value, String dimension) {
        if (inRange(value)) {
            return;
        }
        rangeViolation(sink, RuleCode.COORDINATE_RANGE, "/" + name, "coordinate-range", name, value, dimension);
    }

    /** Reports a value outside [0, 1] with the hint that fits it: pixels, or a clamp. */
    static void rangeViolation(RuleSink sink, RuleCode rule, String pointer, String keyPrefix,
            String name, double value, String dimension) {
        String variant;
        Object bound = null;
        if (value > 1.0 + CLAMP_TOLERANCE) {
            variant = ".pixel";
        } else if (value > 1.0) {
            variant = ".clamp";
            bound = 1;
        } else if (value >= -CLAMP_TOLERANCE) {
            variant = ".clamp";
            bound = 0;
        } else {
            variant = "";
        }
        sink.report(rule, pointer, keyPrefix + variant, "name", name, "value", value,
                "dimension", dimension, "bound", bound);
    }

    private static boolean order(RuleSink sink, String axis, double top, double bottom,
            String dimension) {
        if (top < bottom) {
            return true;
        }
        if (top == bottom) {
            sink.report(RuleCode.BOX_EMPTY, "/bottom" + axis, "box-empty", "axis", axis, "value", top,
                    "dimension", dimension);
        } else {
            sink.report(RuleCode.BOX_INVERTED, "/bottom" + axis, "box-inverted", "axis", axis,
                    "top", top, "bottom", bottom);
        }
        return false;
    }
}
