package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.util.Optional;

/**
 * What validates each FILE of {@code vision-jsonl validate} in place of the validator itself
 * ({@link VisionJsonl#run(String[], java.io.InputStream,
 * java.io.PrintWriter, java.io.PrintWriter, DatasetEngine)}): an engine on a cluster, given the
 * validator the options made, returns the report the validator would.
 */
public interface DatasetEngine {

    /**
     * Validates one dataset as {@code validator.validate(Path.of(file))} would.
     *
     * @throws IOException when the dataset cannot be read, as the validator would throw it
     *     ({@link java.nio.file.NoSuchFileException} for a missing file)
     */
    ValidationReport validate(DatasetValidator validator, String file) throws IOException;

    /**
     * Validates a training dataset and its validation dataset as
     * {@code validator.validatePair(Path.of(training), Path.of(validation))} would.
     *
     * @throws IOException when one cannot be read, naming it as the validator would
     */
    PairReport validatePair(DatasetValidator validator, String training, String validation) throws IOException;

    /**
     * Why this engine cannot validate with the validator's settings (image checks, say, that a
     * configuration file turned on), or empty when it can; {@code validate} then stops with a
     * usage error that names the reason, before reading anything.
     */
    default Optional<String> refusal(DatasetValidator validator) {
        return Optional.empty();
    }
}
