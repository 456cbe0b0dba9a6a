package io.github.visionjsonl.internal.settings;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
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
 * @param fewSamples the fewest images a class may have without a few-samples finding
 * @param imbalanceRatio the largest ratio of the biggest to the smallest class without a finding
 * @param duplicateBoxIou the IoU above which two boxes of one class are duplicates
 * @param images where the image files are, or {@code null} not to check them
 * @param threads how many threads examine lines
 * @param jsonFactory the factory of per-line parsers
 */
public record ValidatorConfig(
        Task task,
        Map<RuleCode, Severity> severities,
        Set<RuleCode> disabled,
        int maxFindings,
        boolean failFast,
        int maxLineLength,
        int fewSamples,
        double imbalanceRatio,
        double duplicateBoxIou,
        ImageOptions images,
        int threads,
        JsonFactory jsonFactory) {

    /** Copies the collections. */
    public ValidatorConfig {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
    }

    /** The same configuration with another task. */
    public ValidatorConfig withTask(Task other) {
        return new ValidatorConfig(other, severities, disabled, maxFindings, failFast, maxLineLength, fewSamples,
                imbalanceRatio, duplicateBoxIou, images, threads, jsonFactory);
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
