package io.github.visionjsonl.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring responses: read and checked in every file form, scored against truth, turned into labels. */
class PredictionsTest {

    @TempDir
    Path dir;

    /** The format document's detection response, as the endpoint returns it (pretty-printed). */
    private static final String DOC_DETECTION = """
            {
               "filename":"/tmp/tmpdkg2wkdy",
               "boxes":[
                  {"box":{"topX":0.224,"topY":0.285,"bottomX":0.399,"bottomY":0.620},"label":"milk_bottle","score":0.937},
                  {"box":{"topX":0.664,"topY":0.484,"bottomX":0.959,"bottomY":0.812},"label":"can","score":0.891}
               ]
            }
            """;

    private static List<RuleCode> rules(PredictionReader.Result r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    private PredictionReader.Result read(Task task, String content) throws Exception {
        return new PredictionReader(task).read(Files.writeString(dir.resolve("p" + content.hashCode() + ".json"), content));
    }

    @Test
    void readsOneObjectAnArrayAndJsonLines() throws Exception {
        PredictionReader.Result one = read(null, DOC_DETECTION);
        assertThat(one.findings()).isEmpty();
        assertThat(one.valid()).singleElement().isInstanceOf(ObjectPrediction.class);
        assertThat(((ObjectPrediction) one.valid().get(0)).objects()).hasSize(2);
        PredictionReader.Result array = read(null, "[" + DOC_DETECTION + "," + DOC_DETECTION + "]");
        assertThat(array.valid()).hasSize(2);
        String line = "{\"filename\": \"a.jpg\", \"probs\": [0.2, 0.8], \"labels\": [\"can\", \"carton\"]}";
        PredictionReader.Result lines = read(Task.IMAGE_CLASSIFICATION, line + "\n" + line + "\nbroken\n");
        assertThat(lines.valid()).hasSize(2);
        assertThat(lines.findings()).extracting(Finding::line, Finding::rule)
                .containsExactly(Tuple.tuple(3L, RuleCode.PREDICTION_SHAPE));
        assertThat(((ClassPrediction) lines.valid().get(0)).top()).isEqualTo("carton");
    }

    @Test
    void everyPredictionRuleFiresAndNotWithoutCause() throws Exception {
        assertThat(rules(read(null, "{\"probs\": [0.2], \"labels\": [\"a\", \"b\"]}"))).containsExactly(RuleCode.PREDICTION_LENGTH);
        assertThat(rules(read(null, "{\"probs\": [1.2, 0.1], \"labels\": [\"a\", \"b\"]}"))).containsExactly(RuleCode.PROBABILITY_RANGE);
        assertThat(rules(read(Task.IMAGE_CLASSIFICATION, "{\"probs\": [0.5, 0.6], \"labels\": [\"a\", \"b\"]}")))
                .containsExactly(RuleCode.PROBABILITY_SUM);
        assertThat(rules(read(Task.IMAGE_CLASSIFICATION_MULTILABEL, "{\"probs\": [0.5, 0.6], \"labels\": [\"a\", \"b\"]}"))).isEmpty();
        assertThat(rules(read(Task.IMAGE_CLASSIFICATION, "{\"probs\": [0.5, 0.5004], \"labels\": [\"a\", \"b\"]}"))).isEmpty();
        assertThat(rules(read(null, "{\"probs\": [0.5, 0.5], \"labels\": [\"a\", \"a\"]}"))).containsExactly(RuleCode.PREDICTION_DUPLICATE_LABEL);
        assertThat(rules(read(null, DOC_DETECTION.replace("0.937", "1.937")))).containsExactly(RuleCode.SCORE_RANGE);
        assertThat(rules(read(null, DOC_DETECTION.replace("\"bottomX\":0.399", "\"bottomX\":399")))).containsExactly(RuleCode.COORDINATE_RANGE);
        assertThat(rules(read(null, DOC_DETECTION.replace("\"topX\":0.224", "\"topX\":0.5")))).containsExactly(RuleCode.BOX_INVERTED);
        assertThat(rules(read(null, DOC_DETECTION.replace("\"score\":0.937}", "\"score\":0.9, \"polygon\": [[0.1, 0.1, 0.2]]}"))))
                .containsExactly(RuleCode.POLYGON_ODD);
        assertThat(rules(read(null, "{\"filename\": \"x\"}"))).containsExactly(RuleCode.PREDICTION_SHAPE);
        assertThat(rules(read(null, DOC_DETECTION.replace("\"label\":\"can\",", "")))).containsExactly(RuleCode.PREDICTION_SHAPE);
        PredictionReader.Result located = read(null, DOC_DETECTION.replace("0.891", "-1"));
        assertThat(located.findings().get(0).pointer()).isEqualTo("/boxes/1/score");
    }

    /** Each task's response shape against each task: a response of another task's shape is an error, and the own one not. */
    @Test
    void aResponseOfAnotherTasksShapeIsAnError() throws Exception {
        String multiClass = "{\"filename\": \"a.jpg\", \"probs\": [0.2, 0.8], \"labels\": [\"can\", \"carton\"]}";
        String multiLabel = "{\"filename\": \"a.jpg\", \"probs\": [0.7, 0.8], \"labels\": [\"can\", \"carton\"]}";
        String detection = DOC_DETECTION;
        String segmentation = DOC_DETECTION.replace("\"score\":0.937}", "\"score\":0.937, \"polygon\": [[0.23, 0.29, 0.39, 0.29, 0.39, 0.6]]}")
                .replace("\"score\":0.891}", "\"score\":0.891, \"polygon\": [[0.67, 0.49, 0.95, 0.49, 0.95, 0.8]]}");
        String[] responses = {multiClass, multiLabel, detection, segmentation};
        Task[] tasks = {Task.IMAGE_CLASSIFICATION, Task.IMAGE_CLASSIFICATION_MULTILABEL, Task.IMAGE_OBJECT_DETECTION,
            Task.IMAGE_INSTANCE_SEGMENTATION};
        // rows: the task given; columns: the response; a multi-label response to a multi-class task
        // has the same shape and is told by its sum (probability-sum, a warning)
        boolean[][] error = {
            {false, false, true, true},
            {false, false, true, true},
            {true, true, false, true},
            {true, true, true, false},
        };
        for (int t = 0; t < tasks.length; t++) {
            for (int r = 0; r < responses.length; r++) {
                PredictionReader.Result read = read(tasks[t], responses[r]);
                assertThat(read.errors() > 0).as(tasks[t] + " reading response " + r + ": " + read.findings()).isEqualTo(error[t][r]);
                assertThat(read.valid()).as(tasks[t] + " reading response " + r).hasSize(error[t][r] ? 0 : 1);
                if (error[t][r]) {
                    assertThat(rules(read)).containsExactly(RuleCode.PREDICTION_SHAPE);
                    assertThat(read.findings().get(0).message()).contains("the task is " + tasks[t].sdkName());
                }
            }
            assertThat(rules(read(null, responses[t]))).as("no task given: response " + t).isEmpty();
        }
        assertThat(rules(read(Task.IMAGE_CLASSIFICATION, multiLabel))).containsExactly(RuleCode.PROBABILITY_SUM);
        PredictionReader.Result mixed = read(Task.IMAGE_INSTANCE_SEGMENTATION, DOC_DETECTION.replace("\"score\":0.937}",
                "\"score\":0.937, \"polygon\": [[0.23, 0.29, 0.39, 0.29, 0.39, 0.6]]}"));
        assertThat(mixed.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/boxes/1");
            assertThat(f.message()).startsWith("1 of 2 objects have no \"polygon\"");
        });
    }

