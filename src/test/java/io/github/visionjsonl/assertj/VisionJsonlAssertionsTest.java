package io.github.visionjsonl.assertj;

import static io.github.visionjsonl.assertj.VisionJsonlAssertions.assertThatDataset;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.InvalidDatasetException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The assertions pass on clean data and fail with messages a person can act on. */
class VisionJsonlAssertionsTest {

    private static final Path TRAIN = Path.of("samples/image-object-detection/train.jsonl");
    private static final Path VALIDATION = Path.of("samples/image-object-detection/validation.jsonl");
    private static final Path BROKEN = Path.of("samples/invalid/coordinate-range.jsonl");

    @Test
    void cleanDatasetPassesEveryAssertion() {
        assertThatDataset(TRAIN)
                .isValid()
                .hasNoFindings()
                .hasNoFindingsOf("duplicate-image-url", "coordinate-range")
                .hasTask(Task.IMAGE_OBJECT_DETECTION)
                .hasClasses("can", "carton", "milk_bottle", "water_bottle")
                .hasAtLeastSamplesPerClass(10)
                .hasValidationPair(VALIDATION);
    }

    @Test
    void isValidNamesFileLineAndRule() {
        assertThatThrownBy(() -> assertThatDataset(BROKEN).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting dataset " + BROKEN + " to be valid, but it has 4 errors, 0 warnings, 0 infos")
                .hasMessageContaining(BROKEN + ":2:181: error[coordinate-range]: topX must be in [0, 1], was 130.0");
        assertThatThrownBy(() -> assertThatDataset(BROKEN).as("the fridge data").isValid())
                .hasMessageStartingWith("[the fridge data]");
        assertThatDataset(BROKEN).isNotValid().hasFindingsOf("coordinate-range");
    }

    @Test
    void eachAssertionFailsWithWhatWasFound() {
        assertThatThrownBy(() -> assertThatDataset(Path.of("samples/invalid/unknown-field.jsonl")).isValid().hasNoFindings())
                .hasMessageContaining("to have no finding, but it has 0 errors, 1 warning, 0 infos")
                .hasMessageContaining("warning[unknown-field]");
        assertThatThrownBy(() -> assertThatDataset(Path.of("samples/invalid/duplicate-image-url.jsonl"))
                .hasNoFindingsOf("duplicate-image-url"))
                .hasMessageContaining("to have no finding of [duplicate-image-url], but it has 1")
                .hasMessageContaining(":3:15: warning[duplicate-image-url]: image_url repeats line 1");
        assertThatThrownBy(() -> assertThatDataset(TRAIN).hasTask(Task.IMAGE_INSTANCE_SEGMENTATION))
                .hasMessageContaining("to have the task image-instance-segmentation, but it is image-object-detection");
        assertThatThrownBy(() -> assertThatDataset(TRAIN).hasClasses("can", "carton", "bowl"))
                .hasMessageContaining("missing: [bowl]").hasMessageContaining("not expected: [milk_bottle, water_bottle]");
        assertThatThrownBy(() -> assertThatDataset(TRAIN).hasAtLeastSamplesPerClass(14))
                .hasMessageContaining("at least 14 images of every class, but these have fewer: can (13), water_bottle (11)");
        assertThatThrownBy(() -> assertThatDataset(TRAIN).hasNoFindingsOf("no-such-rule"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule");
        assertThatThrownBy(() -> assertThatDataset(TRAIN).hasFindingsOf("duplicate-box"))
                .hasMessageContaining("to have a finding of duplicate-box, but it has none");
    }

    @Test
    void pairFailureNamesTheValidationLine() {
        Path dir = Path.of("samples/invalid/pairs/unseen-validation-label");
        assertThatThrownBy(() -> assertThatDataset(dir.resolve("train.jsonl")).isValid().hasValidationPair(dir.resolve("validation.jsonl")))
                .hasMessageContaining("Expecting validation file " + dir.resolve("validation.jsonl"))
                .hasMessageContaining("validation.jsonl:3:")
                .hasMessageContaining("error[unseen-validation-label]: class \"milk_bottle\"");
    }

    @Test
    void aPairWithALeakedImageFails() {
        Path dir = Path.of("samples/invalid/pairs/train-validation-leak");
        assertThatThrownBy(() -> assertThatDataset(dir.resolve("train.jsonl")).hasValidationPair(dir.resolve("validation.jsonl")))
                .hasMessageContaining("Expecting validation file " + dir.resolve("validation.jsonl"))
                .hasMessageContaining("but 1 of its images is also in the training file")
                .hasMessageContaining("validation.jsonl:1:15: warning[train-validation-leak]");
    }

    @Test
    void aTrainingFileIsNoPairWithItself() {
        Path train = Path.of("samples/image-classification/train.jsonl");
        assertThatThrownBy(() -> assertThatDataset(train).hasValidationPair(train))
                .hasMessageContaining("error[validation-leaked]: 32 of the 32 validation images (100%)");
    }

    @Test
    void unreadableFileIsAnUncheckedIOException() {
        assertThatThrownBy(() -> assertThatDataset(Path.of("samples/none.jsonl")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("samples/none.jsonl");
    }

    @Test
    void reportAssertionsAndAConfiguredValidator() throws Exception {
        DatasetValidator lenient = DatasetValidator.builder().severity(RuleCode.COORDINATE_RANGE, Severity.WARNING).build();
        assertThatDataset(BROKEN, lenient).isValid().hasNoFindingsAtLeast(Severity.ERROR);
        ValidationReport report = lenient.validate(BROKEN);
        assertThatThrownBy(() -> VisionJsonlAssertions.assertThat(report).hasNoFindingsAtLeast(Severity.WARNING))
                .hasMessageContaining("no finding of severity warning or worse");
    }

    @Test
    void validateOrThrowCarriesTheReport() throws Exception {
        DatasetValidator validator = DatasetValidator.create();
        Assertions.assertThat(validator.validateOrThrow(TRAIN).isValid()).isTrue();
        assertThatThrownBy(() -> validator.validateOrThrow(BROKEN))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining(BROKEN + ": image-object-detection, 2 lines")
                .hasMessageContaining(BROKEN + ":2:181: error[coordinate-range]")
                .satisfies(e -> Assertions.assertThat(((InvalidDatasetException) e).report().errors())
                        .isEqualTo(4));
        Path warnings = Path.of("samples/invalid/unknown-field.jsonl");
        validator.validateOrThrow(warnings);
        assertThatThrownBy(() -> validator.validateOrThrow(warnings, Severity.WARNING))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("warning[unknown-field]");
    }
}
