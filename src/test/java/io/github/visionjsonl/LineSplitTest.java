package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepted and rejected lines: every line accounted for, accepted ones byte for byte. */
class LineSplitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The corpus, line by line (without line endings), and how each line ends. */
    private static final byte[][] LINES = {
        bytes("{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"can\"}"),
        bytes("{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"cup\"}"),
        bytes("{\"image_url\": \"AmlDatastore://ds/c.jpg\", \"label\": \"can\", }"),
        {'{', '"', 'i', (byte) 0xC3, '"', '}'},
        bytes(""),
        bytes("{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"can\"}"),
        bytes("{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"can\"}"),
        bytes("   "),
        bytes("{\"image_url\": \"AmlDatastore://ds/d.jpg\", \"label\": \"caf\u00e9\", \"x\": 1}"),
        bytes("{\"image_url\": \"AmlDatastore://ds/e.jpg\", \"label\": \"can\"}"),
    };
    private static final String[] ENDINGS = {"\r\n", "\n", "\n", "\r\n", "\n", "\n", "\n", "\n", "\r\n", ""};

    private static byte[] corpus() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int i = 0; i < LINES.length; i++) {
            out.write(LINES[i]);
            out.write(bytes(ENDINGS[i]));
        }
        return out.toByteArray();
    }

    @Test
    void everyLineIsAcceptedRejectedOrBlank(@TempDir Path dir) throws IOException {
        Path input = Files.write(dir.resolve("in.jsonl"), corpus());
        Path accepted = dir.resolve("accepted.jsonl");
        Path rejected = dir.resolve("rejected.jsonl");
        ValidationReport r = DatasetValidator.create().validate(input, new LineSplit(accepted, rejected));
        // 3 is not JSON, 4 not UTF-8, 7 gives line 2's image another label (an error on the
        // repeating line); 6 repeats line 1 with its label: a warning, so it is accepted, as is
        // line 1 with the byte order mark's warning.
        assertThat(r.lineVerdicts().accepted()).isEqualTo(5);
        assertThat(r.lineVerdicts().rejected()).isEqualTo(3);
        assertThat(r.lineVerdicts().blank()).isEqualTo(2);
        assertThat(r.lineVerdicts().lines()).isEqualTo(r.lines()).isEqualTo(10);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int line : new int[] {1, 2, 6, 9, 10}) {
            expected.write(LINES[line - 1]);
            expected.write('\n');
        }
        assertThat(Files.readAllBytes(accepted)).isEqualTo(expected.toByteArray());

        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(rejected)) {
            objects.add(JSON.readTree(line));
        }
        assertThat(objects).extracting(o -> o.get("line").asInt()).containsExactly(3, 4, 7);
        assertThat(objects.get(0).get("text").asText()).isEqualTo(new String(LINES[2], StandardCharsets.UTF_8));
        assertThat(objects.get(0).get("findings").get(0).get("code").asText()).isEqualTo("json-syntax");
        assertThat(objects.get(0).get("findings").get(0).fieldNames()).toIterable()
                .containsExactly("code", "severity", "pointer", "message");
        assertThat(objects.get(1).has("text")).isFalse();
        assertThat(Base64.getDecoder().decode(objects.get(1).get("base64").asText())).isEqualTo(LINES[3]);
        assertThat(objects.get(2).get("findings")).extracting(f -> f.get("code").asText()).containsExactly("conflicting-labels");
        assertThat(objects.get(2).get("text").asText()).isEqualTo(new String(LINES[6], StandardCharsets.UTF_8));
    }

    @Test
    void heldBackLinesAreWrittenWithTheirLaterVerdict(@TempDir Path dir) throws IOException {
        String content = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\n"
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"can\"}\n";
        Path input = Files.writeString(dir.resolve("in.jsonl"), content);
        ValidationReport r = DatasetValidator.create().validate(input,
                new LineSplit(dir.resolve("a.jsonl"), dir.resolve("r.jsonl")));
        assertThat(r.lineVerdicts().rejected()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("a.jsonl"))).isEqualTo(content.substring(content.indexOf('\n') + 1));
        JsonNode held = JSON.readTree(Files.readString(dir.resolve("r.jsonl")));
        assertThat(held.get("line").asInt()).isEqualTo(1);
        assertThat(held.get("findings").get(0).get("code").asText()).isEqualTo("task-mismatch");
        assertThat(held.get("text").asText()).isEqualTo(content.substring(0, content.indexOf('\n')));
    }

    @Test
    void aLineOverTheLimitIsRejectedWithItsLength(@TempDir Path dir) throws IOException {
        String content = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"" + "x".repeat(200) + "\"}\n";
        Path input = Files.writeString(dir.resolve("in.jsonl"), content);
        DatasetValidator.builder().maxLineLength(100).build().validate(input, LineSplit.rejected(dir.resolve("r.jsonl")));
        JsonNode line = JSON.readTree(Files.readString(dir.resolve("r.jsonl")));
        assertThat(line.get("skippedBytes").asInt()).isEqualTo(content.length() - 1);
        assertThat(line.get("findings").get(0).get("code").asText()).isEqualTo("line-too-long");
    }

    @Test
    void theCountsAreTheSameWithoutOutputs(@TempDir Path dir) throws IOException {
        Path input = Files.write(dir.resolve("in.jsonl"), corpus());
        ValidationReport plain = DatasetValidator.create().validate(input);
        ValidationReport split = DatasetValidator.create().validate(input, LineSplit.accepted(dir.resolve("a.jsonl")));
        assertThat(plain.lineVerdicts()).isEqualTo(split.lineVerdicts());
        assertThat(plain.runtime()).isEqualTo(split.runtime());
        assertThat(plain.errors()).isEqualTo(split.errors());
    }

    @Test
    void neverOverAnExistingFileAndNothingLeftOnRefusal(@TempDir Path dir) throws IOException {
        Path input = Files.write(dir.resolve("in.jsonl"), corpus());
        Path existing = Files.writeString(dir.resolve("r.jsonl"), "mine");
        assertThatThrownBy(() -> DatasetValidator.create().validate(input,
                new LineSplit(dir.resolve("a.jsonl"), existing))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("mine");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.jsonl", "r.jsonl");
        }
        assertThatThrownBy(() -> new LineSplit(dir.resolve("x"), dir.resolve("./x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineSplit(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
