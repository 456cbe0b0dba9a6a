package io.github.visionjsonl.images.internal.content;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An image as packed RGB values, read straight from the decoder's raster where its layout is
 * known (BufferedImage.getRGB converts pixel by pixel through the colour model, which cost as much
 * as decoding the JPEG), and shrunk by averaging whole blocks of pixels.
 */
record Pixels(int[] rgb, int width, int height) {

    /** The pixels of a decoded image. */
    static Pixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        int type = image.getType();
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
                && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes && plain(image)) {
            byte[] b = bytes.getData();
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                for (int i = 0; i < out.length; i++) {
                    int g = b[i] & 0xff;
                    out[i] = g << 16 | g << 8 | g;
                }
            } else {
                for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                    out[i] = (b[j + 2] & 0xff) << 16 | (b[j + 1] & 0xff) << 8 | (b[j] & 0xff);
                }
            }
        } else if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints && plain(image)) {
            int[] d = ints.getData();
            for (int i = 0; i < out.length; i++) {
                out[i] = d[i] & 0xffffff;
            }
        } else {
            // Palettes, 16-bit and other layouts: the colour model's conversion, slower but exact.
            image.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xffffff;
            }
        }
        return new Pixels(out, w, h);
    }

    /** Whether the raster holds the whole image from its first element (not a sub-image). */
    private static boolean plain(BufferedImage image) {
        return image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && image.getRaster().getDataBuffer().getNumBanks() == 1
                && image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight()
                        * (image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1);
    }

    /** A copy whose longer side is at most {@code maxSide}, each pixel the mean of its block (never enlarged). */
    Pixels shrunk(int maxSide) {
        if (Math.max(width, height) <= maxSide) {
            return this;
        }
        double scale = maxSide / (double) Math.max(width, height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        return new Pixels(averaged(w, h), w, h);
    }

    /** The {@code side x side} grey values (luminance), each the mean of its block. */
    float[] grey(int side) {
        int[] small = averaged(side, side);
        float[] grey = new float[small.length];
        for (int i = 0; i < small.length; i++) {
            int p = small[i];
            grey[i] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
        }
        return grey;
    }

    /** Block means onto a {@code w x h} grid (blocks of at least one pixel, so small images repeat pixels). */
    private int[] averaged(int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = (int) ((long) y * height / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * height / h));
            for (int x = 0; x < w; x++) {
                int x0 = (int) ((long) x * width / w);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * width / w));
                long r = 0;
                long g = 0;
                long b = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx < x1; xx++) {
                        int p = rgb[row + xx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out[y * w + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        return out;
    }
}
