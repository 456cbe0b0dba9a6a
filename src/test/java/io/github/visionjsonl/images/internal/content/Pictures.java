package io.github.visionjsonl.images.internal.content;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Photograph-like test images made from a seed, and the edits a copy of a photograph goes through. */
public final class Pictures {

    private Pictures() {
    }

    /** A scene: a lit gradient, a dozen objects of random shapes and colours, and sensor noise. */
    public static BufferedImage scene(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(r.nextInt(w), 0, colour(r), r.nextInt(w), h, colour(r)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            g.setColor(colour(r));
            int x = r.nextInt(w);
            int y = r.nextInt(h);
            int ow = w / 12 + r.nextInt(w / 3);
            int oh = h / 12 + r.nextInt(h / 3);
            if (r.nextBoolean()) {
                g.fillOval(x - ow / 2, y - oh / 2, ow, oh);
            } else {
                g.fillRoundRect(x - ow / 2, y - oh / 2, ow, oh, 10, 10);
            }
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                int n = r.nextInt(17) - 8;
                image.setRGB(x, y, (clamp(((p >> 16) & 0xff) + n) << 16) | (clamp(((p >> 8) & 0xff) + n) << 8)
                        | clamp((p & 0xff) + n));
            }
        }
        return image;
    }

    private static Color colour(Random r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    public static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static BufferedImage resized(BufferedImage image, double scale) {
        int w = Math.max(1, (int) (image.getWidth() * scale));
        int h = Math.max(1, (int) (image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Cuts {@code share} of the width and height off, half on each side. */
    public static BufferedImage cropped(BufferedImage image, double share) {
        int dx = (int) (image.getWidth() * share / 2);
        int dy = (int) (image.getHeight() * share / 2);
        return copy(image.getSubimage(dx, dy, image.getWidth() - 2 * dx, image.getHeight() - 2 * dy));
    }

    public static BufferedImage brighter(BufferedImage image, int delta) {
        BufferedImage out = copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                out.setRGB(x, y, (clamp(((p >> 16) & 0xff) + delta) << 16) | (clamp(((p >> 8) & 0xff) + delta) << 8)
                        | clamp((p & 0xff) + delta));
            }
        }
        return out;
    }

    public static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
