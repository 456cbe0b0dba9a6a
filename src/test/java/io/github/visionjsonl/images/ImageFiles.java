package io.github.visionjsonl.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Writes real image files for the tests (and, through {@link #main}, for samples/invalid/images). */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The bytes of a {@code width} x {@code height} image in an ImageIO format (jpeg, png, bmp, tiff, gif). */
    public static byte[] encode(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** A JPEG with an EXIF APP1 segment that sets the given orientation (1 to 8). */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) throws IOException {
        byte[] jpeg = encode("jpeg", width, height);
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0}; // no next IFD
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The first {@code fraction} of the bytes: a file cut off in transfer. */
    public static byte[] truncate(byte[] image, double fraction) {
        return Arrays.copyOf(image, (int) (image.length * fraction));
    }

    /** Writes bytes to a file, creating its folders. */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Writes the image files of samples/invalid/images (run once; the files are committed). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/invalid/images/fridge");
        write(dir.resolve("001.jpg"), encode("jpeg", 64, 48));
        write(dir.resolve("002.jpg"), encode("jpeg", 64, 48));
        write(dir.resolve("rotated.jpg"), jpegWithOrientation(64, 48, 6));
        write(dir.resolve("cut.jpg"), truncate(encode("jpeg", 64, 48), 0.6));
        write(dir.resolve("really-a-png.jpg"), encode("png", 64, 48));
        write(dir.resolve("thumb.png"), encode("png", 8, 6));
        write(dir.resolve("notes.jpg"), "not an image\n".getBytes(StandardCharsets.US_ASCII));
    }
}
