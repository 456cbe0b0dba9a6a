package io.github.visionjsonl.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.internal.content.Pictures;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ImageContentStatistics;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBuffer;
import java.awt.image.Kernel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image-content rules end to end ({@code --image-content}), on generated images: each rule
 * fires on its case and not on a photograph-like image; odd files give findings, never an exception.
 */
class ImageContentTest {

    private static final Set<RuleCode> CONTENT_RULES = Set.of(RuleCode.DUPLICATE_IMAGE_CONTENT,
            RuleCode.NEAR_DUPLICATE_IMAGE, RuleCode.TRAIN_VALIDATION_NEAR_LEAK, RuleCode.IMAGE_BLANK, RuleCode.IMAGE_DARK,
            RuleCode.IMAGE_BRIGHT, RuleCode.IMAGE_LOW_CONTRAST, RuleCode.IMAGE_BLURRY, RuleCode.IMAGE_GRAYSCALE,
            RuleCode.IMAGE_ODD_ASPECT);

    @TempDir
    Path root;

    private final List<String> lines = new ArrayList<>();

    /** Writes an image file and a classification line naming it. */
    private void image(String name, byte[] bytes) throws IOException {
        Files.write(root.resolve(name), bytes);
        lines.add("{\"image_url\": \"AmlDatastore://ws/" + name + "\", \"label\": \"" + (lines.size() % 2 == 0 ? "a" : "b")
                + "\"}");
    }

