package io.github.visionjsonl.spark;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated datasets with what only the whole file shows: images repeated far apart, relabelled, a second datastore. */
final class Datasets {

    private Datasets() {
    }

    /** A dataset of a task, 5% broken (or valid), with repeats and relabelled repeats spread over it. */
    static byte[] of(Task task, int records, long seed, double invalidRate) {
        byte[] generated = DatasetGenerator.builder().task(task).records(records).invalidRate(invalidRate).seed(seed)
                .classes(12).build().toBytes();
        List<String> lines = new ArrayList<>(List.of(new String(generated, StandardCharsets.UTF_8).split("\n")));
        SplittableRandom random = new SplittableRandom(seed);
        int n = lines.size();
        for (int i = 0; i < n / 20; i++) {
            String copy = lines.get(random.nextInt(n));
            if (random.nextBoolean() && copy.contains("\"label\": \"")) {
                copy = copy.replaceFirst("\"label\": \"[^\"]*\"", "\"label\": \"relabelled\"");
            }
            lines.add(random.nextInt(lines.size()), copy);
        }
        for (int i = 0; i < 5; i++) {
            int at = random.nextInt(lines.size());
            lines.set(at, lines.get(at).replace("workspaceblobstore", "otherstore" + (i % 2)));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
