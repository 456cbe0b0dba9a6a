package io.github.visionjsonl.rules.internal;

import io.github.visionjsonl.rules.LabelSet;
import io.github.visionjsonl.rules.RuleCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks {@link LabelSet}. */
public final class LabelSetValidator implements ConstraintValidator<LabelSet, List<String>> {

    /** Up to this many names, comparing each with those before it beats a map. */
    private static final int FEW_LABELS = 16;

    @Override
    public boolean isValid(List<String> labels, ConstraintValidatorContext context) {
        return check(labels, Violations.sink(context));
    }

    /** Checks a value, reporting to the sink; whether it is valid. */
    public static boolean check(List<String> labels, RuleSink sink) {
        if (labels == null) {
            return true;
        }
        if (labels.isEmpty()) {
            sink.report(RuleCode.LABEL_LIST_EMPTY, "", "label-list-empty");
            return false;
        }
        if (labels.size() > FEW_LABELS) {
            return checkMany(labels, sink);
        }
        boolean valid = true;
        // Label lists are short: comparing each name with those before it beats a map per line.
        // Hashes first: the reader hands out one String per name, its hash computed once, and
        // names like class_017 and class_018 differ only in their last character.
        for (int i = 1; i < labels.size(); i++) {
            String name = labels.get(i);
            if (name == null) {
                continue;
            }
            int hash = name.hashCode();
            for (int j = 0; j < i; j++) {
                String other = labels.get(j);
                if (other != null && other.hashCode() == hash && name.equals(other)) {
                    sink.report(RuleCode.LABEL_DUPLICATE, "/" + i, "label-duplicate", "value", name, "first", j);
                    valid = false;
                    break;
                }
            }
        }
        return valid;
    }

    /** A long list, by a map of first positions: comparing with every name before is quadratic. */
    private static boolean checkMany(List<String> labels, RuleSink sink) {
        boolean valid = true;
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.get(i);
            if (name == null) {
                continue;
            }
            Integer j = first.putIfAbsent(name, i);
            if (j != null) {
                sink.report(RuleCode.LABEL_DUPLICATE, "/" + i, "label-duplicate", "value", name, "first", j);
                valid = false;
            }
        }
        return valid;
    }
}
