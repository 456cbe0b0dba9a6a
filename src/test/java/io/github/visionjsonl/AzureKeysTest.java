package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys Azure's own tools write beside the schema's: {@code unknown-field} infos that say they are harmless. */
class AzureKeysTest {

    private static final String URL = "\"image_url\": \"AmlDatastore://ds/1.jpg\"";

    @Test
    void bboxBesidePolygonsInAzuresConvertedFilesIsAHarmlessInfo() throws IOException {
        ValidationReport r = DatasetValidator.create().validate(Path.of("samples/automl-export/segmentation-export.jsonl"));
        assertThat(r.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.UNKNOWN_FIELD);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(r.findings().get(0).message()).isEqualTo("key \"bbox\" in a label object is written by Azure's"
                + " COCO-to-JSONL converter and ignored by the runtime; harmless");
        assertThat(r.warnings()).isZero();
    }

    @Test
    void labelConfidenceOfDataLabelingExportsIsAHarmlessInfo() {
        ValidatedLineCheck.of("{" + URL + ", \"label\": \"can\", \"label_confidence\": [1.0]}")
                .has("/label_confidence", Severity.INFO, "key \"label_confidence\" in the record is written by Azure's"
                        + " Data Labeling exports and ignored by the runtime; harmless");
    }

    @Test
    void otherUnknownKeysStayWarnings() {
        ValidatedLineCheck.of("{" + URL + ", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5,"
                + " \"bottomY\": 0.5, \"bboxes\": 1, \"label_confidence\": 1}], \"bbox\": 2}")
                .has("/label/0/bboxes", Severity.WARNING, null)
                .has("/label/0/label_confidence", Severity.WARNING, null)
                .has("/bbox", Severity.WARNING, null);
    }

    @Test
    void aSeverityTheUserSetHoldsForThemToo() {
        DatasetValidator strict = DatasetValidator.builder().severity(RuleCode.UNKNOWN_FIELD, Severity.ERROR).build();
        assertThat(strict.validateLine("{" + URL + ", \"label\": \"can\", \"label_confidence\": [1.0]}").findings())
                .extracting(Finding::pointer, Finding::severity).containsExactly(tuple("/label_confidence", Severity.ERROR));
        DatasetValidator off = DatasetValidator.builder().disable(RuleCode.UNKNOWN_FIELD).build();
        assertThat(off.validateLine("{" + URL + ", \"label\": \"can\", \"label_confidence\": [1.0]}").findings()).isEmpty();
    }

    /** The findings of one line, checked one pointer at a time. */
    private record ValidatedLineCheck(List<Finding> findings) {

        static ValidatedLineCheck of(String line) {
            return new ValidatedLineCheck(DatasetValidator.create().validateLine(line).findings());
        }

        ValidatedLineCheck has(String pointer, Severity severity, String message) {
            Finding f = findings.stream().filter(x -> x.pointer().equals(pointer)).findFirst().orElseThrow();
            assertThat(f.rule()).isEqualTo(RuleCode.UNKNOWN_FIELD);
            assertThat(f.severity()).as(pointer).isEqualTo(severity);
            if (message != null) {
                assertThat(f.message()).isEqualTo(message);
            }
            return this;
        }
    }
}
