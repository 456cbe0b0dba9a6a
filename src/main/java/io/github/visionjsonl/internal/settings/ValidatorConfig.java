package io.github.visionjsonl.internal.settings;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.reading.internal.binding.LineBinder;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.EnumMap;
import java.util.EnumSet;
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

    /** The longest line read by default, in bytes: 16 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;
    /** The count of findings a report keeps by default. */
    public static final int DEFAULT_MAX_FINDINGS = 1000;
    /** The fewest images per class before {@code few-samples} fires, by default. */
    public static final int DEFAULT_FEW_SAMPLES = 5;
    /** The largest-to-smallest class ratio before {@code class-imbalance} fires, by default. */
    public static final double DEFAULT_IMBALANCE_RATIO = 50;
    /** The IoU above which two same-class boxes are a {@code duplicate-box}, by default. */
    public static final double DEFAULT_DUPLICATE_BOX_IOU = 0.95;

    /** A builder holding the defaults: task detected, every rule at its default severity. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, for a run that differs in one setting. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.task = task;
        b.severities.putAll(severities);
        b.disabled.addAll(disabled);
        b.maxFindings = maxFindings;
        b.failFast = failFast;
        b.maxLineLength = maxLineLength;
        b.fewSamples = fewSamples;
        b.imbalanceRatio = imbalanceRatio;
        b.duplicateBoxIou = duplicateBoxIou;
        b.images = images;
        b.threads = threads;
        b.jsonFactory = jsonFactory;
        return b;
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

    /**
     * Collects a configuration. The values are checked by {@code DatasetValidator.Builder}, which
     * fills one of these; not thread-safe.
     */
    public static final class Builder {
        private Task task;
        private final Map<RuleCode, Severity> severities = new EnumMap<>(RuleCode.class);
        private final Set<RuleCode> disabled = EnumSet.noneOf(RuleCode.class);
        private int maxFindings = DEFAULT_MAX_FINDINGS;
        private boolean failFast;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private int fewSamples = DEFAULT_FEW_SAMPLES;
        private double imbalanceRatio = DEFAULT_IMBALANCE_RATIO;
        private double duplicateBoxIou = DEFAULT_DUPLICATE_BOX_IOU;
        private ImageOptions images;
        private int threads = 1;
        /** Kept from {@link #toBuilder()} while the longest line stays the same: making one costs. */
        private JsonFactory jsonFactory;

        private Builder() {
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        /** Gives a rule another severity, and turns it back on if it was off. */
        public Builder severity(RuleCode rule, Severity severity) {
            severities.put(rule, severity);
            disabled.remove(rule);
            return this;
        }

        /** Turns a rule off. */
        public Builder disable(RuleCode rule) {
            disabled.add(rule);
            severities.remove(rule);
            return this;
        }

        public Builder maxFindings(int maxFindings) {
            this.maxFindings = maxFindings;
            return this;
        }

        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength != this.maxLineLength) {
                jsonFactory = null;
            }
            this.maxLineLength = maxLineLength;
            return this;
        }

        public Builder fewSamples(int fewSamples) {
            this.fewSamples = fewSamples;
            return this;
        }

        public Builder imbalanceRatio(double imbalanceRatio) {
            this.imbalanceRatio = imbalanceRatio;
            return this;
        }

        public Builder duplicateBoxIou(double duplicateBoxIou) {
            this.duplicateBoxIou = duplicateBoxIou;
            return this;
        }

        public Builder images(ImageOptions images) {
            this.images = images;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public ValidatorConfig build() {
            JsonFactory factory = jsonFactory != null ? jsonFactory : LineBinder.lineFactory(maxLineLength);
            return new ValidatorConfig(task, severities, disabled, maxFindings, failFast, maxLineLength, fewSamples,
                    imbalanceRatio, duplicateBoxIou, images, threads, factory);
        }
    }
}
