package io.github.visionjsonl.html;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import io.github.visionjsonl.images.internal.ChannelImageInput;
import io.github.visionjsonl.images.internal.ImageRoot;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image for drawing: its claimed size is checked before a pixel is decoded (a small
 * file may claim 100,000 x 100,000 pixels), and a thumbnail is decoded with subsampling so
 * memory stays near the thumbnail's size.
 */
final class Pictures {

    /** Images claiming more pixels than this are not drawn as thumbnails (decoded subsampled). */
    static final long MAX_PIXELS = 200_000_000L;
    /** Images claiming more pixels than this are not drawn full size (4 bytes a pixel, twice). */
    static final long MAX_FULL_PIXELS = 50_000_000L;

    private Pictures() {
    }

    /** Why an image could not be drawn. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The image of an opened file, at most {@code maxSide} pixels on its longer side (0: full size).
     *
     * @throws Unusable when it is not an image ImageIO reads, or claims too many pixels
     */
    static BufferedImage read(ImageRoot.Opened file, int maxSide) throws IOException, Unusable {
        try (ImageInputStream iis = new ChannelImageInput(file.channel())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new Unusable("not an image format Java can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > (maxSide > 0 ? MAX_PIXELS : MAX_FULL_PIXELS)) {
                    throw new Unusable("claims " + w + " x " + h + " pixels: too large to draw");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (maxSide > 0) {
                    int step = Math.max(1, Math.max(w, h) / (2 * maxSide));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return maxSide > 0 ? fit(image, maxSide) : image;
            } catch (IOException | RuntimeException e) {
                throw new Unusable("cannot be decoded (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scales an image down (never up) so its longer side is at most {@code maxSide}. */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
