package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.images.ImageFiles;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converters in and out: exact formulas, findings for what they change or leave out, never over input. */
class ConvertersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String COCO = """
            {"images": [
              {"id": 1, "file_name": "kitchen/a.jpg", "width": 640, "height": 480},
              {"id": 2, "file_name": "b.png", "width": 499, "height": 666},
              {"id": 3, "file_name": "empty.jpg", "width": 100, "height": 100}],
             "annotations": [
              {"id": 10, "image_id": 1, "category_id": 1, "bbox": [64, 48, 320, 240], "iscrowd": 0,
               "segmentation": [[64, 48, 384, 48, 384, 288, 64, 288]]},
              {"id": 11, "image_id": 1, "category_id": 2, "bbox": [600, 400, 80, 100], "iscrowd": 1,
               "segmentation": [[600, 400, 640, 400, 639.5, 479, 601, 470]]},
              {"id": 12, "image_id": 2, "category_id": 2, "bbox": [10.5, 20.25, 100, 200], "iscrowd": 0,
               "segmentation": [[10.5, 20.25, 110.5, 20.25, 110.5, 220.25], [30, 40, 50, 40, 50, 60]]},
              {"id": 13, "image_id": 2, "category_id": 1, "bbox": [1, 1, 10, 10], "iscrowd": 1,
               "segmentation": {"size": [666, 499], "counts": "abc"}},
              {"id": 14, "image_id": 2, "category_id": 9, "bbox": [1, 1, 10, 10]}],
             "categories": [{"id": 1, "name": "can"}, {"id": 2, "name": "carton"}]}
            """;

    private Path coco() throws Exception {
        return Files.writeString(dir.resolve("instances.json"), COCO);
    }

    private List<JsonNode> lines(Path jsonl) throws Exception {
        return Files.readAllLines(jsonl).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void cocoDetectionUsesEachImagesSize() throws Exception {
        Path out = dir.resolve("det.jsonl");
        ConversionResult r = new CocoToJsonl(Task.IMAGE_OBJECT_DETECTION, "AmlDatastore://ws/fridge/").convert(coco(), out);
        List<JsonNode> lines = lines(out);
        assertThat(r.records()).isEqualTo(3);
        assertThat(lines.get(0).get("image_url").asText()).isEqualTo("AmlDatastore://ws/fridge/kitchen/a.jpg");
        assertThat(lines.get(0).get("image_details").toString()).isEqualTo("{\"format\":\"jpg\",\"width\":640,\"height\":480}");
        JsonNode box = lines.get(0).get("label").get(0);
        assertThat(box.get("topX").asDouble()).isEqualTo(64.0 / 640);
        assertThat(box.get("topY").asDouble()).isEqualTo(48.0 / 480);
        assertThat(box.get("bottomX").asDouble()).isEqualTo(384.0 / 640);
        assertThat(box.get("bottomY").asDouble()).isEqualTo(288.0 / 480);
        assertThat(lines.get(0).get("label").get(1).get("isCrowd").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("label").get(1).get("bottomX").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(1).get("label").get(0).get("topX").asDouble()).isEqualTo(10.5 / 499);
        assertThat(lines.get(2).get("label")).isEmpty();
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(
                RuleCode.CONVERT_CLAMPED, RuleCode.CONVERT_CLAMPED, RuleCode.CONVERT_SKIPPED);
        assertThat(r.findings().get(0).pointer()).isEqualTo("/annotations/1/bbox/2");
        assertThat(r.findings().get(0).message()).contains("bottomX was 1.06250", "640x480", "clamped to 1");
        assertThat(r.findings().get(2).message()).contains("category 9");
        assertThat(r.validation().errors()).isZero();
    }

    @Test
    void cocoPolygonsAreExactlyXOverWidthAndYOverHeight() throws Exception {
        Path out = dir.resolve("seg.jsonl");
        ConversionResult r = new CocoToJsonl(Task.IMAGE_INSTANCE_SEGMENTATION, "").convert(coco(), out);
        JsonNode polygon = lines(out).get(1).get("label").get(0).get("polygon");
        double[] pixels = {10.5, 20.25, 110.5, 20.25, 110.5, 220.25};
        for (int k = 0; k < pixels.length; k++) {
            assertThat(polygon.get(0).get(k).isNumber()).isTrue();
            assertThat(polygon.get(0).get(k).asDouble()).isEqualTo(pixels[k] / (k % 2 == 0 ? 499 : 666));
        }
        assertThat(polygon).hasSize(2);
        // annotation 13's counts "abc" are no RLE of a 499 x 666 mask: left out, and said so
        assertThat(r.findings()).extracting(Finding::rule).contains(RuleCode.CONVERT_SKIPPED);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains("annotation 13 left out"));
    }

    @Test
    void roundTripKeepsEveryBoxWithinAPixelAndEveryCategory() throws Exception {
        Path jsonl = dir.resolve("rt.jsonl");
        new CocoToJsonl(Task.IMAGE_OBJECT_DETECTION, "AmlDatastore://ws/").convert(coco(), jsonl);
        Path back = dir.resolve("back.json");
        ConversionResult r = new JsonlToCoco(DatasetValidator.create()).convert(jsonl, back);
        JsonNode coco = JSON.readTree(back.toFile());
        JsonNode original = JSON.readTree(COCO);
        assertThat(r.records()).isEqualTo(3);
        assertThat(coco.get("categories").toString()).isEqualTo("[{\"id\":1,\"name\":\"can\"},{\"id\":2,\"name\":\"carton\"}]");
        assertThat(coco.get("images").get(0).get("file_name").asText()).isEqualTo("kitchen/a.jpg");
        // the three converted boxes (ids 10, 11 and 12; 11 was clamped at the image edge by 40 px)
        double[][] expected = {{64, 48, 320, 240}, {600, 400, 40, 80}, {10.5, 20.25, 100, 200}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode bbox = coco.get("annotations").get(i).get("bbox");
            for (int k = 0; k < 4; k++) {
                assertThat(bbox.get(k).asDouble()).isCloseTo(expected[i][k], within(1.0));
            }
        }
        assertThat(original.get("categories")).hasSize(coco.get("categories").size());
    }

    @Test
    void jsonlToCocoTakesSizesFromTheImagesWhenTheLineHasNone() throws Exception {
        ImageFiles.write(dir.resolve("store/img/a.png"), ImageFiles.encode("png", 40, 20));
        Path jsonl = Files.writeString(dir.resolve("nosize.jsonl"),
                "{\"image_url\": \"AmlDatastore://ws/img/a.png\", \"label\": [{\"label\": \"can\", \"topX\": 0.25, "
                        + "\"topY\": 0.5, \"bottomX\": 0.75, \"bottomY\": 1.0}]}\n"
                        + "{\"image_url\": \"AmlDatastore://ws/img/none.png\", \"label\": [{\"label\": \"can\", \"topX\": 0.25, "
                        + "\"topY\": 0.5, \"bottomX\": 0.75, \"bottomY\": 1.0}]}\n");
        Path out = dir.resolve("nosize.json");
        ConversionResult r = new JsonlToCoco(DatasetValidator.create(), dir.resolve("store")).convert(jsonl, out);
        JsonNode coco = JSON.readTree(out.toFile());
        assertThat(coco.get("images").get(0).get("width").asInt()).isEqualTo(40);
        assertThat(coco.get("annotations").get(0).get("bbox").toString()).isEqualTo("[10.0,10.0,20.0,10.0]");
        assertThat(r.records()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::rule).contains(RuleCode.CONVERT_SKIPPED);
    }

    @Test
    void vocWithFloatsAndEmptyTags() throws Exception {
        Path voc = dir.resolve("VOC/Annotations");
        Files.createDirectories(voc);
        Files.writeString(voc.resolve("a.xml"), """
                <annotation><folder></folder><filename>a.jpg</filename>
                  <size><width>500</width><height>400</height><depth>3</depth></size>
                  <object><name>can</name><pose></pose><truncated>0</truncated><difficult>1</difficult>
                    <bndbox><xmin>50.5</xmin><ymin>40</ymin><xmax>250.25</xmax><ymax>440</ymax></bndbox></object>
                  <object><name></name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>
                </annotation>""");
        Path out = dir.resolve("voc.jsonl");
        ConversionResult r = new VocToJsonl("AmlDatastore://ws/voc/", VocToJsonl.Difficult.CROWD).convert(dir.resolve("VOC"), out);
        JsonNode box = lines(out).get(0).get("label").get(0);
        assertThat(box.get("topX").asDouble()).isEqualTo(50.5 / 500);
        assertThat(box.get("bottomX").asDouble()).isEqualTo(250.25 / 500);
        assertThat(box.get("bottomY").asDouble()).isEqualTo(1.0);
        assertThat(box.get("isCrowd").asInt()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_CLAMPED, RuleCode.CONVERT_SKIPPED);
        Path kept = dir.resolve("keep.jsonl");
        new VocToJsonl("", VocToJsonl.Difficult.KEEP).convert(dir.resolve("VOC"), kept);
        assertThat(lines(kept).get(0).get("label").get(0).get("isCrowd").asInt()).isZero();
    }

    @Test
    void vocRefusesExternalEntities() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path voc = dir.resolve("evil");
        Files.createDirectories(voc);
        Files.writeString(voc.resolve("x.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file://"
                + secret.toAbsolutePath() + "\">]>\n<annotation><filename>&xxe;</filename><size><width>10</width>"
                + "<height>10</height></size></annotation>");
        Path out = dir.resolve("evil.jsonl");
        ConversionResult r = new VocToJsonl("", VocToJsonl.Difficult.KEEP).convert(voc, out);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_INPUT);
        assertThat(r.findings().get(0).message()).contains("DOCTYPE");
        assertThat(Files.readString(out)).doesNotContain("TOP-SECRET");
        assertThat(r.records()).isZero();
    }

    @Test
    void yoloDetectionAndSegmentation() throws Exception {
        Path yolo = dir.resolve("yolo");
        ImageFiles.write(yolo.resolve("images/a.jpg"), ImageFiles.encode("jpeg", 64, 48));
        Files.createDirectories(yolo.resolve("labels"));
        Files.writeString(yolo.resolve("labels/a.txt"), "0 0.5 0.5 0.2 0.4\n1 0.25 0.25 0.1 0.1\n\n");
        Files.writeString(yolo.resolve("labels/b.txt"), "1 0.1 0.1 0.3 0.1 0.2 0.4\n7 0.5 0.5 0.1 0.1\n");
        Path yaml = Files.writeString(yolo.resolve("data.yaml"), "path: .\nnames:\n  0: can\n  1: carton\nnc: 2\n");
        assertThat(YoloToJsonl.readNames(yaml)).containsExactly("can", "carton");
        assertThat(YoloToJsonl.readNames(Files.writeString(dir.resolve("d2.yaml"), "names: ['can', 'carton']\n")))
                .containsExactly("can", "carton");
        Path out = dir.resolve("yolo.jsonl");
        ConversionResult r = new YoloToJsonl(Task.IMAGE_OBJECT_DETECTION, "AmlDatastore://ws/", YoloToJsonl.readNames(yaml))
                .convert(yolo, out);
        List<JsonNode> lines = lines(out);
        assertThat(lines.get(0).get("image_details").toString()).isEqualTo("{\"format\":\"jpg\",\"width\":64,\"height\":48}");
        JsonNode box = lines.get(0).get("label").get(0);
        assertThat(box.get("topX").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(box.get("bottomY").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(lines.get(0).get("label")).hasSize(2);
        // b.txt has no image in images/: its URL is guessed, and said so
        assertThat(r.findings()).extracting(Finding::rule).containsOnly(RuleCode.CONVERT_SKIPPED, RuleCode.CONVERT_GUESSED);
        Path seg = dir.resolve("yolo-seg.jsonl");
        new YoloToJsonl(Task.IMAGE_INSTANCE_SEGMENTATION, "", List.of("can", "carton")).convert(yolo, seg);
        assertThat(lines(seg).get(1).get("label").get(0).get("polygon").get(0)).hasSize(6);
    }

    @Test
    void foldersAndCsv() throws Exception {
        Path root = dir.resolve("photos");
        ImageFiles.write(root.resolve("can/1.jpg"), ImageFiles.encode("jpeg", 8, 8));
        ImageFiles.write(root.resolve("carton/2.png"), ImageFiles.encode("png", 8, 8));
        Files.writeString(root.resolve("carton/notes.txt"), "x");
        Path out = dir.resolve("folders.jsonl");
        ConversionResult r = new FoldersToJsonl("AmlDatastore://ws/photos/").folders(root, out);
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"image_url\":\"AmlDatastore://ws/photos/can/1.jpg\",\"image_details\":{\"format\":\"jpg\"},\"label\":\"can\"}",
                "{\"image_url\":\"AmlDatastore://ws/photos/carton/2.png\",\"image_details\":{\"format\":\"png\"},\"label\":\"carton\"}");
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_SKIPPED);
        Path csv = Files.writeString(dir.resolve("labels.csv"), "file,labels\na.jpg,can;carton\nb.jpg, milk \nbroken\n");
        Path ml = dir.resolve("ml.jsonl");
        ConversionResult m = new FoldersToJsonl("AmlDatastore://ws/").csv(csv, ml);
        assertThat(lines(ml).get(0).get("label").toString()).isEqualTo("[\"can\",\"carton\"]");
        assertThat(lines(ml).get(1).get("label").toString()).isEqualTo("[\"milk\"]");
        assertThat(m.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_SKIPPED);
        assertThat(m.validation().task()).isEqualTo(Task.IMAGE_CLASSIFICATION_MULTILABEL);
    }

    @Test
    void writerIsDeterministicAtomicAndNeverOverwrites() throws Exception {
        DetectionRecord record = new DetectionRecord("AmlDatastore://ws/a.jpg", new ImageDetails("jpg", 640, 480),
                List.of(new BoundingBox("can", 0.1, 1.0 / 3, 0.5, 0.75, true)));
        Path out = dir.resolve("w.jsonl");
        try (JsonlWriter w = JsonlWriter.create(out)) {
            w.write(record);
            assertThat(out).doesNotExist();
            w.commit();
        }
        assertThat(Files.readString(out)).isEqualTo("{\"image_url\":\"AmlDatastore://ws/a.jpg\",\"image_details\":"
                + "{\"format\":\"jpg\",\"width\":640,\"height\":480},\"label\":[{\"label\":\"can\",\"topX\":0.1,"
                + "\"topY\":0.3333333333333333,\"bottomX\":0.5,\"bottomY\":0.75,\"isCrowd\":1}]}\n");
        assertThatThrownBy(() -> JsonlWriter.create(out)).isInstanceOf(FileAlreadyExistsException.class);
        Path aborted = dir.resolve("aborted.jsonl");
        try (JsonlWriter w = JsonlWriter.create(aborted)) {
            w.write(record);
        }
        assertThat(aborted).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void commandLineConverts() throws Exception {
        Path out = dir.resolve("cli.jsonl");
        String[] args = {"convert", "--from", "coco", "--base-url", "AmlDatastore://ws/", coco().toString(), "-o", out.toString()};
        StringWriter text = new StringWriter();
        int exit = VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(text), new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        assertThat(text.toString()).contains("instances.json#/annotations/1/bbox/2: warning[convert-clamped]", "3 records written",
                "image-object-detection, 3 lines");
        assertThat(VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isEqualTo(2);
        Path back = dir.resolve("cli.json");
        assertThat(VisionJsonl.run(new String[] {"convert", "--from", "jsonl", "--to", "coco", out.toString(), "-o", back.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        assertThat(back).exists();
        assertThat(VisionJsonl.run(new String[] {"convert", "--from", "coco", "--to", "coco", out.toString(), "-o", "x"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isEqualTo(2);
    }
}
