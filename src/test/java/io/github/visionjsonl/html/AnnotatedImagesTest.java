package io.github.visionjsonl.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedImagesTest {

    private static BufferedImage white(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static DetectionRecord boxAt(double x0, double y0, double x1, double y1, boolean crowd) {
        return new DetectionRecord("a.jpg", ImageDetails.NONE, List.of(new BoundingBox("can", x0, y0, x1, y1, crowd)));
    }

    @Test
    void aBoxIsDrawnOnItsEdgesInItsClassColourAndNotInside() {
        // box from (100, 50) to (300, 150) in a 400 x 200 image
        BufferedImage drawn = AnnotatedImages.draw(white(400, 200), boxAt(0.25, 0.25, 0.75, 0.75, false),
                List.of("can"), false);
        int colour = AnnotatedImages.colour("can", List.of("can")).getRGB() & 0xffffff;
        assertThat(drawn.getRGB(100, 100) & 0xffffff).as("left edge").isEqualTo(colour);
        assertThat(drawn.getRGB(300, 100) & 0xffffff).as("right edge").isEqualTo(colour);
        assertThat(drawn.getRGB(200, 150) & 0xffffff).as("bottom edge").isEqualTo(colour);
        assertThat(drawn.getRGB(200, 100) & 0xffffff).as("inside").isEqualTo(0xffffff);
        assertThat(drawn.getRGB(20, 180) & 0xffffff).as("outside").isEqualTo(0xffffff);
    }

    @Test
    void aCrowdBoxIsDashed() {
        BufferedImage drawn = AnnotatedImages.draw(white(400, 200), boxAt(0.25, 0.25, 0.75, 0.75, true),
                List.of("can"), false);
        int painted = 0;
        int blank = 0;
        for (int y = 60; y < 145; y++) {
            if ((drawn.getRGB(100, y) & 0xffffff) == 0xffffff) {
                blank++;
            } else {
                painted++;
            }
        }
        assertThat(painted).as("dashes").isPositive();
        assertThat(blank).as("gaps").isPositive();
    }

    @Test
    void eachClassHasItsOwnColour() {
        List<String> classes = List.of("a", "b", "c");
        assertThat(AnnotatedImages.colour("a", classes)).isNotEqualTo(AnnotatedImages.colour("b", classes));
        assertThat(AnnotatedImages.colour("unlisted", classes)).isEqualTo(AnnotatedImages.colour("unlisted", classes));
    }
}