    private Path truth(String... lines) throws Exception {
        return Files.writeString(dir.resolve("truth" + String.join("", lines).hashCode() + ".jsonl"), String.join("\n", lines) + "\n");
    }

    private static String box(String label, double x0, double y0, double x1, double y1, int crowd) {
        return "{\"label\": \"" + label + "\", \"topX\": " + x0 + ", \"topY\": " + y0 + ", \"bottomX\": " + x1
                + ", \"bottomY\": " + y1 + ", \"isCrowd\": " + crowd + "}";
    }

    private static String det(String label, double score, double x0, double y0, double x1, double y1) {
        return "{\"label\": \"" + label + "\", \"score\": " + score + ", \"box\": {\"topX\": " + x0 + ", \"topY\": " + y0
                + ", \"bottomX\": " + x1 + ", \"bottomY\": " + y1 + "}}";
    }

    /**
     * By hand: ground truth A and B; d1 (0.9) is A exactly, d2 (0.8) has IoU 0.625 with B, d3 (0.7)
     * hits nothing. At IoU 0.50, 0.55, 0.60 both d1 and d2 match: AP 1. From 0.65 on only d1: the
     * precision is 1 up to recall 0.5 (51 of the 101 recall points) and nothing beyond, so AP is
     * 51/101. mAP = (3 * 1 + 7 * 51/101) / 10 = 0.6535, AP50 = 1, AP75 = 0.5050.
     */
    @Test
    void detectionMapFollowsTheCocoDefinition() throws Exception {
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/img/1.jpg\", \"label\": [" + box("can", 0.1, 0.1, 0.4, 0.4, 0)
                + ", " + box("can", 0.5, 0.5, 0.9, 0.9, 0) + ", " + box("can", 0.0, 0.85, 0.1, 0.95, 1) + "]}");
        Path predictions = Files.writeString(dir.resolve("det.jsonl"), "{\"filename\": \"/tmp/upload/1.jpg\", \"boxes\": ["
                + det("can", 0.9, 0.1, 0.1, 0.4, 0.4) + ", " + det("can", 0.8, 0.5, 0.5, 0.9, 0.75) + ", "
                + det("can", 0.7, 0.0, 0.6, 0.2, 0.8) + ", " + det("can", 0.95, 0.0, 0.86, 0.05, 0.9) + "]}\n");
        Evaluator.Evaluation e = new Evaluator(Task.IMAGE_OBJECT_DETECTION, Map.of(), 0.5).evaluate(truth, predictions);
        assertThat(e.matched()).isEqualTo(1);
        assertThat(e.ap50()).isCloseTo(1.0, within(1e-9));
        assertThat(e.ap75()).isCloseTo(51.0 / 101, within(1e-9));
        assertThat(e.map()).isCloseTo((3 + 7 * 51.0 / 101) / 10, within(1e-9));
        assertThat(String.format(Locale.ROOT, "%.3f", e.map())).isEqualTo("0.653");
        assertThat(e.apPerClass()).containsOnlyKeys("can");
        Evaluator.Evaluation extra = new Evaluator(Task.IMAGE_OBJECT_DETECTION, Map.of(), 0.5, new double[] {0.62, 0.63})
                .evaluate(truth, predictions);
        assertThat(extra.apByIou().get(0.62)).isCloseTo(1.0, within(1e-9));
        assertThat(extra.apByIou().get(0.63)).isCloseTo(51.0 / 101, within(1e-9));
        assertThat(extra.map()).isEqualTo(e.map());
    }

    /**
     * The reference samples precision at {@code np.linspace(0, 1, 101)} (numpy: i * 0.01 in
     * double, checked with numpy 1.x and 2.x), which for ten points lies a hair above i / 100.
     */
    @Test
    void recallPointsAreTheReferenceLinspace() {
        List<Integer> aboveHundredths = new ArrayList<>();
        for (int r = 0; r <= 100; r++) {
            if (CocoAveragePrecision.recallPoint(r) != r / 100.0) {
                aboveHundredths.add(r);
            }
            assertThat(CocoAveragePrecision.recallPoint(r)).isGreaterThanOrEqualTo(r / 100.0);
        }
        assertThat(aboveHundredths).containsExactly(35, 41, 47, 57, 69, 70, 82, 83, 94, 95);
        assertThat(CocoAveragePrecision.recallPoint(70)).isEqualTo(0.7000000000000001);
        assertThat(CocoAveragePrecision.recallPoint(100)).isEqualTo(1.0);
    }

    /**
     * By the reference's definition: 10 objects of one class, 7 found exactly (IoU 1 at every
     * threshold) and no false positive. Recall climbs 0.1, ..., 0.7 (7 / 10.0, the double just
     * below 0.7) at precision 1; the samples 0 to 0.69 (70 of them) find precision 1, sample 70 is
     * 0.7000000000000001, which no recall reaches, so it reads 0 as all beyond: AP = 70/101 =
     * 0.6931 at every threshold. Sampling at 70 / 100.0 = 0.7 would read 71/101 = 0.7030.
     */
    @Test
    void recallExactlyOnALinspacePointReadsNothingThereAsTheReference() throws Exception {
        StringBuilder gts = new StringBuilder();
        StringBuilder dts = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            double x = i * 0.1;
            gts.append(i == 0 ? "" : ", ").append(box("can", x, 0.1, x + 0.05, 0.2, 0));
            if (i < 7) {
                dts.append(i == 0 ? "" : ", ").append(det("can", 0.9 - i * 0.01, x, 0.1, x + 0.05, 0.2));
            }
        }
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/img/ten.jpg\", \"label\": [" + gts + "]}");
        Path predictions = Files.writeString(dir.resolve("seven.jsonl"), "{\"filename\": \"ten.jpg\", \"boxes\": [" + dts + "]}\n");
        Evaluator.Evaluation e = new Evaluator(Task.IMAGE_OBJECT_DETECTION, Map.of(), 0.5).evaluate(truth, predictions);
        assertThat(e.matched()).isEqualTo(1);
        assertThat(e.ap50()).isCloseTo(70.0 / 101, within(1e-12));
        assertThat(e.map()).isCloseTo(70.0 / 101, within(1e-12));
        assertThat(String.format(Locale.ROOT, "%.4f", e.map())).isEqualTo("0.6931");
    }

    @Test
    void segmentationMapUsesRasterizedMasks() throws Exception {
        String square = "[[0.1, 0.1, 0.4, 0.1, 0.4, 0.4, 0.1, 0.4]]";
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/2.jpg\", \"image_details\": {\"width\": 100, \"height\": 100}, "
                + "\"label\": [{\"label\": \"can\", \"polygon\": " + square + "}, {\"label\": \"can\", \"polygon\": "
                + "[[0.5, 0.5, 0.9, 0.5, 0.9, 0.9, 0.5, 0.9]]}]}");
        Path predictions = Files.writeString(dir.resolve("seg.json"), "[{\"image_url\": \"AmlDatastore://ws/2.jpg\", \"boxes\": ["
                + "{\"label\": \"can\", \"score\": 0.9, \"box\": {\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.4, \"bottomY\": 0.4}, \"polygon\": " + square + "},"
                + "{\"label\": \"can\", \"score\": 0.8, \"box\": {\"topX\": 0.5, \"topY\": 0.5, \"bottomX\": 0.9, \"bottomY\": 0.75}, "
                + "\"polygon\": [[0.5, 0.5, 0.9, 0.5, 0.9, 0.75, 0.5, 0.75]]}]}]");
        Evaluator.Evaluation e = new Evaluator(Task.IMAGE_INSTANCE_SEGMENTATION, Map.of(), 0.5).evaluate(truth, predictions);
        assertThat(e.ap50()).isCloseTo(1.0, within(1e-9));
        assertThat(e.map()).isCloseTo((3 + 7 * 51.0 / 101) / 10, within(1e-9));
        assertThat(CocoAveragePrecision.raster(new Polygon(List.of(new Segment(
                new double[] {0.1, 0.1, 0.4, 0.1, 0.4, 0.4, 0.1, 0.4}))), 100, 100).cardinality()).isEqualTo(900);
    }

    @Test
    void classificationAccuracyConfusionAndPerClass() throws Exception {
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": \"can\"}",
                "{\"image_url\": \"AmlDatastore://ws/b.jpg\", \"label\": \"can\"}",
                "{\"image_url\": \"AmlDatastore://ws/c.jpg\", \"label\": \"carton\"}");
        Path predictions = Files.writeString(dir.resolve("cls.jsonl"), String.join("\n",
                "{\"filename\": \"/tmp/x1\", \"probs\": [0.9, 0.1], \"labels\": [\"can\", \"carton\"]}",
                "{\"filename\": \"/tmp/x2\", \"probs\": [0.3, 0.7], \"labels\": [\"can\", \"carton\"]}",
                "{\"image_url\": \"AmlDatastore://ws/c.jpg\", \"probs\": [0.2, 0.8], \"labels\": [\"can\", \"carton\"]}",
                "{\"filename\": \"/tmp/nowhere\", \"probs\": [0.2, 0.8], \"labels\": [\"can\", \"carton\"]}") + "\n");
        Map<String, String> mapping = Map.of("/tmp/x1", "AmlDatastore://ws/a.jpg", "/tmp/x2", "AmlDatastore://ws/b.jpg");
        Evaluator.Evaluation e = new Evaluator(Task.IMAGE_CLASSIFICATION, mapping, 0.5).evaluate(truth, predictions);
        assertThat(e.matched()).isEqualTo(3);
        assertThat(e.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(e.confusion().get("can")).containsEntry("can", 1L).containsEntry("carton", 1L);
        assertThat(e.perClass()).filteredOn(c -> c.label().equals("carton")).singleElement().satisfies(c -> {
            assertThat(c.precision()).isCloseTo(0.5, within(1e-9));
            assertThat(c.recall()).isCloseTo(1.0, within(1e-9));
            assertThat(c.f1()).isCloseTo(2.0 / 3, within(1e-9));
        });
        assertThat(e.findings()).extracting(Finding::rule).containsExactly(RuleCode.PREDICTION_UNMATCHED);
    }

    @Test
    void multiLabelAtAThreshold() throws Exception {
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": [\"can\", \"carton\"]}");
        Path predictions = Files.writeString(dir.resolve("ml.jsonl"),
                "{\"filename\": \"a.jpg\", \"probs\": [0.9, 0.4, 0.6], \"labels\": [\"can\", \"carton\", \"milk\"]}\n");
        Evaluator.Evaluation e = new Evaluator(Task.IMAGE_CLASSIFICATION_MULTILABEL, Map.of(), 0.5).evaluate(truth, predictions);
        assertThat(e.perClass()).extracting(Evaluator.ClassScore::label, Evaluator.ClassScore::recall)
                .contains(Tuple.tuple("can", 1.0), Tuple.tuple("carton", 0.0));
        assertThat(new Evaluator(Task.IMAGE_CLASSIFICATION_MULTILABEL, Map.of(), 0.3).evaluate(truth, predictions).perClass())
                .filteredOn(c -> c.label().equals("carton")).extracting(Evaluator.ClassScore::recall).containsExactly(1.0);
    }

    @Test
    void pseudoLabelsAboveTheScore() throws Exception {
        Path predictions = Files.writeString(dir.resolve("pl.json"), DOC_DETECTION.replace("\"filename\":\"/tmp/tmpdkg2wkdy\",",
                "\"filename\":\"/tmp/tmpdkg2wkdy\", \"image_url\": \"AmlDatastore://ws/new/1.jpg\","));
        Path out = dir.resolve("pseudo.jsonl");
        PseudoLabels.Result r = new PseudoLabels(Task.IMAGE_OBJECT_DETECTION, 0.9, Map.of()).write(predictions, out);
        assertThat(r.records()).isEqualTo(1);
        assertThat(Files.readString(out)).contains("\"image_url\":\"AmlDatastore://ws/new/1.jpg\"", "milk_bottle").doesNotContain("\"can\"");
        assertThat(r.validation().isValid()).isTrue();
    }

    @Test
    void commandLine() throws Exception {
        Path p = Files.writeString(dir.resolve("cli.json"), DOC_DETECTION);
        assertThat(run("predictions", "validate", p.toString())).isZero();
        Path bad = Files.writeString(dir.resolve("bad.json"), DOC_DETECTION.replace("0.937", "7"));
        assertThat(run("predictions", "validate", bad.toString())).isEqualTo(1);
        assertThat(run("predictions", "to-labels", "--task", "detection", "--min-score", "0.5", "--mapping",
                Files.writeString(dir.resolve("map.csv"), "filename,image_url\n/tmp/tmpdkg2wkdy,AmlDatastore://ws/x.jpg\n").toString(),
                p.toString(), "-o", dir.resolve("labels.jsonl").toString())).isZero();
        // never over an existing file: a usage error, and the file stays as it was
        String written = Files.readString(dir.resolve("labels.jsonl"));
        assertThat(run("predictions", "to-labels", "--task", "detection", p.toString(), "-o",
                dir.resolve("labels.jsonl").toString())).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("labels.jsonl"))).isEqualTo(written);
        Path truth = truth("{\"image_url\": \"AmlDatastore://ws/x.jpg\", \"label\": [" + box("can", 0.664, 0.484, 0.959, 0.812, 0) + "]}");
        StringWriter out = new StringWriter();
        assertThat(VisionJsonl.run(new String[] {"evaluate", "--truth", truth.toString(), "--predictions", p.toString(),
            "--mapping", dir.resolve("map.csv").toString()}, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(new StringWriter()))).isZero();
        assertThat(out.toString()).contains("mAP@[.50:.95] 1.000", "AP50 1.000");
        StringWriter json = new StringWriter();
        assertThat(VisionJsonl.run(new String[] {"evaluate", "--truth", truth.toString(), "--predictions", p.toString(),
            "--mapping", dir.resolve("map.csv").toString(), "--iou", "0.3", "--format", "json"}, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(json), new PrintWriter(new StringWriter()))).isZero();
        assertThat(json.toString()).contains("\"apByIou\"", "\"0.30\" : 0.9999", "\"map\" : 0.9999");
        assertThat(run("evaluate", "--truth", truth.toString(), "--predictions", p.toString(), "--iou", "1.5")).isEqualTo(2);
        assertThat(run("evaluate", "--truth", truth.toString())).isEqualTo(2);
    }

    private static int run(String... args) {
        return VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }
}
