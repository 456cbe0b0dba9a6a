package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.cli.VisionJsonl;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code vision-jsonl convert} prints and how it exits. */
class ConvertCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
    }

    private static final String COCO = "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 10, \"height\": 10}],"
            + " \"annotations\": [{\"id\": 5, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 4, 4], \"segmentation\": []},"
            + " {\"id\": 6, \"image_id\": 1, \"category_id\": 1, \"bbox\": [2, 2, 0, 3], \"segmentation\": [[2, 2, 2, 5, 2, 3]]}],"
            + " \"categories\": [{\"id\": 1, \"name\": \"can\"}]}";

    @Test
    void findingsOfTheConversionAndOfTheOutputArePrintedAsValidatePrintsThem() throws Exception {
        Path in = Files.writeString(dir.resolve("instances.json"), COCO);
        Path jsonl = dir.resolve("seg.jsonl");
        int exit = run("convert", "--from", "coco", "--task", "segmentation", in.toString(), "-o", jsonl.toString());
        assertThat(out.toString()).contains(in + "#/annotations/0: warning[convert-skipped]: annotation 5 left out: "
                + "no segmentation (--box-as-polygon makes its bbox the polygon)");
        // the degenerate polygon of annotation 6 is written, and the output's own report lists it, line and column
        assertThat(out.toString()).containsPattern(Pattern.quote(jsonl.toString())
                + ":1:\\d+: warning\\[polygon-degenerate\\]: ");
        assertThat(Files.readString(jsonl)).doesNotContain("\"polygon\":[]");
        assertThat(exit).isZero();

        Path boxes = dir.resolve("boxes.jsonl");
        out.getBuffer().setLength(0);
        run("convert", "--from", "coco", "--task", "segmentation", "--box-as-polygon", in.toString(), "-o", boxes.toString());
        assertThat(Files.readString(boxes)).contains("\"polygon\":[[0.1,0.1,0.5,0.1,0.5,0.5,0.1,0.5]]");
    }

    @Test
    void findingsAreCappedLikeValidates() throws Exception {
        StringBuilder annotations = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            annotations.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append(", \"image_id\": 1, \"category_id\": 9}");
        }
        Path in = Files.writeString(dir.resolve("many.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 10,"
                + " \"height\": 10}], \"annotations\": [" + annotations + "], \"categories\": [{\"id\": 1, \"name\": \"can\"}]}");
        run("convert", "--from", "coco", "--max-findings", "5", in.toString(), "-o", dir.resolve("many.jsonl").toString());
        assertThat(out.toString().lines().filter(l -> l.contains("warning[convert-skipped]"))).hasSize(5);
        assertThat(out.toString()).contains("showing the first 5 of 30 findings of the conversion (--max-findings)");
    }

    @Test
    void yoloWithoutImagesSaysWhatItGuessedAndAnEmptyCocoExitsOne() throws Exception {
        Path yolo = dir.resolve("yolo");
        Files.createDirectories(yolo.resolve("labels"));
        Files.writeString(yolo.resolve("labels/a.txt"), "0 0.5 0.5 0.2 0.2\n");
        Path names = Files.writeString(dir.resolve("names.txt"), "can\n");
        Path jsonl = dir.resolve("yolo.jsonl");
        assertThat(run("convert", "--from", "yolo", "--names", names.toString(), yolo.toString(), "-o", jsonl.toString())).isZero();
        assertThat(out.toString()).contains("warning[convert-guessed]: no images folder at", "1 record (a.jpg)");
        out.getBuffer().setLength(0);
        int exit = run("convert", "--from", "jsonl", "--to", "coco", jsonl.toString(), "-o", dir.resolve("y.json").toString());
        assertThat(out.toString()).contains(jsonl + ":1: warning[convert-skipped]: line 1 left out", "0 images written",
                "nothing was converted");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void toCocoStripsTheBaseUrlAndSaysWhenAUrlIsOutsideIt() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                line("AmlDatastore://workspaceblobstore/fridge/images/kitchen/a.jpg"),
                line("AmlDatastore://workspaceblobstore/other/b.jpg"), ""));
        Path coco = dir.resolve("out.json");
        assertThat(run("convert", "--from", "jsonl", "--to", "coco", "--base-url",
                "AmlDatastore://workspaceblobstore/fridge/images/", jsonl.toString(), "-o", coco.toString())).isZero();
        var images = new ObjectMapper().readTree(coco.toFile()).get("images");
        assertThat(images.get(0).get("file_name").asText()).isEqualTo("kitchen/a.jpg");
        assertThat(images.get(1).get("file_name").asText()).isEqualTo("other/b.jpg");
        assertThat(out.toString()).contains(jsonl + ":2: warning[convert-guessed]: line 2: image_url "
                + "AmlDatastore://workspaceblobstore/other/b.jpg does not start with the base URL");
        assertThat(new ObjectMapper().readTree(coco.toFile()).get("annotations")).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void aFileWhereAFolderIsReadIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a.xml"), "<annotation/>");
        assertThat(run("convert", "--from", "voc", file.toString(), "-o", dir.resolve("v.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("vision-jsonl: cannot convert " + file + ": --from voc reads a folder, and "
                + file + " is a file" + System.lineSeparator());
    }

    private static String line(String url) {
        return "{\"image_url\": \"" + url + "\", \"image_details\": {\"format\": \"jpg\", \"width\": 10, \"height\": 10}, "
                + "\"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}";
    }
}
