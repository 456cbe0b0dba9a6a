package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageContentOptions;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The options of {@code validate} made into a {@link DatasetValidator} and its image checks. */
final class ValidatorOptions {

    /** The most findings {@code --write-baseline} keeps of one file when --max-findings is lower. */
    private static final int BASELINE_FINDINGS = 1_000_000;

    private ValidatorOptions() {
    }

    /** The validator the options ask for; a usage error for an option out of its range. */
    static DatasetValidator build(ValidateCommand c) {
        DatasetValidator.Builder b = DatasetValidator.builder();
        if (c.task != null) {
            b.task(c.task);
        }
        for (String rule : c.rules) {
            int eq = rule.indexOf('=');
            if (eq < 0) {
                throw c.usage("--rule: expected CODE=SEVERITY (e.g. unknown-field=error), was '" + rule + "'");
            }
            String code = rule.substring(0, eq);
            String value = rule.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            RuleCode r = RuleCode.fromCode(code).orElseThrow(() -> c.usage("--rule: unknown rule '" + code
                    + "'; see docs/rules.md for the codes"));
            if (value.equals("off")) {
                b.disable(r);
            } else {
                b.severity(r, parse(c, () -> Severity.parse(value), "--rule " + code));
            }
        }
        if (c.maxPerRule < 0) {
            throw c.usage("--max-per-rule must be >= 0, was " + c.maxPerRule);
        }
        if (c.maxFindings < 0) {
            throw c.usage("--max-findings must be >= 0, was " + c.maxFindings);
        }
        if (c.maxLineLength <= 0 || c.maxLineLength > (1 << 30)) {
            throw c.usage("--max-line-length must be in [1, 1073741824], was " + c.maxLineLength);
        }
        if (c.imagesRoot != null) {
            b.images(imageOptions(c));
        } else if (!c.datastoreRoots.isEmpty() || c.decode || c.imageThreads != null || c.imageContent
                || c.nearDuplicateDistance != null || !c.imageThresholds.isEmpty()) {
            throw c.usage("--datastore-root, --decode, --image-threads and --image-content need --images-root");
        }
        CommandLine cli = c.spec.commandLine();
        if (c.maxDropped != null) {
            ErrorMessages.option(cli, "--max-dropped", () -> b.maxDropped(c.maxDropped));
        }
        ErrorMessages.option(cli, "--few-samples", () -> b.fewSamples(c.fewSamples));
        ErrorMessages.option(cli, "--imbalance-ratio", () -> b.imbalanceRatio(c.imbalanceRatio));
        ErrorMessages.option(cli, "--duplicate-box-iou", () -> b.duplicateBoxIou(c.duplicateBoxIou));
        ErrorMessages.option(cli, "--threads", () -> b.threads(c.threads));
        long keep = c.maxFindings + (c.baseline == null ? 0L : c.baseline.size());
        if (c.writeBaseline != null) {
            keep = Math.max(keep, BASELINE_FINDINGS);
        }
        return b.maxFindings((int) Math.min(Integer.MAX_VALUE, keep)).failFast(c.failFast).maxLineLength(c.maxLineLength).build();
    }

    /** The image-content thresholds, or null without --image-content. */
    private static ImageContentOptions contentThresholds(ValidateCommand c) {
        if (!c.imageContent) {
            if (c.nearDuplicateDistance != null || !c.imageThresholds.isEmpty()) {
                throw c.usage("--near-duplicate-distance and --image-threshold need --image-content");
            }
            return null;
        }
        ImageContentOptions thresholds = ImageContentOptions.DEFAULTS;
        try {
            if (c.nearDuplicateDistance != null) {
                thresholds = thresholds.withNearDuplicateDistance(c.nearDuplicateDistance);
            }
            for (String t : c.imageThresholds) {
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    throw c.usage("--image-threshold: expected NAME=VALUE (e.g. dark=30), was '" + t + "'");
                }
                thresholds = thresholds.with(t.substring(0, eq).strip(), Double.parseDouble(t.substring(eq + 1).strip()));
            }
        } catch (NumberFormatException e) {
            throw c.usage("--image-threshold: the value is not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw c.usage((c.nearDuplicateDistance != null ? "--near-duplicate-distance/" : "") + "--image-threshold: "
                    + e.getMessage());
        }
        return thresholds;
    }

    /** The image checks of --images-root and the options that go with it. */
    static ImageOptions imageOptions(ValidateCommand c) {
        ImageOptions images = ImageOptions.under(c.imagesRoot).withDecode(c.decode).withContent(contentThresholds(c));
        if (c.imageThreads != null) {
            if (c.imageThreads < 1) {
                throw c.usage("--image-threads must be >= 1, was " + c.imageThreads);
            }
            images = images.withThreads(c.imageThreads);
        }
        for (String root : c.datastoreRoots) {
            int eq = root.indexOf('=');
            if (eq <= 0 || eq == root.length() - 1) {
                throw c.usage("--datastore-root: expected NAME=DIR, was '" + root + "'");
            }
            images = images.withDatastoreRoot(root.substring(0, eq), Path.of(root.substring(eq + 1)));
        }
        if (!Files.isDirectory(c.imagesRoot)) {
            throw c.usage("--images-root: " + c.imagesRoot + " is not a folder");
        }
        return images;
    }

    /** The parsed value of an option; a usage error naming the option when it does not parse. */
    static <T> T parse(ValidateCommand c, Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw c.usage(option + ": " + e.getMessage());
        }
    }
}
