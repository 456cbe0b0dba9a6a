package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --write-baseline and --baseline: only new findings fail, old ones are counted, fixed ones told. */
class BaselineCliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CLEAN = "{\"image_url\": \"AmlDatastore://ds/c%d.jpg\", \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}";
    private static final String BAD = "{\"image_url\": \"AmlDatastore://ds/b%d.jpg\", \"label\": [{\"label\": \"can\", "
            + "\"topX\": 0.1, \"topY\": 0.1, \"bottomX\": %d, \"bottomY\": 0.5}]}";

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        return Files.writeString(dir.resolve("train.jsonl"), String.join("\n", lines) + "\n");
    }

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void oldFindingsAreBaselinedWhereverTheirLinesMoveAndNewOnesFail() throws Exception {
        Path data = file(String.format(CLEAN, 1), String.format(BAD, 1, 3), String.format(BAD, 2, 4));
        Path baseline = dir.resolve("baseline.json");
        CliRun written = run("validate", "--write-baseline", baseline.toString(), data.toString());
        assertThat(written.exit()).isEqualTo(1);
        assertThat(MAPPER.readTree(baseline.toFile()).get("findings")).hasSize(2);
        assertThat(run("validate", "--baseline", baseline.toString(), data.toString()).exit()).isZero();

        // Lines inserted above, one old finding fixed, one new.
        Files.delete(data);
        file(String.format(CLEAN, 7), String.format(CLEAN, 8), String.format(BAD, 2, 4), String.format(CLEAN, 1),
                String.format(BAD, 3, 5));
        CliRun r = run("validate", "--baseline", baseline.toString(), data.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(data + ":5:", "1 error,", "1 baselined finding not shown, 1 fixed since the baseline");
        assertThat(r.out()).doesNotContain(data + ":3:");

        JsonNode json = MAPPER.readTree(run("validate", "--format", "json", "--baseline", baseline.toString(), data.toString()).out());
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("baselined").asInt()).isEqualTo(1);
        assertThat(json.get("fixed").asInt()).isEqualTo(1);
        assertThat(json.get("rules").get("coordinate-range").get("count").asInt()).as("new ones only").isEqualTo(1);
        assertThat(json.get("findings")).hasSize(2);
        assertThat(json.get("findings").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(json.get("findings").get(0).get("baselined").asBoolean()).isTrue();
        assertThat(json.get("findings").get(1).get("baselined").asBoolean()).isFalse();
        JsonNode sarif = MAPPER.readTree(run("validate", "--format", "sarif", "--baseline", baseline.toString(), data.toString()).out());
        assertThat(sarif.get("runs").get(0).get("results")).as("only new findings are alerts").hasSize(1);
        assertThat(run("validate", "--baseline", baseline.toString(), data.toString(), data.toString()).out())
                .endsWith("2 files: 2 invalid, 0 valid; 2 errors, 0 warnings; 2 baselined, 2 fixed\n");
        assertThat(MAPPER.readTree(run("validate", "--format", "json", data.toString()).out()).get("findings").get(0).has("baselined"))
                .as("without a baseline, the JSON is as it was").isFalse();
    }

    @Test
    void theSameFindingTwiceNeedsTwoEntries() throws Exception {
        String bad = String.format(BAD, 1, 3);
        Path data = file(bad, String.format(CLEAN, 1));
        Path baseline = dir.resolve("b.json");
        run("validate", "--write-baseline", baseline.toString(), data.toString());
        Files.delete(data);
        file(bad, String.format(CLEAN, 1), bad);
        CliRun r = run("validate", "--baseline", baseline.toString(), data.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(data + ":3:", "1 baselined finding not shown, 0 fixed");
    }

    @Test
    void writingNeverReplacesAFileAndKeepsMoreThanMaxFindings() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(String.format(BAD, i, 3));
        }
        Path data = file(lines.toArray(String[]::new));
        Path baseline = dir.resolve("b.json");
        CliRun r = run("validate", "--max-findings", "5", "--write-baseline", baseline.toString(), data.toString());
        assertThat(r.out().lines().filter(l -> l.startsWith(data + ":") && l.contains("]: "))).hasSize(5);
        assertThat(MAPPER.readTree(baseline.toFile()).get("findings")).hasSize(31);
        assertThat(run("validate", "--max-findings", "5", "--baseline", baseline.toString(), data.toString()).exit()).isZero();

        CliRun again = run("validate", "--write-baseline", baseline.toString(), data.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists");
        assertThat(MAPPER.readTree(baseline.toFile()).get("findings")).hasSize(31);
    }

    @Test
    void brokenBinaryOrHugeBaselinesGiveOneLine() throws Exception {
        Path data = file(String.format(CLEAN, 1));
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Object[][] cases = {
            {"{\"baseline\": 1, \"findings\": [", "not a baseline"},
            {binary, "not a baseline"},
            {"[]", "a baseline is a JSON object"},
            {"{\"findings\": []}", "no \"baseline\": 1"},
            {"{\"baseline\": 1, \"findings\": [{\"file\": \"a\", \"rule\": \"no-such\", \"pointer\": \"\", "
                    + "\"lineHash\": \"0000000000000001\"}]}", "unknown rule \"no-such\""},
            {"{\"baseline\": 1,\n \"findings\": [{\"file\": \"a\", \"rul\": \"x\"}]}", "line 2, column"},
            {"{\"baseline\": 1, \"findings\": [{\"file\": \"a\", \"rule\": \"blank-line\", \"pointer\": \"\", "
                    + "\"lineHash\": \"xyz\"}]}", "16 hexadecimal digits"},
            {"{\"baseline\": 1, \"findings\": [{\"file\": \"" + "a".repeat(2 << 20) + "\"}]}", "not a baseline"},
        };
        int n = 0;
        for (Object[] c : cases) {
            Path baseline = dir.resolve("broken" + n++ + ".json");
            if (c[0] instanceof byte[] bytes) {
                Files.write(baseline, bytes);
            } else {
                Files.writeString(baseline, (String) c[0], StandardCharsets.UTF_8);
            }
            CliRun r = run("validate", "--baseline", baseline.toString(), data.toString());
            assertThat(r.exit()).as(baseline.toString()).isEqualTo(2);
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).as(r.err()).startsWith("vision-jsonl: cannot read baseline").contains((String) c[1])
                    .doesNotContain("Exception");
        }
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.json").toFile(), "rw")) {
            huge.setLength((256L << 20) + 1);
        }
        CliRun r = run("validate", "--baseline", dir.resolve("huge.json").toString(), data.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("too large").hasLineCount(1);
        assertThat(run("validate", "--baseline", dir.resolve("none.json").toString(), data.toString()).err())
                .contains("no such file").hasLineCount(1);
    }
}
