package io.github.visionjsonl.spi;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A validator's settings in a form that travels to other machines
 * ({@link io.github.visionjsonl.DatasetValidator#engineSettings()}). Immutable.
 *
 * @param task the task given, or {@code null} to detect it
 * @param severities severities that replace the rules' defaults
 * @param disabled rules turned off
 * @param maxFindings how many findings a report keeps
 * @param failFast whether reading stops at the first error (an order no part can know)
 * @param maxLineLength the longest line read, in bytes
 * @param fewSamples the few-samples threshold
 * @param imbalanceRatio the class-imbalance threshold
 * @param duplicateBoxIou the duplicate-box threshold
 * @param images whether image files are checked (not done in parts)
 * @param maxDroppedPercent the share of annotations training may drop, NaN for no limit
 */
public record EngineSettings(Task task, Map<RuleCode, Severity> severities, Set<RuleCode> disabled, int maxFindings,
        boolean failFast, int maxLineLength, int fewSamples, double imbalanceRatio, double duplicateBoxIou,
        boolean images, double maxDroppedPercent) implements Serializable {

    /** Copies the collections into serializable ones. */
    public EngineSettings {
        severities = Collections.unmodifiableMap(severities.isEmpty() ? new EnumMap<>(RuleCode.class)
                : new EnumMap<>(severities));
        disabled = Collections.unmodifiableSet(disabled.isEmpty() ? EnumSet.noneOf(RuleCode.class)
                : EnumSet.copyOf(disabled));
    }

    /** The same settings with a task given (a pair's validation file is read with its training file's). */
    public EngineSettings withTask(Task given) {
        return new EngineSettings(given, severities, disabled, maxFindings, failFast, maxLineLength, fewSamples,
                imbalanceRatio, duplicateBoxIou, images, maxDroppedPercent);
    }

    /** The configuration of a run over one part: one thread, no images. */
    ValidatorConfig config() {
        ValidatorConfig.Builder b = ValidatorConfig.builder().task(task).maxFindings(maxFindings).failFast(failFast)
                .maxLineLength(maxLineLength).fewSamples(fewSamples).imbalanceRatio(imbalanceRatio)
                .duplicateBoxIou(duplicateBoxIou).threads(1);
        severities.forEach(b::severity);
        disabled.forEach(b::disable);
        return b.build();
    }
}
