package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.ClassName;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ClassName}. */
public final class ClassNameValidator implements ConstraintValidator<ClassName, String> {

    /** The class name the runtime reserves for the background. */
    public static final String BACKGROUND = "--bg--";

    @Override
    public boolean isValid(String name, ConstraintValidatorContext context) {
        return check(name, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(String name, RuleSink sink) {
        if (name == null) {
            return true;
        }
        if (name.isBlank()) {
            sink.report(RuleCode.LABEL_EMPTY, "", name.isEmpty() ? "label-empty" : "label-empty.blank");
            return false;
        }
        String stripped = name.strip();
        if (stripped.equals(BACKGROUND)) {
            sink.report(RuleCode.LABEL_RESERVED, "", "label-reserved", "value", name);
            return false;
        }
        if (stripped.length() != name.length()) {
            sink.report(RuleCode.LABEL_WHITESPACE, "", "label-whitespace", "value", name,
                    "hint", stripped);
            return false;
        }
        return true;
    }
}
