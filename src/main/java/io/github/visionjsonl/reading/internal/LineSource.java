package io.github.visionjsonl.reading.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Splits a byte stream into lines without decoding it, so that each line can be handed to the
 * parser as a slice of one reused buffer. Memory is bounded by the longest accepted line: a
 * longer line is counted and skipped, never buffered whole.
 *
 * <p>After {@link #next()} returns true, {@link #buffer()}, {@link #start()} and
 * {@link #length()} describe the line without its terminator ({@code \n} or {@code \r\n}).
 */
public final class LineSource implements Closeable {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final Counting raw;
    private final int maxLineLength;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int end;
    private boolean eof;

    private long lineNumber;
    private int start;
    private int length;
    private long skippedLength;
    private boolean byteOrderMark;
    /** The bits of every byte of the current line scanned so far, OR-ed together (bit 7 of each byte lane matters). */
    private long lineBits;
    private boolean highBytes;

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /**
     * @param in the stream, plain or gzip-compressed (recognized by its magic bytes)
     * @param maxLineLength the longest line, in bytes, that is buffered
     */
    public LineSource(InputStream in, int maxLineLength) throws IOException {
        this(in, maxLineLength, 0, true);
    }

    /**
     * A source over a part of a larger input (a split of a file, read on a cluster): its first
     * line is line {@code linesBefore + 1}, and only the start of the input is looked at for
     * gzip's magic bytes and a byte order mark (line 1).
     *
     * @param startOfInput whether the stream starts at the input's first byte (gzip is then
     *     recognized; a part in the middle is never decompressed)
     */
    public LineSource(InputStream in, int maxLineLength, long linesBefore, boolean startOfInput) throws IOException {
        this.raw = new Counting(in);
        this.in = startOfInput ? unwrapGzip(raw) : raw;
        this.maxLineLength = maxLineLength;
        this.lineNumber = linesBefore;
    }

    private static InputStream unwrapGzip(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 2);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(buffered, CHUNK);
        }
        return buffered;
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        skippedLength = -1;
        lineBits = 0;
        int scan = pos;
        while (true) {
            int nl = indexOfNewline(scan, end);
            if (nl >= 0) {
                emit(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < end) {
                    emit(pos, end);
                    pos = end;
                    return true;
                }
                return false;
            }
            // A line of the limit's length whose \r came without its \n yet is not too long.
            if (end - pos > maxLineLength && (end - pos > maxLineLength + 1 || buf[end - 1] != '\r')) {
                skipRestOfLine();
                return true;
            }
            scan = end;
            if (!fill()) {
                eof = true;
            }
            // fill() may have moved the line's bytes to the buffer's start
            scan -= shifted;
        }
    }

    private int shifted;
    /** Changes whenever bytes already in the buffer may move or be overwritten. */
    private long epoch;

    /** Reads more bytes after {@code end}, moving or growing the buffer first; false at EOF. */
    private boolean fill() throws IOException {
        epoch++;
        shifted = 0;
        if (end == buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                shifted = pos;
                end -= pos;
                pos = 0;
            } else {
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) maxLineLength + CHUNK + 1));
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    /** Counts the rest of an over-long line while discarding it. */
    private void skipRestOfLine() throws IOException {
        epoch++;
        long counted = end - pos;
        // The length is without the terminator, \r\n as well, as for the lines kept.
        boolean lastReturn = end > pos && buf[end - 1] == '\r';
        pos = end = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                break;
            }
            int nl = indexOfNewline(0, n);
            if (nl >= 0) {
                counted += nl;
                if (nl > 0 ? buf[nl - 1] == '\r' : lastReturn) {
                    counted--;
                }
                pos = nl + 1;
                end = n;
                break;
            }
            counted += n;
            if (n > 0) {
                lastReturn = buf[n - 1] == '\r';
            }
        }
        lineNumber++;
        start = 0;
        length = 0;
        skippedLength = counted;
    }

    private void emit(int from, int to) {
        lineNumber++;
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        if (lineNumber == 1 && to - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
                && (buf[from + 2] & 0xff) == 0xBF) {
            byteOrderMark = true;
            from += 3;
        }
        start = from;
        length = to - from;
        highBytes = (lineBits & Ascii.HIGHS) != 0;
        if (length > maxLineLength) {
            skippedLength = length;
            length = 0;
        }
    }

    /**
     * The first newline in the range, or -1; on the way, notes whether any byte before it has its
     * high bit set (only such lines need the full UTF-8 check). Eight bytes at a time.
     */
    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        long bits = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = Ascii.word(b, i);
            long zero = Ascii.zeroBytes(word ^ NEWLINES);
            if (zero != 0) {
                int k = Long.numberOfTrailingZeros(zero) >>> 3;
                lineBits |= bits | (k == 0 ? 0 : word & (-1L >>> (64 - 8 * k)));
                return i + k;
            }
            bits |= word;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                lineBits |= bits;
                return i;
            }
            bits |= b[i] & 0xFF;
        }
        lineBits |= bits;
        return -1;
    }

    /** The 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    /**
     * Where the bytes read into {@link #buffer()} end: the current line and the bytes after it up
     * to there stay where they are as long as {@link #epoch()} does not change.
     */
    public int dataEnd() {
        return end;
    }

    /** The version of the buffer's content: it changes when bytes in it may have moved. */
    public long epoch() {
        return epoch;
    }

    /** The offset of the current line in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** The length of the current line in bytes, without its terminator. */
    public int length() {
        return length;
    }

    /** Whether the current line has a byte of 0x80 or more (so it is not plain ASCII). */
    public boolean highBytes() {
        return highBytes;
    }

    /** Whether the current line was too long and skipped. */
    public boolean tooLong() {
        return skippedLength >= 0;
    }

    /** The length of a skipped line, in bytes. */
    public long skippedLength() {
        return skippedLength;
    }

    /** Whether the first line started with a UTF-8 byte order mark (removed from the line). */
    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /**
     * The input's whole size in bytes as far as the stream tells ahead (a file or an array
     * does), or -1 when it does not (a pipe, or a compressed stream, whose size says little
     * about its lines).
     */
    public long sizeHint() {
        if (in instanceof GZIPInputStream) {
            return -1;
        }
        int available = raw.available();
        return available <= 0 ? -1 : raw.count + available;
    }

    /** Bytes taken from the underlying stream so far (compressed bytes for gzip). */
    public long bytesRead() {
        return raw.count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts the bytes read from the underlying stream, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;
        private long mark;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /**
         * No hint rather than a failure: a pipe opened by name (a FIFO, {@code /dev/fd/N}) is a
         * file channel that cannot tell its position and throws "Illegal seek" when asked, which
         * would fail any buffered read of it (buffers ask before reading on).
         */
        @Override
        public int available() {
            try {
                return in.available();
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += k;
            return k;
        }

        @Override
        public synchronized void mark(int limit) {
            in.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            count = mark;
        }
    }
}
