package io.github.visionjsonl.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.internal.ImageHeader;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in image checks, on real image files written by the test. */
class ImageChecksTest {

    @TempDir
    Path tmp;
    Path root;
    DatasetValidator validator;

    @BeforeEach
    void images() throws IOException {
        root = tmp.resolve("store");
        ImageFiles.write(root.resolve("img/a.jpg"), ImageFiles.encode("jpeg", 64, 48));
        ImageFiles.write(root.resolve("img/b.png"), ImageFiles.encode("png", 40, 30));
        ImageFiles.write(root.resolve("img/c.bmp"), ImageFiles.encode("bmp", 33, 21));
        ImageFiles.write(root.resolve("img/d.tiff"), ImageFiles.encode("tiff", 50, 20));
        ImageFiles.write(root.resolve("img/e.gif"), ImageFiles.encode("gif", 12, 34));
        ImageFiles.write(root.resolve("img/rotated.jpg"), ImageFiles.jpegWithOrientation(64, 48, 6));
        ImageFiles.write(root.resolve("img/upright.jpg"), ImageFiles.jpegWithOrientation(64, 48, 1));
        ImageFiles.write(root.resolve("img/cut.jpg"), ImageFiles.truncate(ImageFiles.encode("jpeg", 64, 48), 0.7));
        ImageFiles.write(root.resolve("img/cut.png"), ImageFiles.truncate(ImageFiles.encode("png", 64, 48), 0.8));
        ImageFiles.write(root.resolve("img/cut.bmp"), ImageFiles.truncate(ImageFiles.encode("bmp", 64, 48), 0.5));
        ImageFiles.write(root.resolve("img/png.jpg"), ImageFiles.encode("png", 64, 48));
        ImageFiles.write(root.resolve("img/tiny.png"), ImageFiles.encode("png", 9, 40));
        ImageFiles.write(root.resolve("img/text.jpg"), "hello".getBytes(StandardCharsets.US_ASCII));
        ImageFiles.write(tmp.resolve("secret/outside.jpg"), ImageFiles.encode("jpeg", 64, 48));
        Files.createSymbolicLink(root.resolve("img/link.jpg"), tmp.resolve("secret/outside.jpg"));
        Files.createSymbolicLink(root.resolve("img/inside-link.jpg"), root.resolve("img/a.jpg"));
        validator = DatasetValidator.builder().images(ImageOptions.under(root).withThreads(2)).build();
    }

    private static String line(String url, String details) {
        return "{\"image_url\": \"" + url + "\"" + (details == null ? "" : ", \"image_details\": " + details)
                + ", \"label\": [{\"label\": \"can\", \"topX\": 0.2, \"topY\": 0.2, \"bottomX\": 0.8, \"bottomY\": 0.8}]}";
    }

    private ValidationReport validate(DatasetValidator v, String... lines) throws IOException {
        String content = String.join("\n", lines) + "\n";
        return v.validate(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "images.jsonl");
    }

    /** The rules fired by a line of the given image after a clean one (so the file is never empty of valid records). */
    private List<RuleCode> rules(String url, String details) throws IOException {
        return validate(validator, line("AmlDatastore://ws/img/a.jpg", null), line(url, details)).findings().stream()
                .map(Finding::rule).toList();
    }

    @Test
    void headersGiveFormatAndSizeWithoutDecoding() throws IOException {
        assertThat(ImageHeader.read(root.resolve("img/a.jpg"))).satisfies(i -> {
            assertThat(i.format()).isEqualTo("jpeg");
            assertThat(i.width()).isEqualTo(64);
            assertThat(i.height()).isEqualTo(48);
            assertThat(i.truncated()).isFalse();
        });
        assertThat(ImageHeader.read(root.resolve("img/b.png"))).extracting("format", "width", "height").containsExactly("png", 40, 30);
        assertThat(ImageHeader.read(root.resolve("img/c.bmp"))).extracting("format", "width", "height").containsExactly("bmp", 33, 21);
        assertThat(ImageHeader.read(root.resolve("img/d.tiff"))).extracting("format", "width", "height").containsExactly("tiff", 50, 20);
        assertThat(ImageHeader.read(root.resolve("img/e.gif"))).extracting("format", "width", "height").containsExactly("gif", 12, 34);
        assertThat(ImageHeader.read(root.resolve("img/rotated.jpg")).orientation()).isEqualTo(6);
        assertThat(ImageHeader.read(root.resolve("img/d.tiff")).truncated()).isFalse();
        assertThat(ImageHeader.read(root.resolve("img/text.jpg"))).isNull();
    }

