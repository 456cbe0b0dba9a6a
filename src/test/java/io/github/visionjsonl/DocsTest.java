package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The docs say what the code does: every rule documented, the README's example runs. */
class DocsTest {

    @Test
    void rulesDocDocumentsEveryRuleWithItsDefaultSeverity() throws Exception {
        String doc = Files.readString(Path.of("docs/rules.md"));
        for (RuleCode rule : RuleCode.values()) {
            assertThat(doc).as(rule.code())
                    .contains("### `" + rule.code() + "`\n\nDefault: **" + rule.defaultSeverity().label() + "**.");
        }
    }

    @Test
    void readmeJavaExampleWorks() throws Exception {
        Path train = Path.of("samples/image-object-detection/train.jsonl");
        DatasetValidator validator = DatasetValidator.builder()
                .task(Task.IMAGE_OBJECT_DETECTION)
                .severity(RuleCode.UNKNOWN_FIELD, Severity.ERROR)
                .disable(RuleCode.BLANK_LINE)
                .build();
        ValidationReport report = validator.validate(train);
        assertThat(report.isValid()).isTrue();
        List<String> labels = new ArrayList<>();
        try (RecordReader<DetectionRecord> reader = validator.records(train, DetectionRecord.class)) {
            for (ValidRecord<DetectionRecord> r : reader) {
                for (BoundingBox box : r.record().boxes()) {
                    labels.add(box.label());
                }
            }
            assertThat(reader.report().errors()).isZero();
        }
        assertThat(labels).hasSize((int) report.classCounts().values().stream().mapToLong(Long::longValue).sum());
        ValidatedLine line = validator.validateLine(Files.readAllLines(train).get(0));
        assertThat(line.isValid()).isTrue();
    }
}
