package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.report.ValidationReport;
import java.io.Serializable;
import java.util.Set;

/**
 * What a validation file's parts are checked against, besides the training images told in
 * their {@link PartKnowledge}: the training file's name and classes.
 *
 * @param source the training file's name, as its report gives it
 * @param classes the training file's classes
 */
public record Training(String source, Set<String> classes) implements Serializable {

    /** Copies the classes. */
    public Training {
        classes = Set.copyOf(classes);
    }

    /** The training side of a pair from the training file's report. */
    public static Training of(ValidationReport training) {
        return new Training(training.source(), training.classCounts().keySet());
    }

    DatasetChecks.TrainingSide side() {
        return new DatasetChecks.TrainingSide(source, null, classes);
    }
}
