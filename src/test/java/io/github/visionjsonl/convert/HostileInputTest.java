package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.predict.PredictionReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converters and the prediction reader answer broken input with findings, never with an exception. */
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
