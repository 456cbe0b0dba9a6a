package io.github.visionjsonl.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRenderingTest {

    @TempDir
    Path dir;

    @Test
    void chosenLinesAreDrawnFullSizeAndMissingImagesSaySo() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 6, null);
        Path out = dir.resolve("drawn");
        List<ImageRendering.Rendered> drawn = ImageRendering.render(DatasetValidator.create(), file,
                ImageOptions.under(root), line -> line >= 2 && line <= 4, out);

        assertThat(drawn).extracting(ImageRendering.Rendered::line).containsExactly(2L, 3L, 4L);
        assertThat(drawn.get(0).file()).isEqualTo(out.resolve("2-002.png"));
        BufferedImage image = ImageIO.read(drawn.get(0).file().toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(drawn.get(2).file()).isNull();
        assertThat(drawn.get(2).problem()).contains("004.jpg");
    }

    @Test
    void anExistingPictureIsNotReplaced() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 2, null);
        Path out = Files.createDirectories(dir.resolve("drawn"));
        Files.writeString(out.resolve("1-001.png"), "mine");
        List<ImageRendering.Rendered> drawn = ImageRendering.render(DatasetValidator.create(), file,
                ImageOptions.under(root), line -> line == 1, out);
        assertThat(drawn.get(0).file()).isNull();
        assertThat(drawn.get(0).problem()).contains("1-001.png");
        assertThat(Files.readString(out.resolve("1-001.png"))).isEqualTo("mine");
    }
}
