package io.github.visionjsonl;

import io.github.visionjsonl.config.ConfigFile;
import io.github.visionjsonl.images.ImageOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a configuration file sets on a builder. It lives beside the builder, not in the config
 * package, so that reading a file and building a validator do not depend on each other.
 */
final class ConfiguredSettings {

    private ConfiguredSettings() {
    }

    /**
     * Sets on the builder what the file says (task, rules, thresholds, max-findings, images,
     * threads); {@code fail-on} is for whoever judges the report, as the command line does.
     */
    static void apply(ConfigFile file, DatasetValidator.Builder b) {
        file.task().ifPresent(b::task);
        file.severities().forEach(b::severity);
        file.disabled().forEach(b::disable);
        file.fewSamples().ifPresent(b::fewSamples);
        file.imbalanceRatio().ifPresent(b::imbalanceRatio);
        file.duplicateBoxIou().ifPresent(b::duplicateBoxIou);
        file.maxFindings().ifPresent(b::maxFindings);
        if (file.imagesRoot().isPresent()) {
            ImageOptions images = ImageOptions.under(file.imagesRoot().get()).withDecode(file.decode());
            for (Map.Entry<String, Path> e : file.datastoreRoots().entrySet()) {
                images = images.withDatastoreRoot(e.getKey(), e.getValue());
            }
            b.images(images);
        }
        file.threads().ifPresent(b::threads);
    }
}
