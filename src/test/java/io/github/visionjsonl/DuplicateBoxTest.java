package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@code duplicate-box}: each box that repeats an earlier one once, found without comparing every pair. */
class DuplicateBoxTest {

    private static final String[] CLASSES = {"can", "carton", "milk_bottle"};

    private static ValidationReport validate(DatasetValidator v, String line) throws IOException {
        return v.validate(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "d.jsonl");
    }

    private static String line(List<double[]> boxes, List<String> labels) {
        StringBuilder b = new StringBuilder("{\"image_url\": \"AmlDatastore://ds/1.jpg\", \"label\": [");
        for (int i = 0; i < boxes.size(); i++) {
            double[] c = boxes.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"label\": \"").append(labels.get(i)).append("\", \"topX\": ").append(c[0])
                    .append(", \"topY\": ").append(c[1]).append(", \"bottomX\": ").append(c[2]).append(", \"bottomY\": ")
                    .append(c[3]).append("}");
        }
        return b.append("]}\n").toString();
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }

    /** The rule's definition, pair by pair: each box against every box before it. */
    private static List<Tuple> reference(List<double[]> boxes, List<String> labels, double threshold) {
        List<Tuple> expected = new ArrayList<>();
        for (int b = 1; b < boxes.size(); b++) {
            for (int a = 0; a < b; a++) {
                if (labels.get(a).equals(labels.get(b)) && iou(boxes.get(a), boxes.get(b)) > threshold) {
                    expected.add(tuple("/label/" + b, "box /label/" + a + " "));
                    break;
                }
            }
        }
        return expected;
    }

    @Test
    void aBoxDrawnThreeTimesIsTwoFindingsEachNamingTheFirst() throws IOException {
        double[] box = {0.1, 0.1, 0.5, 0.5};
        ValidationReport r = validate(DatasetValidator.create(), line(List.of(box, box, box), List.of("can", "can", "can")));
        assertThat(r.findings(RuleCode.DUPLICATE_BOX)).extracting(Finding::pointer, Finding::message).containsExactly(
                tuple("/label/1", "box of \"can\" overlaps box /label/0 of the same class with IoU 1.000: drawn twice?"),
                tuple("/label/2", "box of \"can\" overlaps box /label/0 of the same class with IoU 1.000: drawn twice?"));
    }

    /** Lines of clusters of jittered boxes, in sizes on both sides of the grid's threshold. */
    @Test
    void theGridFindsWhatComparingEveryPairFinds() throws IOException {
        Random random = new Random(20);
        for (double threshold : new double[] {0.3, 0.7, 0.95, 0.999}) {
            DatasetValidator v = DatasetValidator.builder().duplicateBoxIou(threshold).maxFindings(100_000).build();
            for (int round = 0; round < 60; round++) {
                int n = 2 + random.nextInt(round < 20 ? 20 : 300);
                List<double[]> boxes = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                double[] centre = null;
                for (int i = 0; i < n; i++) {
                    if (centre == null || random.nextInt(4) == 0) {
                        double size = Math.pow(10, -3 * random.nextDouble());
                        centre = new double[] {random.nextDouble() * 0.5, random.nextDouble() * 0.5, size, size};
                    }
                    double jitter = random.nextInt(3) == 0 ? 0 : centre[2] * Math.pow(10, -1 - 2 * random.nextDouble());
                    double x = centre[0] + jitter * random.nextGaussian();
                    double y = centre[1] + jitter * random.nextGaussian();
                    double w = centre[2] * (1 + jitter * random.nextGaussian());
                    double h = centre[3] * (1 + jitter * random.nextGaussian());
                    boolean copy = !boxes.isEmpty() && random.nextInt(10) == 0;
                    boxes.add(copy ? boxes.get(random.nextInt(boxes.size())) : new double[] {x, y, x + w, y + h});
                    labels.add(CLASSES[random.nextInt(4) == 0 ? random.nextInt(3) : 0]);
                }
                String line = line(boxes, labels);
                List<Tuple> found = new ArrayList<>();
                for (Finding f : validate(v, line).findings(RuleCode.DUPLICATE_BOX)) {
                    String m = f.message();
                    found.add(tuple(f.pointer(), m.substring(m.indexOf("box /label/"), m.indexOf(" of the same") + 1)));
                }
                assertThat(found).as("threshold %s, line %s", threshold, line)
                        .containsExactlyElementsOf(reference(boxes, labels, threshold));
            }
        }
    }

    @Test
    void aRuleThatIsOffFindsNothingAndTheOthersStillRun() throws IOException {
        double[] box = {0.1, 0.1, 0.5, 0.5};
        List<double[]> boxes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boxes.add(box);
            labels.add("can");
        }
        ValidationReport r = validate(DatasetValidator.builder().disable(RuleCode.DUPLICATE_BOX).build(), line(boxes, labels));
        assertThat(r.findings()).isEmpty();
        assertThat(r.findingCount()).isZero();
    }

    /** 2,000 copies of one box: 1,999 findings counted, as many kept as the cap lets. */
    @Test
    void aLineOfCopiesIsCountedWholeAndKeptUpToTheCap() throws IOException {
        double[] box = {0.1, 0.1, 0.5, 0.5};
        List<double[]> boxes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boxes.add(box);
            labels.add("can");
        }
        ValidationReport r = validate(DatasetValidator.builder().maxFindings(10).build(), line(boxes, labels));
        assertThat(r.findingCount()).isEqualTo(1999);
        assertThat(r.findings()).hasSize(10);
        assertThat(r.findings()).extracting(Finding::pointer).startsWith("/label/1", "/label/2");
    }

    /** A line's own verdict keeps its error even when warnings before it fill the cap. */
    @Test
    void aLineHoldsAtMostTheCapAndItsFirstErrorPastIt() {
        StringBuilder b = new StringBuilder("{\"image_url\": \"AmlDatastore://ds/1.jpg\"");
        for (int i = 0; i < 10; i++) {
            b.append(", \"extra").append(i).append("\": ").append(i);
        }
        b.append(", \"label\": [{\"label\": \"can\", \"topX\": 1.5, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}");
        ValidatedLine line = DatasetValidator.builder().maxFindings(5).build()
                .validateLine(b.toString());
        assertThat(line.findings()).hasSize(6);
        assertThat(line.findings().get(5).severity()).isEqualTo(Severity.ERROR);
        assertThat(line.isValid()).isFalse();
    }

    /** Errors past the cap are not kept, but what training would drop still counts them. */
    @Test
    void theRuntimeViewCountsTheErrorsPastTheCap() throws IOException {
        List<double[]> boxes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boxes.add(new double[] {0.01 * i, 0.1, i < 20 ? 1.5 : 0.01 * i + 0.2, 0.5});
            labels.add("can");
        }
        ValidationReport r = validate(DatasetValidator.builder().maxFindings(3).build(), line(boxes, labels));
        assertThat(r.findings()).hasSize(3);
        // The 20 boxes, and empty-dataset: the one record has an error.
        assertThat(r.errors()).isEqualTo(21);
        assertThat(r.runtime().annotations()).isEqualTo(30);
        assertThat(r.runtime().annotationsKept()).isEqualTo(10);
    }
}
