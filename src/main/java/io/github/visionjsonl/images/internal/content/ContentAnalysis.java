package io.github.visionjsonl.images.internal.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Looks inside one image: a hash of its bytes, a perceptual hash and the measures of its pixels,
 * from one decoding with subsampling (memory near {@link #WORKING_SIZE} squared, whatever the
 * image's size). The claimed size is read before any pixel is decoded, so a small file that
 * claims 100,000 x 100,000 pixels is refused, not decoded. Nothing of the image is kept.
 */
public final class ContentAnalysis {

    /** The longer side of the copy the measures are taken on. */
    public static final int WORKING_SIZE = 256;
    /** Images claiming more pixels than this are not decoded. */
    public static final long MAX_PIXELS = 200_000_000L;

    private ContentAnalysis() {
    }

    /**
     * What was seen inside one image.
     *
     * @param digestHigh the first 64 bits of the SHA-256 of the file's bytes
     * @param digestLow the next 64 bits
     * @param perceptual the perceptual hash ({@link PerceptualHash})
     * @param measures the pixels' measures, or {@code null} when the image could not be decoded
     * @param width the decoded width in pixels (0 when not decoded)
     * @param height the decoded height
     * @param problem why the pixels could not be looked at, or {@code null}
     */
    public record Content(long digestHigh, long digestLow, long perceptual, Measures measures, int width, int height,
            String problem) {

        /** Whether the pixels were decoded and measured. */
        public boolean decoded() {
            return measures != null;
        }
    }

    /** Looks at an image given as the bytes of its file. */
    public static Content of(byte[] bytes) {
        long[] digest = digest(bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return failed(digest, "not an image Java can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    return failed(digest, "claims " + w + " x " + h + " pixels; not decoded");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // The decoder skips what subsampling leaves out: the copy comes at most WORKING_SIZE a side.
                int step = Math.max(1, (Math.max(w, h) + WORKING_SIZE - 1) / WORKING_SIZE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                Pixels small = Pixels.of(decoded).shrunk(WORKING_SIZE);
                return new Content(digest[0], digest[1], PerceptualHash.of(small.grey(PerceptualHash.SIZE)),
                        Measures.of(small.rgb(), small.width(), small.height()), w, h, null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw on CMYK JPEGs and damaged data, some with runtime exceptions.
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failed(digest, "cannot be decoded: " + detail);
        }
    }

    private static Content failed(long[] digest, String why) {
        return new Content(digest[0], digest[1], 0, null, 0, 0, why);
    }

    private static long[] digest(byte[] bytes) {
        try {
            ByteBuffer d = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new long[] {d.getLong(), d.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

}
