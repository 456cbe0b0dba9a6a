package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-flight options of the command line: MLTable inputs, the runtime view, accepted and rejected lines. */
class PreflightCliTest {

    @Test
    void anMLTableFolderIsCheckedWithItsJsonlAndImages() throws Exception {
        CliRun good = CliRun.run("validate", "--images-root", "samples/mltable/good", "samples/mltable/good");
        assertThat(good.exit()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("samples/mltable/good/MLTable: MLTable, 1 JSONL file, invalid_lines: error, 0 errors",
                "train_annotations.jsonl: image-object-detection, 2 lines", "training would use 3 of 3 boxes (100.0%)");

        CliRun broken = CliRun.run("validate", "--format", "json", "samples/mltable/broken/MLTable");
        assertThat(broken.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(broken.out());
        assertThat(json.get(0).get("kind").asText()).isEqualTo("mltable");
        assertThat(json.get(0).get("findings").get(0).get("code").asText()).isEqualTo("mltable-path-missing");
        assertThat(json.get(0).get("findings").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(json.get(1).get("runtime").get("dropped").get("coordinate-range").asInt()).isEqualTo(1);
    }

    @Test
    void maxDroppedFailsWhateverTheSeverities() {
        String file = "samples/mltable/broken/train_annotations.jsonl";
        String[] lenient = {"--rule", "coordinate-range=warning", "--rule", "box-inverted=warning",
            "--rule", "json-syntax=warning", "--rule", "empty-dataset=warning", "--rule", "image-url-malformed=warning",
            "--rule", "mixed-datastores=off"};
        CliRun warned = CliRun.run(concat(new String[] {"validate"}, lenient, new String[] {file}));
        assertThat(warned.exit()).as(warned.out()).isZero();
        CliRun limited = CliRun.run(concat(new String[] {"validate", "--max-dropped", "40"}, lenient, new String[] {file}));
        assertThat(limited.exit()).isEqualTo(1);
        assertThat(limited.out()).contains("more than the 40% allowed (--max-dropped)");
        assertThat(CliRun.run("validate", "--max-dropped", "101", file).err()).contains("--max-dropped must be in [0, 100]");
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    @Test
    void acceptedAndRejectedFilesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path accepted = dir.resolve("ok.jsonl");
        Path rejected = dir.resolve("bad.jsonl");
        CliRun r = CliRun.run("validate", "--accepted", accepted.toString(), "--rejected", rejected.toString(),
                "samples/invalid/json-syntax.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        List<String> bad = Files.readAllLines(rejected);
        assertThat(bad).isNotEmpty().allSatisfy(l -> assertThat(new ObjectMapper().readTree(l).get("findings")).isNotEmpty());
        long lines = Files.readAllLines(Path.of("samples/invalid/json-syntax.jsonl")).size();
        assertThat(Files.readAllLines(accepted).size() + bad.size()).isLessThanOrEqualTo((int) lines);
        assertThat(r.out()).containsPattern(lines + " lines = \\d+ accepted \\+ " + bad.size() + " rejected \\+ \\d+ blank");

        CliRun again = CliRun.run("validate", "--accepted", accepted.toString(), "samples/invalid/json-syntax.jsonl");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists; refusing to overwrite it");
        assertThat(CliRun.run("validate", "--rejected", dir.resolve("x").toString(), "a.jsonl", "b.jsonl").exit()).isEqualTo(2);
        assertThat(CliRun.run("validate", "--rejected", dir.resolve("x").toString(), "samples/mltable/good").exit()).isEqualTo(2);
    }

    @Test
    void fixWritesTheLinesItSetsAside(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"image_url\": \"AmlDatastore://ws/1.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}",
                "not json",
                "{\"image_url\": \"AmlDatastore://ws/3.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.2}]}",
                "{\"image_url\": \"AmlDatastore://ws/4.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.2, \"topY\": 0.1, \"bottomX\": 0.1, \"bottomY\": 0.5}]}"));
        Path rejected = dir.resolve("rejected.jsonl");
        CliRun r = CliRun.run("fix", in.toString(), "-o", dir.resolve("out.jsonl").toString(), "--rejected", rejected.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("text").asText()).isEqualTo("not json");
        assertThat(first.get("findings").get(0).get("code").asText()).isEqualTo("json-syntax");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("line").asInt()).isEqualTo(3);
        assertThat(second.get("text").asText()).startsWith("{\"image_url\": \"AmlDatastore://ws/3.jpg\"");
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(2);

        CliRun existing = CliRun.run("fix", in.toString(), "-o", dir.resolve("out2.jsonl").toString(), "--rejected", rejected.toString());
        assertThat(existing.exit()).isEqualTo(2);
        assertThat(existing.err()).contains(rejected + " exists");
        assertThat(Files.exists(dir.resolve("out2.jsonl"))).isFalse();
    }
}
