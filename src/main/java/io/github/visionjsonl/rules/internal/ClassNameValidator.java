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
        if (name == null) {
            return true;
        }
        if (name.isBlank()) {
            Violations.add(context, RuleCode.LABEL_EMPTY, "", name.isEmpty() ? "label-empty" : "label-empty.blank");
            return false;
        }
        String stripped = name.strip();
        if (stripped.equals(BACKGROUND)) {
            Violations.add(context, RuleCode.LABEL_RESERVED, "", "label-reserved", "value", name);
            return false;
        }
        if (stripped.length() != name.length()) {
            Violations.add(context, RuleCode.LABEL_WHITESPACE, "", "label-whitespace", "value", name,
                    "hint", stripped);
            return false;
        }
        return true;
    }
}
