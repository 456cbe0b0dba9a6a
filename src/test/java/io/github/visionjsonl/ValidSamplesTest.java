package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clean samples validate clean, and real-world export shapes give no error. */
class ValidSamplesTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "image-classification, train.jsonl", "image-classification, validation.jsonl",
        "image-classification-multilabel, train.jsonl", "image-classification-multilabel, validation.jsonl",
        "image-object-detection, train.jsonl", "image-object-detection, validation.jsonl",
        "image-instance-segmentation, train.jsonl", "image-instance-segmentation, validation.jsonl"})
    void cleanSamplesHaveNoFinding(String task, String file) throws Exception {
        ValidationReport r = VALIDATOR.validate(Path.of("samples", task, file));
        assertThat(r.findings()).isEmpty();
        assertThat(r.task()).isEqualTo(Task.fromName(task).orElseThrow());
        assertThat(r.validRecords()).isEqualTo(r.lines()).isPositive();
        assertThat(r.classCounts()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"detection-export.jsonl, image-object-detection", "segmentation-export.jsonl, image-instance-segmentation"})
    void automlExportsHaveNoError(String file, String task) throws Exception {
        ValidationReport r = VALIDATOR.validate(Path.of("samples/automl-export", file));
        assertThat(r.errors()).isZero();
        assertThat(r.task().sdkName()).isEqualTo(task);
        assertThat(r.findings()).extracting(Finding::rule).containsOnly(RuleCode.UNKNOWN_FIELD);
    }
}
