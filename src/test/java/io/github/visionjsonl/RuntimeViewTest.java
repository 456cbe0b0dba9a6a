package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.images.ImageFiles;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.RuntimeView;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What training would keep: counted from the findings, whatever their severities. */
class RuntimeViewTest {

    private static ValidationReport validate(DatasetValidator v, String content) throws IOException {
        return v.validate(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "d.jsonl");
    }

    static String box(double x0, double y0, double x1, double y1) {
        return "{\"label\": \"can\", \"topX\": " + x0 + ", \"topY\": " + y0 + ", \"bottomX\": " + x1 + ", \"bottomY\": " + y1 + "}";
    }

    static String det(String url, String... boxes) {
        return "{\"image_url\": \"AmlDatastore://ds/" + url + "\", \"label\": [" + String.join(", ", boxes) + "]}\n";
    }

    /** Three images, ten boxes: one out of range, and the third image loses both of its boxes. */
    static final String DETECTION = det("a.jpg", box(0.1, 0.1, 0.2, 0.2), box(0.2, 0.2, 0.3, 0.3), box(0.3, 0.3, 0.4, 0.4),
            box(0.4, 0.4, 0.5, 0.5), box(0.5, 0.5, 0.6, 0.6))
            + det("b.jpg", box(0.1, 0.1, 0.2, 0.2), box(0.2, 0.2, 0.3, 0.3), box(0.1, 0.1, 1.3, 0.2))
            + det("c.jpg", box(0.5, 0.1, 0.2, 0.2), box(0.1, 0.1, 0.1, 0.2));

    @Test
    void boxesAndImagesKeptAndDroppedByRule() throws IOException {
        ValidationReport r = validate(DatasetValidator.create(), DETECTION);
        RuntimeView v = r.runtime();
        assertThat(v.images()).isEqualTo(3);
        assertThat(v.imagesKept()).isEqualTo(2);
        assertThat(v.annotations()).isEqualTo(10);
        assertThat(v.annotationsKept()).isEqualTo(7);
        assertThat(v.dropped()).containsExactly(Map.entry(RuleCode.COORDINATE_RANGE, 1L),
                Map.entry(RuleCode.BOX_INVERTED, 1L), Map.entry(RuleCode.BOX_EMPTY, 1L));
        assertThat(v.backgroundImages()).isZero();
        assertThat(TextReport.format(r)).contains("  training would use 7 of 10 boxes (70.0%) on 2 of 3 images; "
                + "dropped: coordinate-range 1, box-inverted 1, box-empty 1\n");
        assertThat(JsonReport.toJson(r)).contains("\"runtime\":{\"images\":3,\"imagesKept\":2,\"annotations\":10,"
                + "\"annotationsKept\":7,\"dropped\":{\"coordinate-range\":1,\"box-inverted\":1,\"box-empty\":1},"
                + "\"backgroundImages\":0}");
    }

    @Test
    void aCleanFileKeepsEverythingAndBackgroundImagesAreCounted() throws IOException {
        ValidationReport r = validate(DatasetValidator.create(), det("a.jpg", box(0.1, 0.1, 0.2, 0.2)) + det("b.jpg"));
        assertThat(r.runtime()).isEqualTo(new RuntimeView(2, 2, 1, 1, Map.of(), 1, Double.NaN));
        assertThat(TextReport.format(r)).contains("training would use 1 of 1 boxes (100.0%) on 2 of 2 images, 1 background image\n");
    }