    @Test
    void cleanImagesInEveryFormatAndUrlFormHaveNoFinding() throws IOException {
        ValidationReport r = validate(validator,
                line("AmlDatastore://ws/img/a.jpg", "{\"format\": \"jpg\", \"width\": 64, \"height\": 48}"),
                line("azureml://datastores/ws/paths/img/b.png", "{\"format\": \"png\", \"width\": \"40px\", \"height\": \"30px\"}"),
                line("azureml://subscriptions/s/resourcegroups/g/workspaces/w/datastores/ws/paths/img/c.bmp", null),
                line("img/d.tiff", "{\"format\": \"tif\"}"),
                line("AmlDatastore://ws/img/upright.jpg", null),
                line("AmlDatastore://ws/img/inside-link.jpg", null),
                line("https://example.com/not-local.jpg", null));
        assertThat(r.findings()).extracting(Finding::rule).containsOnly(RuleCode.IMAGE_URL_NOT_DATASTORE);
        assertThat(r.validRecords()).isEqualTo(7);
    }

    @Test
    void missingAndEscapingPathsAreErrors() throws IOException {
        assertThat(rules("AmlDatastore://ws/img/none.jpg", null)).containsExactly(RuleCode.IMAGE_MISSING);
        assertThat(rules("AmlDatastore://ws/img/../../secret/outside.jpg", null)).containsExactly(RuleCode.IMAGE_PATH_ESCAPE);
        assertThat(rules("img/../../secret/outside.jpg", null)).contains(RuleCode.IMAGE_PATH_ESCAPE);
        assertThat(rules("/etc/hostname.jpg", null)).contains(RuleCode.IMAGE_PATH_ESCAPE);
        ValidationReport link = validate(validator, line("AmlDatastore://ws/img/a.jpg", null),
                line("AmlDatastore://ws/img/link.jpg", null));
        assertThat(link.findings()).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_PATH_ESCAPE);
        assertThat(link.findings().get(0).message()).contains("symbolic link");
        assertThat(link.validRecords()).isEqualTo(1);
        assertThat(link.isValid()).isFalse();
    }

    @Test
    void fileContentsAreJudgedByTheirBytes() throws IOException {
        assertThat(rules("AmlDatastore://ws/img/text.jpg", null)).containsExactly(RuleCode.IMAGE_UNREADABLE);
        assertThat(rules("AmlDatastore://ws/img/cut.jpg", null)).containsExactly(RuleCode.IMAGE_TRUNCATED);
        assertThat(rules("AmlDatastore://ws/img/cut.png", null)).containsExactly(RuleCode.IMAGE_TRUNCATED);
        assertThat(rules("AmlDatastore://ws/img/cut.bmp", null)).containsExactly(RuleCode.IMAGE_TRUNCATED);
        ValidationReport png = validate(validator, line("AmlDatastore://ws/img/png.jpg", "{\"format\": \"jpeg\"}"));
        assertThat(png.findings()).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_FORMAT_MISMATCH);
        assertThat(png.findings().get(0).message()).contains("PNG", "its name says .jpg", "image_details says jpeg");
    }

    @Test
    void sizesOrientationAndSmallImages() throws IOException {
        ValidationReport size = validate(validator, line("AmlDatastore://ws/img/a.jpg", "{\"width\": 640, \"height\": 480}"));
        assertThat(size.findings()).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_SIZE_MISMATCH);
        assertThat(size.findings().get(0).message()).contains("64x48", "640x480");
        ValidationReport rotated = validate(validator, line("AmlDatastore://ws/img/rotated.jpg", "{\"width\": 48, \"height\": 64}"));
        assertThat(rotated.findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder(RuleCode.IMAGE_EXIF_ROTATED, RuleCode.IMAGE_SIZE_MISMATCH);
        assertThat(rotated.findings(RuleCode.IMAGE_SIZE_MISMATCH).get(0).message()).contains("EXIF rotation");
        assertThat(rules("AmlDatastore://ws/img/tiny.png", null)).containsExactly(RuleCode.IMAGE_TOO_SMALL);
        // A real GIF named .gif is no mismatch; that GIF is not an accepted format is the line's rule.
        assertThat(rules("AmlDatastore://ws/img/e.gif", null)).containsExactly(RuleCode.IMAGE_EXTENSION);
    }

    @Test
    void tinyBoxUsesTheRealSizeWhenTheLineHasNone() throws IOException {
        String line = "{\"image_url\": \"AmlDatastore://ws/img/a.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.5, "
                + "\"topY\": 0.2, \"bottomX\": 0.51, \"bottomY\": 0.8}]}";
        ValidationReport r = validate(validator, line);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.TINY_BOX);
        assertThat(r.findings().get(0).message()).contains("0.64 x 28.80 pixels in a 64x48 image");
    }

    @Test
    void datastoresCanHaveTheirOwnRoots() throws IOException {
        Path other = tmp.resolve("other");
        ImageFiles.write(other.resolve("x/only-here.png"), ImageFiles.encode("png", 20, 20));
        DatasetValidator v = DatasetValidator.builder()
                .images(ImageOptions.under(root).withDatastoreRoot("Second", other)).build();
        assertThat(validate(v, line("AmlDatastore://second/x/only-here.png", null)).findings()).isEmpty();
        assertThat(validate(v, line("AmlDatastore://first/img/a.jpg", null), line("AmlDatastore://first/x/only-here.png", null))
                .findings()).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_MISSING);
    }

    @Test
    void decodeFindsWhatHeadersCannot() throws IOException {
        byte[] jpeg = ImageFiles.encode("jpeg", 64, 48);
        byte[] broken = Arrays.copyOf(jpeg, jpeg.length);
        // A Huffman table whose code counts add up to more than a table can hold: the header
        // (sizes, markers, end marker) is intact, only decoding finds it.
        int dht = 2;
        while (!((broken[dht] & 0xFF) == 0xFF && (broken[dht + 1] & 0xFF) == 0xC4)) {
            dht++;
        }
        for (int i = dht + 5; i < dht + 5 + 16; i++) {
            broken[i] = (byte) 0xFF;
        }
        ImageFiles.write(root.resolve("img/garbled.jpg"), broken);
        ValidationReport headersOnly = validate(validator, line("AmlDatastore://ws/img/garbled.jpg", null));
        DatasetValidator decoding = DatasetValidator.builder().images(ImageOptions.under(root).withDecode(true)).build();
        ValidationReport decoded = validate(decoding, line("AmlDatastore://ws/img/garbled.jpg", null),
                line("AmlDatastore://ws/img/a.jpg", null));
        assertThat(decoded.findings(RuleCode.IMAGE_UNREADABLE)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.line()).isEqualTo(1));
        assertThat(headersOnly.findings(RuleCode.IMAGE_UNREADABLE)).isEmpty();
    }

    @Test
    void manyImagesOnABoundedPoolGiveEveryFinding() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            b.append(line("AmlDatastore://ws/img/" + (i % 4 == 0 ? "cut.jpg" : "a.jpg"), null)).append('\n');
        }
        ValidationReport r = validator.validate(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), "many");
        assertThat(r.findings(RuleCode.IMAGE_TRUNCATED)).hasSize(100);
        assertThat(r.findings(RuleCode.IMAGE_TRUNCATED)).extracting(Finding::line).isSorted();
        assertThat(r.validRecords()).isEqualTo(300);
        assertThat(r.findings(RuleCode.IMAGE_TRUNCATED).get(0).column()).isEqualTo(15);
    }

    @Test
    void iterationChecksEachImageBeforeYieldingItsRecord() throws IOException {
        String content = line("AmlDatastore://ws/img/a.jpg", null) + "\n" + line("AmlDatastore://ws/img/none.jpg", null) + "\n";
        try (RecordReader<ImageRecord> reader = validator.records(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "s", ImageRecord.class)) {
            assertThat(reader.stream().map(r -> r.line()).toList()).containsExactly(1L);
            assertThat(reader.report().errors()).isEqualTo(1);
        }
        ValidatedLine one = validator.validateLine(line("AmlDatastore://ws/img/none.jpg", null));
        assertThat(one.isValid()).isFalse();
        assertThat(one.findings()).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_MISSING);
    }

    @Test
    void everyImageRuleIsCoveredHere() {
        // Each image rule fires above, and the clean images test shows none fires without cause.
        assertThat(Arrays.stream(RuleCode.values()).filter(r -> r.isImageRule() && !r.isImageContentRule())).containsExactlyInAnyOrder(
                RuleCode.IMAGE_MISSING, RuleCode.IMAGE_PATH_ESCAPE, RuleCode.IMAGE_UNREADABLE, RuleCode.IMAGE_TRUNCATED,
                RuleCode.IMAGE_FORMAT_MISMATCH, RuleCode.IMAGE_SIZE_MISMATCH, RuleCode.IMAGE_EXIF_ROTATED,
                RuleCode.IMAGE_TOO_SMALL);
    }
}
