package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.DatasetStatistics;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks across lines and the statistics, in one pass. */
class DatasetChecksTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();

    private static ValidationReport validate(DatasetValidator v, String content) throws IOException {
        return v.validate(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "d.jsonl");
    }

    private static String cls(String url, String label) {
        return "{\"image_url\": \"" + url + "\", \"label\": \"" + label + "\"}\n";
    }

    private static String det(String url, String boxes) {
        return "{\"image_url\": \"" + url + "\", \"image_details\": {\"width\": 200, \"height\": 100}, \"label\": [" + boxes + "]}\n";
    }

    private static String box(String label, double x0, double y0, double x1, double y1, int crowd) {
        return "{\"label\": \"" + label + "\", \"topX\": " + x0 + ", \"topY\": " + y0 + ", \"bottomX\": " + x1
                + ", \"bottomY\": " + y1 + ", \"isCrowd\": " + crowd + "}";
    }

    @Test
    void duplicatesNameBothLinesAcrossUrlForms() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            b.append(cls("AmlDatastore://ds/img" + i + ".jpg", "can"));
        }
        b.append(cls("azureml://subscriptions/s/resourcegroups/g/workspaces/w/datastores/DS/paths/img2.jpg", "can"));
        ValidationReport r = validate(VALIDATOR, b.toString());
        Finding f = r.findings(RuleCode.DUPLICATE_IMAGE_URL).get(0);
        assertThat(f.line()).isEqualTo(9);
        assertThat(f.pointer()).isEqualTo("/image_url");
        assertThat(f.message()).contains("repeats line 2");
    }

    /**
     * Workers take a URL's datastore from an earlier URL with the same beginning, compared on
     * the line's bytes when the URL is plain there, else on the string: same-length datastores
     * stay apart, and escaped or reordered spellings of one image still meet.
     */
    @Test
    void duplicatesAreFoundWhateverTheUrlsBeforeThemShare() throws IOException {
        String content = cls("AmlDatastore://dsA/images/a.jpg", "can")
                + cls("AmlDatastore://dsB/images/a.jpg", "can")
                + "{\"image_url\": \"AmlDatastore:\\/\\/dsA\\/images\\/a.jpg\", \"label\": \"can\"}\n"
                + "{\"label\": \"can\", \"image_url\": \"AmlDatastore://dsB/images/a.jpg\"}\n"
                + cls("AmlDatastore://dsA/images/b.jpg", "can")
                + cls("azureml://datastores/dsa/paths/images/a.jpg", "can")
                + cls("AmlDatastore://dsC/images/b.jpg", "can")
                + "{\"image_url\": \"AmlDatastore://dsC\\/images/b.jpg\", \"label\": \"can\"}\n";
        // Several datastores on purpose: mixed-datastores is not what this test is about.
        ValidationReport r = validate(DatasetValidator.builder().disable(RuleCode.MIXED_DATASTORES).build(), content);
        // Eight images of one class: a single-class file, whatever its size.
        assertThat(r.findings()).extracting(Finding::rule).containsOnly(RuleCode.DUPLICATE_IMAGE_URL, RuleCode.SINGLE_CLASS);
        assertThat(r.findings(RuleCode.DUPLICATE_IMAGE_URL))
                .extracting(Finding::line, f -> f.message().replaceAll(".*repeats line (\\d+).*", "$1"))
                .containsExactly(tuple(3L, "1"), tuple(4L, "2"), tuple(6L, "1"), tuple(8L, "7"));
    }

    /** A URL given twice counts as its last spelling, even when only the first is plain. */
    @Test
    void aRepeatedUrlKeyIsTheImageOfItsLastValue() throws IOException {
        String content = cls("AmlDatastore://dsA/images/a.jpg", "can")
                + cls("AmlDatastore://dsB/images/a.jpg", "can")
                + "{\"image_url\": \"AmlDatastore://dsA/images/a.jpg\", "
                + "\"image_url\": \"AmlDatastore:\\/\\/dsB\\/images\\/a.jpg\", \"label\": \"can\"}\n";
        ValidationReport r = validate(VALIDATOR, content);
        assertThat(r.findings(RuleCode.DUPLICATE_IMAGE_URL)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("repeats line 2"));
    }

    @Test
    void detectionDuplicatesSayTheBoxesMerge() throws IOException {
        String line = det("AmlDatastore://ds/a.jpg", box("can", 0.1, 0.1, 0.5, 0.5, 0));
        ValidationReport r = validate(VALIDATOR, line + line);
        assertThat(r.findings(RuleCode.DUPLICATE_IMAGE_URL)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("merges the boxes"));
    }

    @Test
    void conflictingClassificationLabelsAreAnError() throws IOException {
        ValidationReport r = validate(VALIDATOR, cls("AmlDatastore://ds/a.jpg", "can") + cls("AmlDatastore://ds/b.jpg", "can")
                + cls("AmlDatastore://ds/a.jpg", "carton"));
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONFLICTING_LABELS);
        assertThat(r.findings().get(0).line()).isEqualTo(3);
        assertThat(r.findings().get(0).message()).contains("line 1", "keeps only the last");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void statisticsPerClassAndPerObject() throws IOException {
        String content = det("AmlDatastore://ds/1.jpg", box("can", 0.1, 0.1, 0.3, 0.5, 0) + ", " + box("can", 0.5, 0.5, 0.9, 0.9, 1)
                + ", " + box("cup", 0.0, 0.0, 0.1, 0.1, 0))
                + det("azureml://datastores/ds/paths/2.jpg", box("cup", 0.2, 0.2, 0.4, 0.4, 0))
                + det("https://example.com/3.jpg", "");
        ValidationReport r = validate(VALIDATOR, content);
        DatasetStatistics s = r.statistics();
        assertThat(s.classes()).containsEntry("can", new ClassStatistics(1, 2, 1)).containsEntry("cup", new ClassStatistics(2, 2, 0));
        assertThat(s.imagesWithoutObjects()).isEqualTo(1);
        assertThat(s.objectsPerImage().count()).isEqualTo(3);
        assertThat(s.objectsPerImage().min()).isEqualTo(0);
        assertThat(s.objectsPerImage().max()).isEqualTo(3);
        assertThat(s.objectsPerImage().mean()).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(s.boxWidth().count()).isEqualTo(4);
        assertThat(s.boxWidth().min()).isCloseTo(0.1, within(1e-9));
        assertThat(s.boxWidth().max()).isCloseTo(0.4, within(1e-9));
        assertThat(s.boxWidth().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThat(s.urlSchemes()).containsEntry("AmlDatastore", 1L).containsEntry("azureml", 1L).containsEntry("https", 1L);
        assertThat(r.classCounts()).containsEntry("can", 2L).containsEntry("cup", 2L);

        String json = JsonReport.toJson(r);
        assertThat(json).contains("\"stats\":{\"classes\":{\"can\":{\"images\":1,\"instances\":2,\"crowd\":1}",
                "\"imagesWithoutObjects\":1", "\"boxWidth\":{\"count\":4", "\"urlSchemes\":{");
        assertThat(TextReport.format(r)).contains("class", "images", "instances", "crowd", "objects per image: min 0");
    }

    @Test
    void polygonPointsAreCounted() throws IOException {
        String seg = "{\"image_url\": \"AmlDatastore://ds/1.jpg\", \"label\": [{\"label\": \"can\", \"polygon\": "
                + "[[0.1, 0.1, 0.5, 0.1, 0.3, 0.6], [0.6, 0.6, 0.9, 0.6, 0.9, 0.9, 0.6, 0.9]]}]}\n";
        ValidationReport r = validate(VALIDATOR, seg);
        assertThat(r.statistics().pointsPerSegment().count()).isEqualTo(2);
        assertThat(r.statistics().pointsPerSegment().min()).isEqualTo(3);
        assertThat(r.statistics().pointsPerSegment().max()).isEqualTo(4);
    }

    @Test
    void statisticsAreBoundedByTheirBins() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            double w = 0.01 + (i % 97) / 100.0;
            b.append(det("AmlDatastore://ds/" + i + ".jpg", box("c" + (i % 3), 0, 0, Math.min(1, w), 0.5, 0)));
        }
        DatasetStatistics s = validate(VALIDATOR, b.toString()).statistics();
        assertThat(s.boxWidth().counts()).hasSize(20);
        assertThat(s.boxWidth().count()).isEqualTo(5000);
        assertThat(s.boxWidth().p50()).isBetween(0.4, 0.6);
        assertThat(s.boxWidth().p5()).isLessThan(s.boxWidth().p50());
        assertThat(s.boxWidth().p95()).isGreaterThan(s.boxWidth().p50());
    }

    @Test
    void classRulesAndTheirThresholds() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            b.append(cls("AmlDatastore://ds/" + i + ".jpg", i < 27 ? "can" : "carton"));
        }
        ValidationReport r = validate(VALIDATOR, b.toString());
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.FEW_SAMPLES);
        assertThat(r.findings().get(0).line()).isEqualTo(28);
        assertThat(r.findings().get(0).message()).contains("\"carton\" has 3 image(s), fewer than 5");

        DatasetValidator strict = DatasetValidator.builder().fewSamples(2).imbalanceRatio(8).build();
        ValidationReport s = validate(strict, b.toString());
        assertThat(s.findings()).extracting(Finding::rule).containsExactly(RuleCode.CLASS_IMBALANCE);
        assertThat(s.findings().get(0).message()).contains("\"can\" has 27 images", "\"carton\" only 3", "ratio of 9.0");
    }

    @Test
    void mixedTypesAndCaseVariantsNameTheirLines() throws IOException {
        ValidationReport r = validate(VALIDATOR, cls("AmlDatastore://ds/1.jpg", "can")
                + "{\"image_url\": \"AmlDatastore://ds/2.jpg\", \"label\": 4}\n" + cls("AmlDatastore://ds/3.jpg", "Can "));
        Finding mixed = r.findings(RuleCode.MIXED_LABEL_TYPES).get(0);
        assertThat(mixed.line()).isEqualTo(2);
        assertThat(mixed.message()).contains("first on line 2", "first on line 1");
        Finding variants = r.findings(RuleCode.CASE_VARIANT_LABELS).get(0);
        assertThat(variants.line()).isEqualTo(3);
        assertThat(variants.message()).contains("\"can\" (1, first on line 1)", "\"Can \" (1, first on line 3)");
    }

    @Test
    void duplicateBoxesAndTinyBoxesPointAtTheBox() throws IOException {
        String line = det("AmlDatastore://ds/1.jpg", box("cup", 0.0, 0.0, 0.9, 0.9, 0) + ", " + box("can", 0.1, 0.1, 0.5, 0.5, 0)
                + ", " + box("can", 0.1, 0.1, 0.5, 0.505, 0) + ", " + box("can", 0.7, 0.1, 0.702, 0.5, 0));
        ValidationReport r = validate(VALIDATOR, line);
        Finding dup = r.findings(RuleCode.DUPLICATE_BOX).get(0);
        assertThat(dup.pointer()).isEqualTo("/label/2");
        assertThat(dup.message()).contains("/label/1", "IoU 0.988");
        Finding tiny = r.findings(RuleCode.TINY_BOX).get(0);
        assertThat(tiny.pointer()).isEqualTo("/label/3");
        assertThat(tiny.message()).contains("0.40 x 40.00 pixels in a 200x100 image");
        DatasetValidator loose = DatasetValidator.builder().duplicateBoxIou(0.999).build();
        assertThat(validate(loose, line).findings(RuleCode.DUPLICATE_BOX)).isEmpty();
    }

    @Test
    void noObjectsNeedsATask() throws IOException {
        String empty = "{\"image_url\": \"AmlDatastore://ds/1.jpg\", \"label\": []}\n";
        assertThat(validate(VALIDATOR, empty).findings()).isEmpty();
        DatasetValidator detection = DatasetValidator.builder().task(Task.IMAGE_OBJECT_DETECTION).build();
        assertThat(validate(detection, empty).findings()).extracting(Finding::rule).containsExactly(RuleCode.NO_OBJECTS);
    }

    @Test
    void sameVerdictsForTheSameBytesWhateverTheSource() throws Exception {
        Path file = Path.of("samples/invalid/few-samples.jsonl");
        ValidationReport fromFile = VALIDATOR.validate(file);
        ValidationReport fromStream = VALIDATOR.validate(new ByteArrayInputStream(Files.readAllBytes(file)),
                file.toString());
        assertThat(fromStream).isEqualTo(fromFile);
        assertThat(List.of(fromFile.findings().get(0).rule())).containsExactly(RuleCode.FEW_SAMPLES);
    }
}