    private Path jsonl(String name) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, lines);
        lines.clear();
        return file;
    }

    private ValidationReport validate(Path file) throws IOException {
        return DatasetValidator.builder().images(ImageOptions.under(root).withContent(true).withThreads(2)).build()
                .validate(file);
    }

    private static List<String> contentFindings(ValidationReport report) {
        return report.findings().stream().filter(f -> CONTENT_RULES.contains(f.rule()))
                .map(f -> f.line() + " " + f.code()).toList();
    }

    private static BufferedImage scene(long seed) {
        return Pictures.scene(seed, 320, 240);
    }

    @Test
    void everyImageContentRuleIsCoveredHere() {
        assertThat(Arrays.stream(RuleCode.values()).filter(RuleCode::isImageContentRule))
                .containsExactlyInAnyOrderElementsOf(CONTENT_RULES);
    }

    @Test
    void photographLikeImagesFireNothing() throws IOException {
        for (int i = 0; i < 12; i++) {
            image(i + ".jpg", Pictures.jpeg(scene(i), 0.9f));
        }
        ValidationReport report = validate(jsonl("clean.jsonl"));
        assertThat(contentFindings(report)).isEmpty();
        ImageContentStatistics c = report.statistics().imageContent();
        assertThat(c.images()).isEqualTo(12);
        assertThat(c.decoded()).isEqualTo(12);
        assertThat(c.brightness().count()).isEqualTo(12);
    }

    @Test
    void theSameBytesUnderTwoNamesAndAResizedCopy() throws IOException {
        byte[] photo = Pictures.jpeg(scene(1), 0.9f);
        image("a.jpg", photo);
        image("b.jpg", Pictures.jpeg(scene(2), 0.9f));
        image("copy of a.jpg", photo);
        image("small a.jpg", Pictures.jpeg(Pictures.resized(scene(1), 0.5), 0.6f));
        image("a.jpg", photo); // the same URL again: duplicate-image-url's, not content's
        ValidationReport report = validate(jsonl("dups.jsonl"));
        assertThat(contentFindings(report)).containsExactly("3 duplicate-image-content", "4 near-duplicate-image");
        Finding dup = report.findings(RuleCode.DUPLICATE_IMAGE_CONTENT).get(0);
        assertThat(dup.message()).contains("line 1");
        assertThat(report.findings(RuleCode.DUPLICATE_IMAGE_URL)).extracting(Finding::line).containsExactly(5L);
        ImageContentStatistics c = report.statistics().imageContent();
        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(c.duplicateGroups()).isEqualTo(1);
        assertThat(c.firstGroups()).containsExactly(List.of(1L, 3L));
        assertThat(c.nearDuplicates()).isEqualTo(1);
    }

    @Test
    void aValidationImageThatIsATrainingImageOrACopyOfOne() throws IOException {
        for (int i = 0; i < 4; i++) {
            image("t" + i + ".jpg", Pictures.jpeg(scene(10 + i), 0.9f));
        }
        Path train = jsonl("train.jsonl");
        image("v0.jpg", Files.readAllBytes(root.resolve("t1.jpg")));
        image("v1.jpg", Pictures.jpeg(Pictures.resized(Pictures.brighter(scene(12), 15), 0.75), 0.6f));
        image("v2.jpg", Pictures.jpeg(scene(99), 0.9f));
        image("v3.jpg", Pictures.jpeg(scene(98), 0.9f));
        Path validation = jsonl("validation.jsonl");
        PairReport pair = DatasetValidator.builder().images(ImageOptions.under(root).withContent(true)).build()
                .validatePair(train, validation);
        assertThat(contentFindings(pair.training())).isEmpty();
        assertThat(pair.validation().findings(RuleCode.TRAIN_VALIDATION_LEAK)).extracting(Finding::line)
                .containsExactly(1L);
        assertThat(pair.validation().findings(RuleCode.TRAIN_VALIDATION_LEAK).get(0).message()).contains("training line 2");
        assertThat(contentFindings(pair.validation())).containsExactly("2 train-validation-near-leak");
    }

    @Test
    void imagesNotFitToTrainOn() throws IOException {
        for (int i = 0; i < 10; i++) {
            image("ok" + i + ".jpg", Pictures.jpeg(scene(i), 0.9f));
        }
        image("black.png", Pictures.png(solid(Color.BLACK, 320, 240)));
        image("dark.jpg", Pictures.jpeg(Pictures.brighter(scene(20), -150), 0.9f));
        image("bright.jpg", Pictures.jpeg(Pictures.brighter(scene(21), 150), 0.9f));
        image("flat.jpg", Pictures.jpeg(lowContrast(scene(22)), 0.9f));
        image("blurred.jpg", Pictures.jpeg(blurred(scene(23)), 0.9f));
        image("grey.png", Pictures.png(grey(scene(24))));
        image("strip.jpg", Pictures.jpeg(Pictures.scene(25, 1200, 200), 0.9f));
        ValidationReport report = validate(jsonl("unfit.jsonl"));
        assertThat(contentFindings(report)).containsExactlyInAnyOrder("11 image-blank", "12 image-dark",
                "13 image-bright", "14 image-low-contrast", "15 image-blurry", "16 image-grayscale", "17 image-odd-aspect");
    }

    @Test
    void aGreyDatasetIsNotAtFault() throws IOException {
        for (int i = 0; i < 6; i++) {
            image(i + ".png", Pictures.png(grey(scene(i))));
        }
        assertThat(contentFindings(validate(jsonl("grey.jsonl")))).isEmpty();
    }

    @Test
    void oddFilesGiveFindingsNeverAnException() throws IOException {
        image("ok.jpg", Pictures.jpeg(scene(1), 0.9f));
        image("bomb.png", pngClaiming(100_000, 100_000));
        image("cmyk.jpg", cmykJpeg());
        image("deep.png", Pictures.png(sixteenBit()));
        image("palette.png", Pictures.png(palette(scene(3))));
        image("cut.jpg", Arrays.copyOf(Pictures.jpeg(scene(4), 0.9f), 900));
        ValidationReport report = validate(jsonl("odd.jsonl"));
        List<String> unreadable = report.findings(RuleCode.IMAGE_UNREADABLE).stream().map(f -> f.line() + " " + f.message())
                .collect(Collectors.toList());
        assertThat(unreadable).anySatisfy(m -> assertThat(m).startsWith("2 ").contains("100000 x 100000"));
        // a CMYK JPEG decodes where the JDK reads it, else it is an image-unreadable finding
        assertThat(report.findings()).filteredOn(f -> f.line() == 3).allMatch(f -> f.rule() == RuleCode.IMAGE_UNREADABLE);
        assertThat(report.findings()).noneMatch(f -> f.line() == 4 || f.line() == 5);
        assertThat(report.findings(RuleCode.IMAGE_TRUNCATED)).extracting(Finding::line).containsExactly(6L);
        assertThat(report.statistics().imageContent().decoded()).isBetween(3L, 4L);
    }

    @Test
    void thresholdsAreTheUsers() throws IOException {
        image("a.jpg", Pictures.jpeg(scene(1), 0.9f));
        Path file = jsonl("one.jsonl");
        ImageContentOptions strict = ImageContentOptions.DEFAULTS.with("bright", 254).with("dark", 250);
        ValidationReport report = DatasetValidator.builder().images(ImageOptions.under(root).withContent(strict)).build()
                .validate(file);
        assertThat(contentFindings(report)).containsExactly("1 image-dark");
        assertThat(report.findings(RuleCode.IMAGE_DARK).get(0).message()).contains("threshold 250");
    }

    @Test
    void theVerdictDoesNotDependOnThePool() throws IOException {
        byte[] photo = Pictures.jpeg(scene(1), 0.9f);
        for (int i = 0; i < 60; i++) {
            image(String.format(Locale.ROOT, "%02d.jpg", i), i % 7 == 3 ? photo : Pictures.jpeg(scene(i % 5 == 0 ? 1 : i), 0.7f));
        }
        Path file = jsonl("many.jsonl");
        ValidationReport first = validate(file);
        assertThat(contentFindings(first)).isNotEmpty();
        for (int run = 0; run < 4; run++) {
            assertThat(validate(file).findings()).isEqualTo(first.findings());
        }
        ValidationReport oneByOne = DatasetValidator.builder().images(ImageOptions.under(root).withContent(true)).build()
                .validateLines(file, l -> { });
        // Line by line, the images are checked inline: the same findings (their line hashes differ,
        // the line's bytes being at hand there).
        assertThat(oneByOne.findings()).extracting(f -> f.format("f")).isEqualTo(first.findings().stream()
                .map(f -> f.format("f")).toList());
    }

    static BufferedImage solid(Color c, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    static BufferedImage lowContrast(BufferedImage image) {
        BufferedImage out = Pictures.copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = 128 + (((p >> 16) & 0xff) - 128) / 10;
                int g = 128 + (((p >> 8) & 0xff) - 128) / 10;
                int b = 128 + ((p & 0xff) - 128) / 10;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static BufferedImage blurred(BufferedImage image) {
        int k = 9;
        float[] weights = new float[k * k];
        Arrays.fill(weights, 1f / (k * k));
        BufferedImage once = new ConvolveOp(new Kernel(k, k, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        return new ConvolveOp(new Kernel(k, k, weights), ConvolveOp.EDGE_NO_OP, null).filter(once, null);
    }

    static BufferedImage grey(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage palette(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage sixteenBit() {
        BufferedImage out = new BufferedImage(320, 240, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = out.getRaster();
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                r.setSample(x, y, 0, (x * 200 + y * 97 + ((x * 31) ^ (y * 17)) * 40) & 0xffff);
            }
        }
        return out;
    }

    /** A JPEG of four channels (CMYK), which ImageIO writes but does not read back. */
    private static byte[] cmykJpeg() throws IOException {
        WritableRaster raster = Raster.createBandedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                for (int b = 0; b < 4; b++) {
                    raster.setSample(x, y, b, (x * 4 + y * 2 + b * 50) & 0xff);
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A small PNG whose header claims a huge size: a decompression bomb. */
    private static byte[] pngClaiming(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return b.array();
    }
}