    @Test
    void severitiesDoNotChangeWhatIsDroppedButTheLimitFailsTheFile() throws IOException {
        DatasetValidator.Builder lenient = DatasetValidator.builder();
        for (RuleCode rule : new RuleCode[] {RuleCode.COORDINATE_RANGE, RuleCode.BOX_INVERTED, RuleCode.BOX_EMPTY}) {
            lenient.severity(rule, Severity.WARNING);
        }
        ValidationReport warned = validate(lenient.build(), DETECTION);
        assertThat(warned.errors()).isZero();
        assertThat(warned.isValid()).isTrue();
        assertThat(warned.runtime().annotationsKept()).isEqualTo(7);
        ValidationReport limited = validate(lenient.maxDropped(25).build(), DETECTION);
        assertThat(limited.runtime().droppedPercent()).isEqualTo(30.0);
        assertThat(limited.runtime().exceedsMaxDropped()).isTrue();
        assertThat(limited.isValid()).isFalse();
        assertThat(TextReport.format(limited)).contains("more than the 25% allowed (--max-dropped)", "INVALID");
        assertThat(validate(lenient.maxDropped(30).build(), DETECTION).isValid()).isTrue();
    }

    @Test
    void aRuleTurnedOffDropsNothing() throws IOException {
        ValidationReport r = validate(DatasetValidator.builder().disable(RuleCode.COORDINATE_RANGE).build(), DETECTION);
        assertThat(r.runtime().annotationsKept()).isEqualTo(8);
        assertThat(r.runtime().dropped()).doesNotContainKey(RuleCode.COORDINATE_RANGE);
    }

    @Test
    void informationalDetailsAndWarningsDropNothing() throws IOException {
        String line = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"image_details\": {\"format\": \"gif\", \"width\": -3},"
                + " \"label\": [" + box(0.1, 0.1, 0.2, 0.2) + "], \"extra\": 1}\n";
        ValidationReport r = validate(DatasetValidator.create(), line);
        assertThat(r.errors()).isPositive();
        assertThat(r.runtime().imagesKept()).isEqualTo(1);
        assertThat(r.runtime().annotationsKept()).isEqualTo(1);
    }

