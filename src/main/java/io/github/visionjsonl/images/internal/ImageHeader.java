package io.github.visionjsonl.images.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads what the validator needs from an image file without decoding its pixels: the real
 * format (from the magic bytes, whatever the name says), the size, the EXIF orientation, and
 * whether the file ends where its format says it should. Reads a few kilobytes per file: the
 * header, the segments before the image data, and the file's tail.
 */
public final class ImageHeader {

    /** What a header says. */
    public record Info(String format, int width, int height, int orientation, String truncation) {

        /** Whether the file ends early; {@link #truncation()} says how. */
        public boolean truncated() {
            return truncation != null;
        }
    }

    private static final int MAX_SEGMENT = 1 << 16;

    private ImageHeader() {
    }

    /**
     * Reads the header of an image file.
     *
     * @return what it says, or {@code null} when the bytes are no image format known here
     * @throws IOException when the file cannot be read
     */
    public static Info read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        }
    }

    /**
     * Reads the header of an image file already open. Reads nothing past the size the channel
     * reports, so a FIFO or device (size 0) gives {@code null} at once instead of blocking.
     *
     * @return what it says, or {@code null} when the bytes are no image format known here
     * @throws IOException when the file cannot be read
     */
    public static Info read(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer head = read(ch, 0, (int) Math.min(size, 64));
        if (size >= 3 && u8(head, 0) == 0xFF && u8(head, 1) == 0xD8 && u8(head, 2) == 0xFF) {
            return jpeg(ch, size);
        }
        if (size >= 8 && head.getLong(0) == 0x89504E470D0A1A0AL) {
            return png(ch, size);
        }
        if (size >= 2 && u8(head, 0) == 'B' && u8(head, 1) == 'M') {
            return bmp(ch, size);
        }
        if (size >= 4 && ((u8(head, 0) == 'I' && u8(head, 1) == 'I' && u8(head, 2) == 42 && u8(head, 3) == 0)
                || (u8(head, 0) == 'M' && u8(head, 1) == 'M' && u8(head, 2) == 0 && u8(head, 3) == 42))) {
            return tiff(ch, size);
        }
        if (size >= 6 && u8(head, 0) == 'G' && u8(head, 1) == 'I' && u8(head, 2) == 'F' && u8(head, 3) == '8') {
            return gif(ch, size, head);
        }
        if (size >= 12 && u8(head, 0) == 'R' && u8(head, 1) == 'I' && u8(head, 2) == 'F' && u8(head, 3) == 'F'
                && u8(head, 8) == 'W' && u8(head, 9) == 'E' && u8(head, 10) == 'B' && u8(head, 11) == 'P') {
            long riff = head.order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xFFFFFFFFL;
            return new Info("webp", 0, 0, 0, size < riff + 8 ? "the file is shorter than its RIFF header says" : null);
        }
        return null;
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, n));
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) {
                throw new EOFException();
            }
        }
        return b.flip();
    }

    private static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xFF;
    }

    // ---- JPEG: markers up to the start of scan; EXIF in APP1; EOI at the end ----------------

    private static Info jpeg(FileChannel ch, long size) throws IOException {
        long pos = 2;
        int width = 0;
        int height = 0;
        int orientation = 0;
        boolean scan = false;
        try {
            while (pos + 4 <= size) {
                ByteBuffer m = read(ch, pos, 2);
                if (u8(m, 0) != 0xFF) {
                    break; // not a marker where one should be: corrupt, reported through the missing size
                }
                int marker = u8(m, 1);
                if (marker == 0xFF) {
                    pos++; // fill byte
                    continue;
                }
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                if (marker == 0xD9) {
                    break;
                }
                int length = read(ch, pos + 2, 2).getShort(0) & 0xFFFF;
                if (marker == 0xDA) {
                    scan = true;
                    break;
                }
                if (marker == 0xE1 && orientation == 0 && length > 8) {
                    ByteBuffer app1 = read(ch, pos + 4, Math.min(length - 2, MAX_SEGMENT));
                    if (app1.remaining() > 6 && app1.get(0) == 'E' && app1.get(1) == 'x' && app1.get(2) == 'i'
                            && app1.get(3) == 'f' && app1.get(4) == 0) {
                        orientation = exifOrientation(app1.position(6).slice());
                    }
                } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    ByteBuffer sof = read(ch, pos + 4, 5);
                    height = sof.getShort(1) & 0xFFFF;
                    width = sof.getShort(3) & 0xFFFF;
                }
                pos += 2 + length;
            }
        } catch (EOFException e) {
            return new Info("jpeg", width, height, orientation, "the file ends inside its header");
        }
        String truncation = null;
        if (!scan || width == 0) {
            truncation = "the file ends before its image data";
        } else if (!endsWithEoi(ch, size)) {
            truncation = "no JPEG end marker (FF D9) at the end of the file";
        }
        return new Info("jpeg", width, height, orientation, truncation);
    }

    /** Whether FF D9 is among the last bytes: some writers pad or append a little after it. */
    private static boolean endsWithEoi(FileChannel ch, long size) throws IOException {
        int n = (int) Math.min(size, 64);
        ByteBuffer tail = read(ch, size - n, n);
        for (int i = n - 2; i >= 0; i--) {
            if (u8(tail, i) == 0xFF && u8(tail, i + 1) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    // ---- TIFF structure, also inside EXIF -------------------------------------------------

    private static int exifOrientation(ByteBuffer tiff) {
        try {
            ByteOrder order = tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            tiff.order(order);
            int ifd = tiff.getInt(4);
            int count = tiff.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int e = ifd + 2 + 12 * i;
                if ((tiff.getShort(e) & 0xFFFF) == 0x0112) {
                    return tiff.getShort(e + 8) & 0xFFFF;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            return 0;
        }
        return 0;
    }

    private static Info tiff(FileChannel ch, long size) throws IOException {
        ByteBuffer head = read(ch, 0, 8);
        ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        long ifd = head.order(order).getInt(4) & 0xFFFFFFFFL;
        if (ifd + 2 > size) {
            return new Info("tiff", 0, 0, 0, "the first image directory is past the end of the file");
        }
        int count = read(ch, ifd, 2).order(order).getShort(0) & 0xFFFF;
        if (ifd + 2 + 12L * count > size) {
            return new Info("tiff", 0, 0, 0, "the first image directory is cut off");
        }
        ByteBuffer entries = read(ch, ifd + 2, 12 * count).order(order);
        int width = 0;
        int height = 0;
        int orientation = 0;
        long[] offsets = null;
        long[] lengths = null;
        for (int i = 0; i < count; i++) {
            int e = 12 * i;
            int tag = entries.getShort(e) & 0xFFFF;
            switch (tag) {
                case 256 -> width = (int) value(entries, e, order);
                case 257 -> height = (int) value(entries, e, order);
                case 274 -> orientation = (int) value(entries, e, order);
                case 273, 324 -> offsets = values(ch, entries, e, order, size);
                case 279, 325 -> lengths = values(ch, entries, e, order, size);
                default -> {
                }
            }
        }
        String truncation = null;
        if (offsets != null && lengths != null) {
            for (int i = 0; i < Math.min(offsets.length, lengths.length); i++) {
                if (offsets[i] + lengths[i] > size) {
                    truncation = "image data runs past the end of the file (strip " + i + ")";
                    break;
                }
            }
        }
        return new Info("tiff", width, height, orientation, truncation);
    }

    /** The first value of a SHORT or LONG entry. */
    private static long value(ByteBuffer entries, int e, ByteOrder order) {
        int type = entries.getShort(e + 2) & 0xFFFF;
        return type == 3 ? entries.getShort(e + 8) & 0xFFFF : entries.getInt(e + 8) & 0xFFFFFFFFL;
    }

    /** All values of a SHORT or LONG entry, inline or at their offset (at most 1M of them). */
    private static long[] values(FileChannel ch, ByteBuffer entries, int e, ByteOrder order, long size)
            throws IOException {
        int type = entries.getShort(e + 2) & 0xFFFF;
        long count = entries.getInt(e + 4) & 0xFFFFFFFFL;
        int width = type == 3 ? 2 : 4;
        if (count == 0 || count > 1 << 20) {
            return null;
        }
        ByteBuffer data;
        if (count * width <= 4) {
            data = entries.duplicate().position(e + 8).slice().order(order);
        } else {
            long at = entries.getInt(e + 8) & 0xFFFFFFFFL;
            if (at + count * width > size) {
                return new long[] {size + 1};
            }
            data = read(ch, at, (int) (count * width)).order(order);
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = width == 2 ? data.getShort(2 * i) & 0xFFFF : data.getInt(4 * i) & 0xFFFFFFFFL;
        }
        return out;
    }

    // ---- PNG, BMP, GIF ----------------------------------------------------------------------

    private static Info png(FileChannel ch, long size) throws IOException {
        if (size < 24) {
            return new Info("png", 0, 0, 0, "the file ends inside its header");
        }
        ByteBuffer ihdr = read(ch, 8, 16);
        int width = ihdr.getInt(8);
        int height = ihdr.getInt(12);
        String truncation = null;
        ByteBuffer tail = read(ch, size - Math.min(size, 12), (int) Math.min(size, 12));
        if (size < 12 + 24 || tail.getInt(4) != 0x49454E44) {
            truncation = "no IEND chunk at the end of the file";
        }
        return new Info("png", width, height, 0, truncation);
    }

    private static Info bmp(FileChannel ch, long size) throws IOException {
        if (size < 26) {
            return new Info("bmp", 0, 0, 0, "the file ends inside its header");
        }
        ByteBuffer h = read(ch, 0, (int) Math.min(size, 34)).order(ByteOrder.LITTLE_ENDIAN);
        long declared = h.getInt(2) & 0xFFFFFFFFL;
        long dataOffset = h.getInt(10) & 0xFFFFFFFFL;
        int dib = h.getInt(14);
        int width;
        int height;
        int bits;
        int compression = 0;
        if (dib == 12) {
            width = h.getShort(18) & 0xFFFF;
            height = h.getShort(20) & 0xFFFF;
            bits = h.getShort(24) & 0xFFFF;
        } else {
            if (size < 34) {
                return new Info("bmp", 0, 0, 0, "the file ends inside its header");
            }
            width = h.getInt(18);
            height = Math.abs(h.getInt(22));
            bits = h.getShort(28) & 0xFFFF;
            compression = h.getInt(30);
        }
        String truncation = null;
        if (declared > size) {
            truncation = "the file is " + size + " bytes, its header says " + declared;
        } else if (compression == 0 && width > 0 && bits > 0) {
            long row = ((long) bits * width + 31) / 32 * 4;
            if (dataOffset + row * height > size) {
                truncation = "the pixel data needs " + (dataOffset + row * height) + " bytes, the file has " + size;
            }
        }
        return new Info("bmp", width, height, 0, truncation);
    }

    private static Info gif(FileChannel ch, long size, ByteBuffer head) throws IOException {
        if (size < 10) {
            return new Info("gif", 0, 0, 0, "the file ends inside its header");
        }
        ByteBuffer h = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int width = h.getShort(6) & 0xFFFF;
        int height = h.getShort(8) & 0xFFFF;
        int last = read(ch, size - 1, 1).get(0) & 0xFF;
        return new Info("gif", width, height, 0, last == 0x3B ? null : "no GIF trailer at the end of the file");
    }
}
