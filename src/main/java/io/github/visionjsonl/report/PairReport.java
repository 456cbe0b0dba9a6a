package io.github.visionjsonl.report;

/**
 * The verdict on a training file and its validation file. The validation report carries the
 * findings that compare the two: {@code train-validation-leak}, {@code unseen-validation-label},
 * {@code missing-validation-class} and {@code validation-leaked}.
 *
 * @param training the report on the training file
 * @param validation the report on the validation file, checked against the training file
 */
public record PairReport(ValidationReport training, ValidationReport validation) {

    /** Whether neither file has an error. */
    public boolean isValid() {
        return training.isValid() && validation.isValid();
    }
}