    @Test
    void aRecordErrorDropsTheImageWithItsBoxesAndBrokenLinesAreImagesNotKept() throws IOException {
        String content = "{\"image_url\": \"\", \"label\": [" + box(0.1, 0.1, 0.2, 0.2) + ", " + box(0.2, 0.2, 0.3, 0.3) + "]}\n"
                + "{not json\n\n" + det("a.jpg", box(0.1, 0.1, 0.2, 0.2))
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1}, "
                + box(0.1, 0.1, 0.2, 0.2) + "]}\n";
        RuntimeView v = validate(DatasetValidator.create(), content).runtime();
        assertThat(v.images()).isEqualTo(4);
        assertThat(v.imagesKept()).isEqualTo(2);
        // two boxes with the empty URL, and the box left out of its record for its missing corners
        assertThat(v.annotations()).isEqualTo(5);
        assertThat(v.annotationsKept()).isEqualTo(2);
        assertThat(v.dropped()).containsExactly(Map.entry(RuleCode.MISSING_FIELD, 1L), Map.entry(RuleCode.IMAGE_URL_EMPTY, 2L));
    }

    @Test
    void aPolygonSegmentDropsOnlyItselfUnlessItWasTheLast() throws IOException {
        String good = "[0.1, 0.1, 0.5, 0.1, 0.5, 0.5]";
        String bad = "[0.1, 0.1, 1.5, 0.1, 0.5, 0.5]";
        String content = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": ["
                + "{\"label\": \"can\", \"polygon\": [" + good + ", " + bad + "]}, "
                + "{\"label\": \"can\", \"polygon\": [" + bad + "]}, "
                + "{\"label\": \"can\", \"polygon\": [" + good + "]}]}\n";
        ValidationReport r = validate(DatasetValidator.create(), content);
        assertThat(r.runtime().annotations()).isEqualTo(3);
        assertThat(r.runtime().annotationsKept()).isEqualTo(2);
        assertThat(r.runtime().dropped()).containsExactly(Map.entry(RuleCode.POLYGON_RANGE, 1L));
        assertThat(TextReport.format(r)).contains("training would use 2 of 3 polygons (66.7%) on 1 of 1 images");
    }

    @Test
    void classificationCountsImagesAsItsAnnotations() throws IOException {
        String content = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"can\"}\n"
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"\"}\n"
                + "{\"image_url\": \"AmlDatastore://ds/c.jpg\", \"label\": \"can\", }\n"
                + "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"cup\"}\n";
        ValidationReport r = validate(DatasetValidator.create(), content);
        assertThat(r.runtime()).isEqualTo(new RuntimeView(4, 1, 4, 1, Map.of(RuleCode.JSON_SYNTAX, 1L,
                RuleCode.LABEL_EMPTY, 1L, RuleCode.CONFLICTING_LABELS, 1L), 0, Double.NaN));
        assertThat(TextReport.format(r)).contains("training would use 1 of 4 images (25.0%); dropped: json-syntax 1,");
    }

    @Test
    void heldBackEmptyLabelsAreCountedOnceTheTaskIsKnown() throws IOException {
        String content = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\n"
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"can\"}\n";
        RuntimeView classification = validate(DatasetValidator.create(), content).runtime();
        assertThat(classification.imagesKept()).isEqualTo(1);
        assertThat(classification.dropped()).containsExactly(Map.entry(RuleCode.TASK_MISMATCH, 1L));
        RuntimeView multi = validate(DatasetValidator.create(), content.replace("\"can\"", "[\"can\"]")).runtime();
        assertThat(multi).isEqualTo(new RuntimeView(2, 2, 2, 2, Map.of(), 1, Double.NaN));
    }

    @Test
    void theSameViewOnAnyCountOfThreads() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append(i % 7 == 0 ? det(i + ".jpg", box(0.1, 0.1, 1.2, 0.2), box(0.1, 0.1, 0.2, 0.2))
                    : i % 11 == 0 ? "{broken\n" : det(i + ".jpg", box(0.1, 0.1, 0.2, 0.2)));
        }
        RuntimeView one = validate(DatasetValidator.create(), b.toString()).runtime();
        RuntimeView four = validate(DatasetValidator.builder().threads(4).build(), b.toString()).runtime();
        assertThat(four).isEqualTo(one);
        assertThat(one.dropped()).containsExactly(Map.entry(RuleCode.COORDINATE_RANGE, 429L));
    }

    @Test
    void thePairReportHasBothViews() throws IOException {
        PairReport pair = DatasetValidator.create().validatePair(
                new ByteArrayInputStream(DETECTION.getBytes(StandardCharsets.UTF_8)), "train.jsonl",
                new ByteArrayInputStream(det("v.jpg", box(0.1, 0.1, 0.2, 0.2)).getBytes(StandardCharsets.UTF_8)), "val.jsonl");
        assertThat(pair.training().runtime().annotationsKept()).isEqualTo(7);
        assertThat(pair.validation().runtime().annotationsKept()).isEqualTo(1);
    }

    @Test
    void aMissingImageDropsItsLineOnThePoolAsInline(@TempDir Path root) throws IOException {
        Files.write(root.resolve("a.jpg"), ImageFiles.encode("png", 20, 20));
        String content = det("a.jpg", box(0.1, 0.1, 0.2, 0.2), box(0.2, 0.2, 0.3, 0.3)) + det("missing.jpg", box(0.1, 0.1, 0.2, 0.2));
        DatasetValidator v = DatasetValidator.builder().images(ImageOptions.under(root)).build();
        RuntimeView pooled = validate(v, content).runtime();
        assertThat(pooled.imagesKept()).isEqualTo(1);
        assertThat(pooled.annotationsKept()).isEqualTo(2);
        assertThat(pooled.dropped()).containsExactly(Map.entry(RuleCode.IMAGE_MISSING, 1L));
        Path input = root.resolve("in.jsonl");
        Files.writeString(input, content);
        ValidationReport inline = v.validate(input, LineSplit.accepted(root.resolve("ok.jsonl")));
        assertThat(inline.runtime()).isEqualTo(pooled);
    }
}
