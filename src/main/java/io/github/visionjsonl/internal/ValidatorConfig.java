package io.github.visionjsonl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;

/**
 * Everything a validation run needs, shared read-only between runs and threads.
 *
 * @param task the task given by the user, or {@code null} to detect it
 * @param severities severities that replace the defaults
 * @param disabled rules turned off
 * @param maxFindings how many findings a report keeps
 * @param failFast whether to stop at the first error
 * @param maxLineLength the longest line read, in bytes
 * @param jsonFactory the factory of per-line parsers
 * @param validator the Bean Validation validator of the records
 */
public record ValidatorConfig(
        Task task,
        Map<RuleCode, Severity> severities,
        Set<RuleCode> disabled,
        int maxFindings,
        boolean failFast,
        int maxLineLength,
        JsonFactory jsonFactory,
        Validator validator) {

    /** Copies the collections. */
    public ValidatorConfig {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
    }

    /**
     * The severity a finding of {@code rule} gets: the user's, else the suggested one, else the
     * rule's default; {@code null} when the rule is off.
     */
    public Severity severityOf(RuleCode rule, Severity suggested) {
        if (disabled.contains(rule)) {
            return null;
        }
        Severity configured = severities.get(rule);
        if (configured != null) {
            return configured;
        }
        return suggested != null ? suggested : rule.defaultSeverity();
    }
}
