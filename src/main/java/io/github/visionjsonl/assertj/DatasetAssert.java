package io.github.visionjsonl.assertj;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Assertions on a dataset file; start with {@link VisionJsonlAssertions#assertThatDataset(Path)}.
 * The file is validated once, when the assertion is created; a file that cannot be read fails
 * with an {@link UncheckedIOException}.
 */
public class DatasetAssert extends AbstractValidationReportAssert<DatasetAssert> {

    private final Path file;
    private final DatasetValidator validator;

    /** Used by {@link VisionJsonlAssertions}. */
    public DatasetAssert(Path file, DatasetValidator validator) {
        super(validate(file, validator), DatasetAssert.class);
        this.file = file;
        this.validator = validator;
    }

    private static ValidationReport validate(Path file, DatasetValidator validator) {
        try {
            return validator.validate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * This file, as a training file, and the given validation file form a usable pair: the
     * validation file has no error, counting the checks against this file (a class this file
     * lacks, most validation images leaked), and no validation image is in this file (a leak is a
     * warning in a report, but a pair with one does not measure what it claims).
     */
    public DatasetAssert hasValidationPair(Path validation) {
        PairReport pair;
        try {
            pair = validator.validatePair(file, validation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + validation + ": " + e.getMessage(), e);
        }
        ValidationReport v = pair.validation();
        if (!v.isValid()) {
            List<Finding> errors = v.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            StringBuilder b = new StringBuilder("\nExpecting validation file " + v.source() + " to pair with " + file
                    + ", but it has " + v.errors() + (v.errors() == 1 ? " error" : " errors"));
            for (Finding f : errors.subList(0, Math.min(SHOWN, errors.size()))) {
                b.append("\n  ").append(f.format(v.source()));
            }
            failWithMessage("%s", b.toString());
        }
        List<Finding> leaks = v.findings(RuleCode.TRAIN_VALIDATION_LEAK);
        if (!leaks.isEmpty()) {
            StringBuilder b = new StringBuilder("\nExpecting validation file " + v.source() + " to pair with " + file
                    + ", but " + (v.findingsTruncated() ? "at least " : "") + leaks.size()
                    + (leaks.size() == 1 ? " of its images is" : " of its images are") + " also in the training file");
            for (Finding f : leaks.subList(0, Math.min(SHOWN, leaks.size()))) {
                b.append("\n  ").append(f.format(v.source()));
            }
            failWithMessage("%s", b.toString());
        }
        return myself;
    }
}
