package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.predict.PredictionReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converters and the prediction reader answer broken input with findings, never with an exception.
 * {@code -Dvisionjsonl.fuzz.iterations=N} runs more rounds of damaged inputs (60 by default).
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static final String COCO = "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 10, \"height\": 10}],"
            + " \"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"iscrowd\": 0,"
            + " \"segmentation\": [[1, 1, 5, 1, 5, 5]]}, {\"id\": 2, \"image_id\": 1, \"category_id\": 1,"
            + " \"segmentation\": {\"size\": [10, 10], \"counts\": [5, 3, 92]}}], \"categories\": [{\"id\": 1, \"name\": \"a\"}]}";

    private static final String PREDICTION = "{\"filename\": \"x\", \"image_url\": \"a.jpg\", \"boxes\": [{\"box\": {\"topX\": 0.1, "
            + "\"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}, \"label\": \"a\", \"score\": 0.5, \"polygon\": [[0.1, 0.1, 0.5, 0.1, 0.3, 0.4]]}]}";

    private static String mutate(String s, Random random) {
        char[] c = s.toCharArray();
        String alphabet = "{}[]\",:0123456789.-eE tnfalsu\\";
        for (int e = 0; e < 1 + random.nextInt(4); e++) {
            c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    @Test
    void mutatedCocoFilesNeverThrow() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            Path in = Files.writeString(dir.resolve("c" + i + ".json"), mutate(COCO, random));
            for (Task task : new Task[] {Task.IMAGE_OBJECT_DETECTION, Task.IMAGE_INSTANCE_SEGMENTATION}) {
                Path out = dir.resolve("c" + i + task.ordinal() + ".jsonl");
                assertThatCode(() -> new CocoToJsonl(task, "").convert(in, out)).as(Files.readString(in)).doesNotThrowAnyException();
            }
        }
    }

    private static final int ITERATIONS = Integer.getInteger("visionjsonl.fuzz.iterations", 60);

    private static final String VOC = "<annotation><filename>a.jpg</filename><size><width>100</width><height>80</height>"
            + "</size><object><name>can</name><difficult>0</difficult><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>50</xmax>"
            + "<ymax>40</ymax></bndbox></object></annotation>";

    private static final String[] YOLO = {"0 0.5 0.5 0.2 0.4\n1 0.25 0.25 0.1 0.1\n", "1 0.1 0.1 0.3 0.1 0.2 0.4\n"};

    private static final String CSV = "file,labels\na.jpg,can;carton\nb.jpg,milk\n";

    private static final String YAML = "path: .\nnames:\n  0: can\n  1: carton\nnc: 2\n";

    private static final String JSONL = "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"image_details\": {\"width\": 100, "
            + "\"height\": 50}, \"label\": [{\"label\": \"a\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}\n";

    /** Random bytes, or a valid input cut at a random place, or one with a few random bytes overwritten. */
    private static byte[] damage(String valid, Random random) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] garbage = new byte[1 + random.nextInt(3000)];
                random.nextBytes(garbage);
                return garbage;
            }
            case 1 -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            default -> {
                for (int e = 0; e < 1 + random.nextInt(6); e++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
        }
    }

    @Test
    void randomBytesAndTruncatedFilesGiveFindingsInEveryConverter() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < ITERATIONS; i++) {
            Path round = Files.createDirectories(dir.resolve("round" + i));
            Path coco = Files.write(round.resolve("instances.json"), damage(COCO, random));
            for (Task task : new Task[] {Task.IMAGE_OBJECT_DETECTION, Task.IMAGE_INSTANCE_SEGMENTATION}) {
                assertThatCode(() -> new CocoToJsonl(task, "").convert(coco, round.resolve("coco" + task.ordinal() + ".jsonl")))
                        .doesNotThrowAnyException();
            }
            Path voc = Files.createDirectories(round.resolve("voc/Annotations"));
            Files.write(voc.resolve("a.xml"), damage(VOC, random));
            assertThatCode(() -> new VocToJsonl("", VocToJsonl.Difficult.KEEP).convert(voc.getParent(), round.resolve("voc.jsonl")))
                    .doesNotThrowAnyException();
            Path yolo = Files.createDirectories(round.resolve("yolo/labels"));
            Files.write(yolo.resolve("a.txt"), damage(YOLO[0], random));
            Files.write(yolo.resolve("b.txt"), damage(YOLO[1], random));
            for (Task task : new Task[] {Task.IMAGE_OBJECT_DETECTION, Task.IMAGE_INSTANCE_SEGMENTATION}) {
                assertThatCode(() -> new YoloToJsonl(task, "", List.of("can", "carton"))
                        .convert(yolo.getParent(), round.resolve("yolo" + task.ordinal() + ".jsonl"))).doesNotThrowAnyException();
            }
            Path yaml = Files.write(round.resolve("data.yaml"), damage(YAML, random));
            try {
                YoloToJsonl.readNames(yaml);
            } catch (IOException e) {
                assertThat(e.getMessage()).as("one line naming the file").startsWith(yaml.toString()).doesNotContain("\n");
            }
            Path csv = Files.write(round.resolve("labels.csv"), damage(CSV, random));
            assertThatCode(() -> new FoldersToJsonl("").csv(csv, round.resolve("csv.jsonl"))).doesNotThrowAnyException();
            Path jsonl = Files.write(round.resolve("in.jsonl"), damage(JSONL + JSONL, random));
            assertThatCode(() -> new JsonlToCoco(DatasetValidator.create()).convert(jsonl, round.resolve("out.json")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theCommandLinePrintsNoStackTraceForAnyDamagedInput() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < Math.max(5, ITERATIONS / 6); i++) {
            Path round = Files.createDirectories(dir.resolve("cli" + i));
            Path coco = Files.write(round.resolve("instances.json"), damage(COCO, random));
            Path csv = Files.write(round.resolve("labels.csv"), damage(CSV, random));
            Path yolo = Files.createDirectories(round.resolve("yolo/labels"));
            Files.write(yolo.resolve("a.txt"), damage(YOLO[0], random));
            Path yaml = Files.write(round.resolve("data.yaml"), damage(YAML, random));
            String[][] commands = {
                {"convert", "--from", "coco", coco.toString(), "-o", round.resolve("a.jsonl").toString()},
                {"convert", "--from", "csv", csv.toString(), "-o", round.resolve("b.jsonl").toString()},
                {"convert", "--from", "yolo", "--names", yaml.toString(), yolo.getParent().toString(), "-o",
                    round.resolve("c.jsonl").toString()},
                {"convert", "--from", "jsonl", "--to", "coco", coco.toString(), "-o", round.resolve("d.json").toString()}};
            for (String[] command : commands) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = VisionJsonl.run(command, new ByteArrayInputStream(new byte[0]),
                        new PrintWriter(out), new PrintWriter(err));
                assertThat(exit).as(String.join(" ", command) + "\n" + err).isBetween(0, 2);
                assertThat(out + err.toString()).doesNotContain("\tat ", "Exception");
                assertThat(err.toString().lines().count()).as(err.toString()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void mutatedPredictionsNeverThrow() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 400; i++) {
            String content = mutate(PREDICTION, random);
            Path in = Files.writeString(dir.resolve("p" + i + ".json"), content + "\n" + content);
            assertThatCode(() -> new PredictionReader(Task.IMAGE_INSTANCE_SEGMENTATION).read(in)).as(content)
                    .doesNotThrowAnyException();
        }
        byte[] garbage = new byte[2000];
        random.nextBytes(garbage);
        Path binary = Files.write(dir.resolve("garbage.json"), garbage);
        assertThatCode(() -> new PredictionReader(null).read(binary)).doesNotThrowAnyException();
    }

    @Test
    void mutatedJsonlRepairsNeverThrow() throws Exception {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder();
        String line = "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"image_details\": {\"width\": 100, \"height\": 50}, "
                + "\"label\": [{\"label\": \"a\", \"topX\": 10, \"topY\": 5, \"bottomX\": 0.5, \"bottomY\": 1.004}]}";
        for (int i = 0; i < 300; i++) {
            b.append(mutate(line, random)).append('\n');
        }
        Path in = Files.writeString(dir.resolve("r.jsonl"), b, StandardCharsets.UTF_8);
        assertThatCode(() -> new DatasetFixer(DatasetValidator.create(), 0.01).fix(in, dir.resolve("r-fixed.jsonl")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new JsonlToCoco(DatasetValidator.create()).convert(in, dir.resolve("r.json")))
                .doesNotThrowAnyException();
    }
}
