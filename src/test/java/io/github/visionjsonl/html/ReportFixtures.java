package io.github.visionjsonl.html;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small detection dataset with its images, made on the spot: photograph-like JPEGs (a
 * gradient with objects painted where the boxes are), valid lines, and lines that break rules.
 */
final class ReportFixtures {

    static final String[] CLASSES = {"can", "carton", "milk_bottle", "water_bottle"};

    private ReportFixtures() {
    }

    /** Writes {@code images} images under {@code root/fridge} and returns the JSONL file beside them. */
    static Path detection(Path root, int images, String extraClass) throws IOException {
        Path dir = Files.createDirectories(root.resolve("fridge"));
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= images; i++) {
            int w = 320;
            int h = 240;
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(200, 210, 225), w, h, new Color(90, 100, 120)));
            g.fillRect(0, 0, w, h);
            StringBuilder boxes = new StringBuilder();
            int count = 1 + random.nextInt(3);
            for (int b = 0; b < count; b++) {
                double x0 = 0.05 + random.nextDouble() * 0.5;
                double y0 = 0.05 + random.nextDouble() * 0.5;
                double x1 = x0 + 0.1 + random.nextDouble() * 0.35;
                double y1 = y0 + 0.1 + random.nextDouble() * 0.35;
                String label = extraClass != null && i == 2 && b == 0 ? extraClass : CLASSES[random.nextInt(CLASSES.length)];
                g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
                g.fillRoundRect((int) (x0 * w), (int) (y0 * h), (int) ((x1 - x0) * w), (int) ((y1 - y0) * h), 12, 12);
                if (i == 3 && b == 0) {
                    x1 = x1 * w; // a pixel coordinate that slipped in: coordinate-range
                }
                boxes.append(b == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"label\": \"%s\", \"topX\": %.4f, \"topY\": %.4f, \"bottomX\": %.4f, \"bottomY\": %.4f, \"isCrowd\": %d}",
                        label.replace("\"", "\\\""), x0, y0, x1, y1, b == 1 && i % 4 == 0 ? 1 : 0));
            }
            g.dispose();
            String name = String.format(Locale.ROOT, "%03d.jpg", i);
            if (i != 4) { // image 4 is missing: image-missing
                ImageIO.write(image, "jpg", dir.resolve(name).toFile());
            }
            lines.add("{\"image_url\": \"AmlDatastore://workspaceblobstore/fridge/" + name + "\", \"image_details\": "
                    + "{\"format\": \"jpg\", \"width\": " + w + ", \"height\": " + h + "}, \"label\": [" + boxes + "]}");
        }
        Path file = root.resolve("train.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
