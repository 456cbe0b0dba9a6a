package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.predict.Evaluator;
import io.github.visionjsonl.predict.PseudoLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} and {@code predictions}: which file each finding names, exit codes CI can rely on, option checks. */
class PredictionCommandsTest {

    @TempDir
    Path dir;

    private static String truthLine(String name, double topX) {
        return "{\"image_url\": \"AmlDatastore://ws/img/" + name + "\", \"label\": [{\"label\": \"can\", \"topX\": " + topX
                + ", \"topY\": 0.1, \"bottomX\": 0.4, \"bottomY\": 0.4, \"isCrowd\": 0}]}";
    }

    private static String response(String name, double score) {
        return "{\"filename\": \"/tmp/up/" + name + "\", \"boxes\": [{\"label\": \"can\", \"score\": " + score
                + ", \"box\": {\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.4, \"bottomY\": 0.4}}]}";
    }

    private Path file(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void eachFindingNamesItsOwnFileAndAnErrorInEitherExitsOne() throws Exception {
        Path truth = file("truth.jsonl", truthLine("1.jpg", 0.1), truthLine("2.jpg", 31));
        Path predictions = file("scores.jsonl", response("1.jpg", 0.9), response("2.jpg", 7));
        CliRun r = CliRun.run("evaluate", "--truth", truth.toString(), "--predictions", predictions.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern(Pattern.quote(truth.toString()) + ":2:\\d+: error\\[coordinate-range\\]")
                .contains(predictions + ":2: error[score-range]")
                .doesNotContain(predictions + ":2:\\d+: error[coordinate-range]");
        // the truth's error alone, and the predictions' alone
        assertThat(CliRun.run("evaluate", "--truth", truth.toString(), "--predictions",
                file("good.jsonl", response("1.jpg", 0.9)).toString()).exit()).isEqualTo(1);
        Path cleanTruth = file("clean.jsonl", truthLine("1.jpg", 0.1), truthLine("2.jpg", 0.1));
        assertThat(CliRun.run("evaluate", "--truth", cleanTruth.toString(), "--predictions", predictions.toString()).exit()).isEqualTo(1);
        CliRun clean = CliRun.run("evaluate", "--truth", cleanTruth.toString(), "--predictions",
                file("clean-scores.jsonl", response("1.jpg", 0.9), response("2.jpg", 0.8)).toString());
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("2 matched").doesNotContain("error[");
        CliRun json = CliRun.run("evaluate", "--format", "json", "--truth", truth.toString(), "--predictions", predictions.toString());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"findings\" : 1", "\"truthFindings\" : 2");
    }

    @Test
    void randomBytesOrPredictionsOfNoImageExitOneAndAMissingFileTwo() throws Exception {
        Path truth = file("truth.jsonl", truthLine("1.jpg", 0.1));
        byte[] noise = new byte[4096];
        new Random(21).nextBytes(noise);
        Path bytes = Files.write(dir.resolve("scores.bin"), noise);
        CliRun r = CliRun.run("evaluate", "--task", "detection", "--truth", truth.toString(), "--predictions", bytes.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern(Pattern.quote(bytes.toString())
                + ":\\d+: error\\[prediction-shape\\]: not UTF-8 text").contains("0 predictions", "nothing was scored");
        assertThat(CliRun.run("predictions", "validate", bytes.toString()).exit()).isEqualTo(1);
        CliRun elsewhere = CliRun.run("evaluate", "--truth", truth.toString(), "--predictions",
                file("other.jsonl", response("9.jpg", 0.9)).toString());
        assertThat(elsewhere.exit()).isEqualTo(1);
        assertThat(elsewhere.out()).contains("warning[prediction-unmatched]", "0 matched", "no prediction matched a ground-truth image");
        assertThat(CliRun.run("evaluate", "--truth", truth.toString(), "--predictions", dir.resolve("missing.jsonl").toString()).exit())
                .isEqualTo(2);
        assertThat(CliRun.run("evaluate", "--help").out()).contains("1   an error in either file, or no prediction matched an image");
    }

    @Test
    void toLabelsRefusesAScoreOutsideZeroOne() throws Exception {
        Path p = file("p.jsonl", response("1.jpg", 0.9));
        for (String score : new String[] {"2", "-0.1", "NaN"}) {
            CliRun r = CliRun.run("predictions", "to-labels", "--task", "detection", "--min-score", score, p.toString(), "-o",
                    dir.resolve("out" + score + ".jsonl").toString());
            assertThat(r.exit()).as(score).isEqualTo(2);
            assertThat(r.err()).as(score).contains("--min-score must be in [0, 1]");
            assertThat(dir.resolve("out" + score + ".jsonl")).doesNotExist();
        }
        assertThatThrownBy(() -> new PseudoLabels(Task.IMAGE_OBJECT_DETECTION, 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThat(new PseudoLabels(Task.IMAGE_OBJECT_DETECTION, 1, Map.of())).isNotNull();
    }

    @Test
    void evaluateRefusesAProbabilityThresholdOutsideZeroOne() throws Exception {
        Path truth = file("truth.jsonl", "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": [\"can\"]}");
        Path p = file("p.jsonl", "{\"filename\": \"a.jpg\", \"probs\": [0.9], \"labels\": [\"can\"]}");
        for (String threshold : new String[] {"2", "-1", "NaN"}) {
            CliRun r = CliRun.run("evaluate", "--task", "multilabel", "--threshold", threshold, "--truth", truth.toString(),
                    "--predictions", p.toString());
            assertThat(r.exit()).as(threshold).isEqualTo(2);
            assertThat(r.err()).as(threshold).contains("--threshold must be in [0, 1]");
        }
        assertThat(CliRun.run("evaluate", "--task", "multilabel", "--threshold", "1", "--truth", truth.toString(), "--predictions",
                p.toString()).exit()).isZero();
        assertThatThrownBy(() -> new Evaluator(Task.IMAGE_CLASSIFICATION_MULTILABEL, Map.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }

    @Test
    void imagesWithNothingAtTheScoreAreLeftOutUnlessKept() throws Exception {
        Path p = file("p.jsonl", response("1.jpg", 0.95).replace("/tmp/up/1.jpg\"", "x\", \"image_url\": \"AmlDatastore://ws/1.jpg\""),
                response("2.jpg", 0.3).replace("/tmp/up/2.jpg\"", "y\", \"image_url\": \"AmlDatastore://ws/2.jpg\""));
        Path out = dir.resolve("labels.jsonl");
        CliRun r = CliRun.run("predictions", "to-labels", "--task", "detection", "--min-score", "0.9", p.toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("1 records written, 1 image with nothing at --min-score 0.9 left out (--keep-empty keeps them)");
        assertThat(Files.readAllLines(out)).singleElement().asString().contains("ws/1.jpg");
        Path kept = dir.resolve("kept.jsonl");
        CliRun keep = CliRun.run("predictions", "to-labels", "--task", "detection", "--min-score", "0.9", "--keep-empty", p.toString(),
                "-o", kept.toString());
        assertThat(keep.out()).contains("2 records written").doesNotContain("left out");
        assertThat(Files.readAllLines(kept)).hasSize(2).last().asString().contains("ws/2.jpg", "\"label\":[]");
        PseudoLabels.Result library = new PseudoLabels(Task.IMAGE_OBJECT_DETECTION, 0.9, Map.of()).write(p, dir.resolve("lib.jsonl"));
        assertThat(library.records()).isEqualTo(1);
        assertThat(library.emptyLeftOut()).isEqualTo(1);
        Path classes = file("c.jsonl", "{\"image_url\": \"AmlDatastore://ws/1.jpg\", \"probs\": [0.4, 0.6], \"labels\": [\"a\", \"b\"]}");
        CliRun top = CliRun.run("predictions", "to-labels", "--task", "classification", "--min-score", "0.7", classes.toString(), "-o",
                dir.resolve("c-out.jsonl").toString());
        assertThat(top.out()).contains("0 records written, 1 image with nothing at --min-score 0.7 left out").doesNotContain("--keep-empty");
    }

    @Test
    void aPredictionWithoutImageUrlInToLabelsIsNotAboutGroundTruth() throws Exception {
        Path p = file("p.jsonl", response("1.jpg", 0.95));
        CliRun r = CliRun.run("predictions", "to-labels", "--task", "detection", "--min-score", "0.5", p.toString(), "-o",
                dir.resolve("o.jsonl").toString());
        assertThat(r.out()).contains(p + ":1: warning[prediction-unmatched]: no image URL for this prediction (filename \"/tmp/up/1.jpg\")")
                .doesNotContain("ground-truth");
    }

    @Test
    void aMappingThatIsNotACsvOfRowsIsAUsageErrorNamingIt() throws Exception {
        Path truth = file("truth.jsonl", truthLine("1.jpg", 0.1));
        Path p = file("p.jsonl", response("1.jpg", 0.95));
        byte[] noise = new byte[512];
        new Random(6).nextBytes(noise);
        Path binary = Files.write(dir.resolve("files.csv"), noise);
        Path noComma = file("rows.csv", "filename,image_url", "/tmp/up/1.jpg AmlDatastore://ws/1.jpg");
        for (String[] command : new String[][] {
            {"predictions", "to-labels", "--task", "detection", "--min-score", "0.5", p.toString(), "-o", dir.resolve("o.jsonl").toString()},
            {"evaluate", "--truth", truth.toString(), "--predictions", p.toString()}}) {
            String[] withBinary = append(command, "--mapping", binary.toString());
            CliRun r = CliRun.run(withBinary);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--mapping " + binary + ": not UTF-8 text, so not a CSV mapping of filename,image_url rows")
                    .doesNotContain("Input length");
            CliRun rows = CliRun.run(append(command, "--mapping", noComma.toString()));
            assertThat(rows.exit()).isEqualTo(2);
            assertThat(rows.err()).contains("--mapping " + noComma + ": line 2 is not a filename,image_url row");
            assertThat(CliRun.run(append(command, "--mapping", dir.resolve("none.csv").toString())).err())
                    .contains("--mapping " + dir.resolve("none.csv") + ": no such file");
        }
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
