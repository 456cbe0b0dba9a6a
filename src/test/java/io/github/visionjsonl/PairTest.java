package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A training file with its validation file: the rules that compare the two. */
class PairTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();

    private static PairReport pair(String train, String validation) throws IOException {
        return VALIDATOR.validatePair(new ByteArrayInputStream(train.getBytes(StandardCharsets.UTF_8)), "train.jsonl",
                new ByteArrayInputStream(validation.getBytes(StandardCharsets.UTF_8)), "validation.jsonl");
    }

    private static String cls(String url, String label) {
        return "{\"image_url\": \"AmlDatastore://ds/" + url + "\", \"label\": \"" + label + "\"}\n";
    }

    @Test
    void leakNamesTheTrainingLine() throws IOException {
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton"), cls("3.jpg", "can") + cls("2.jpg", "carton"));
        assertThat(r.training().findings()).isEmpty();
        Finding leak = r.validation().findings(RuleCode.TRAIN_VALIDATION_LEAK).get(0);
        assertThat(leak.line()).isEqualTo(2);
        assertThat(leak.message()).contains("line 2 of the training file train.jsonl");
        assertThat(r.isValid()).isTrue();
    }

    @Test
    void leakIsFoundAcrossUrlForms() throws IOException {
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton"),
                "{\"image_url\": \"azureml://datastores/ds/paths/1.jpg\", \"label\": \"can\"}\n" + cls("4.jpg", "carton"));
        assertThat(r.validation().findings()).extracting(Finding::rule).containsExactly(RuleCode.TRAIN_VALIDATION_LEAK);
    }

    @Test
    void unseenLabelIsAnErrorOncePerClass() throws IOException {
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton"),
                cls("3.jpg", "can") + cls("4.jpg", "milk") + cls("5.jpg", "milk") + cls("6.jpg", "carton"));
        assertThat(r.validation().findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(Tuple.tuple(RuleCode.UNSEEN_VALIDATION_LABEL, 2L));
        assertThat(r.validation().findings().get(0).pointer()).isEqualTo("/label");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void unseenLabelPointsIntoObjectLists() throws IOException {
        String train = "{\"image_url\": \"AmlDatastore://ds/1.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}\n";
        String val = "{\"image_url\": \"AmlDatastore://ds/2.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}, "
                + "{\"label\": \"cup\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}\n";
        Finding f = pair(train, val).validation().findings(RuleCode.UNSEEN_VALIDATION_LABEL).get(0);
        assertThat(f.pointer()).isEqualTo("/label/1/label");
        assertThat(f.column()).isPositive();
    }

    @Test
    void missingValidationClassIsInfo() throws IOException {
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton") + cls("3.jpg", "milk"), cls("4.jpg", "can") + cls("5.jpg", "carton"));
        assertThat(r.validation().findings()).extracting(Finding::rule).containsExactly(RuleCode.MISSING_VALIDATION_CLASS);
        assertThat(r.validation().findings().get(0).message()).contains("\"milk\"");
        assertThat(r.validation().infos()).isEqualTo(1);
    }

    @Test
    void validationFileIsReadWithTheTrainingTask() throws IOException {
        String train = "{\"image_url\": \"AmlDatastore://ds/1.jpg\", \"label\": [\"can\"]}\n";
        String val = "{\"image_url\": \"AmlDatastore://ds/2.jpg\", \"label\": []}\n";
        PairReport r = pair(train, val);
        assertThat(r.validation().task()).isEqualTo(Task.IMAGE_CLASSIFICATION_MULTILABEL);
        assertThat(r.validation().findings()).extracting(Finding::rule)
                .contains(RuleCode.LABEL_LIST_EMPTY, RuleCode.MISSING_VALIDATION_CLASS);
    }

    /** The training file given as its own validation file: every image leaked, an error with the share. */
    @Test
    void aValidationFileMostlyInTheTrainingFileIsAnError() throws IOException {
        String train = cls("1.jpg", "can") + cls("2.jpg", "carton") + cls("3.jpg", "can");
        PairReport same = pair(train, train);
        assertThat(same.isValid()).isFalse();
        Finding leaked = same.validation().findings(RuleCode.VALIDATION_LEAKED).get(0);
        assertThat(leaked.line()).isZero();
        assertThat(leaked.severity()).isEqualTo(Severity.ERROR);
        assertThat(leaked.message()).isEqualTo("3 of the 3 validation images (100%) are also in the training file"
                + " train.jsonl, more than half: the validation scores would measure what the model memorized");
        assertThat(same.validation().findings(RuleCode.TRAIN_VALIDATION_LEAK)).hasSize(3);
        PairReport most = pair(train, cls("1.jpg", "can") + cls("2.jpg", "carton") + cls("9.jpg", "can"));
        assertThat(most.validation().findings(RuleCode.VALIDATION_LEAKED)).extracting(Finding::message)
                .singleElement().asString().startsWith("2 of the 3 validation images (67%)");
    }

    /** Half of the validation images leaked is each one's warning, not yet the pair's error. */
    @Test
    void halfTheValidationImagesLeakedIsNoPairError() throws IOException {
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton"), cls("1.jpg", "can") + cls("3.jpg", "carton"));
        assertThat(r.validation().findings(RuleCode.VALIDATION_LEAKED)).isEmpty();
        assertThat(r.validation().findings(RuleCode.TRAIN_VALIDATION_LEAK)).hasSize(1);
        assertThat(r.isValid()).isTrue();
    }

    @Test
    void nearMissesDoNotFire() throws IOException {
        // Same file names in other datastores, the same classes on both sides.
        PairReport r = pair(cls("1.jpg", "can") + cls("2.jpg", "carton"),
                "{\"image_url\": \"AmlDatastore://other/1.jpg\", \"label\": \"can\"}\n"
                        + "{\"image_url\": \"AmlDatastore://other/3.jpg\", \"label\": \"carton\"}\n");
        assertThat(r.validation().findings()).isEmpty();
        assertThat(r.training().findings()).isEmpty();
        for (RuleCode rule : RuleCode.values()) {
            if (rule.isPairRule()) {
                assertThat(r.validation().findings(rule)).as(rule.code()).isEmpty();
            }
        }
    }

    @Test
    void cleanSamplePairsHaveNoError() throws IOException {
        for (String task : new String[] {"image-classification", "image-classification-multilabel", "image-object-detection",
            "image-instance-segmentation"}) {
            PairReport r = VALIDATOR.validatePair(Path.of("samples", task, "train.jsonl"), Path.of("samples", task, "validation.jsonl"));
            assertThat(r.isValid()).as(task).isTrue();
            assertThat(r.validation().findings()).as(task)
                    .allSatisfy(f -> assertThat(f.rule()).isEqualTo(RuleCode.MISSING_VALIDATION_CLASS));
        }
    }
}
