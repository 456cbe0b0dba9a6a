package io.github.visionjsonl.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lines of a byte range of a file, through Hadoop's file systems (so abfs, s3a, hdfs and
 * local files all work): a line belongs to the range its first byte lies in. A range that starts
 * inside a line leaves that line to the range before; its last line is read past the range's end
 * up to its newline. A gzip file is one range.
 */
final class RangeInput {

    private static final int CHUNK = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private RangeInput() {
    }

    static FSDataInputStream openFile(HadoopConf conf, String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf.get());
        return fs.open(p, CHUNK);
    }

    /**
     * The bytes of the piece's lines.
     *
     * @param raw whether a gzip file is left compressed (the core's reader recognizes it at the
     *     start of a part); otherwise it is decompressed here
     */
    static InputStream open(HadoopConf conf, Piece piece, boolean raw) throws IOException {
        FSDataInputStream in = openFile(conf, piece.path());
        if (piece.gzip()) {
            return raw ? in : new GZIPInputStream(in, CHUNK);
        }
        long pos = piece.start();
        InputStream buffered;
        if (pos > 0) {
            in.seek(pos - 1);
            buffered = new BufferedInputStream(in, CHUNK);
            // The line the range starts in belongs to the range before, unless it starts right here.
            int b;
            while ((b = buffered.read()) >= 0 && b != '\n') {
                pos++;
            }
            if (b < 0) {
                buffered.close();
                return InputStream.nullInputStream();
            }
        } else {
            buffered = new BufferedInputStream(in, CHUNK);
        }
        if (pos >= piece.end()) {
            buffered.close();
            return InputStream.nullInputStream();
        }
        return new ToEndOfLine(buffered, pos, piece.end());
    }

    /** The count of the piece's lines, read as {@link #open} reads them. */
    static long countLines(HadoopConf conf, Piece piece) throws IOException {
        byte[] buf = new byte[CHUNK];
        if (piece.gzip()) {
            try (InputStream in = new GZIPInputStream(openFile(conf, piece.path()), CHUNK)) {
                long lines = 0;
                int last = -1;
                int n;
                while ((n = in.read(buf)) > 0) {
                    lines += newlines(buf, 0, n);
                    last = buf[n - 1];
                }
                return lines + (last >= 0 && last != '\n' ? 1 : 0);
            }
        }
        // A line starts at the range's first byte of the file, and after every newline before its end.
        long from = Math.max(0, piece.start() - 1);
        long to = piece.end() - 1;
        long lines = piece.start() == 0 ? 1 : 0;
        try (FSDataInputStream in = openFile(conf, piece.path())) {
            in.seek(from);
            long pos = from;
            while (pos < to) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, to - pos));
                if (n < 0) {
                    break;
                }
                lines += newlines(buf, 0, n);
                pos += n;
            }
        }
        return lines;
    }

    /** The newlines in a range of a buffer, eight bytes at a time. */
    static long newlines(byte[] b, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // Exact per byte: no borrow crosses into a byte from one below it that is not zero.
            long zero = ~(((x & ~HIGHS) + ~HIGHS) | x | ~HIGHS);
            count += Long.bitCount(zero);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** A stream that ends at the end of the line the range's end falls in. */
    private static final class ToEndOfLine extends InputStream {
        private final InputStream in;
        private final long end;
        private long pos;
        private int last = -1;
        private boolean done;

        ToEndOfLine(InputStream in, long pos, long end) {
            this.in = in;
            this.pos = pos;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done || len == 0) {
                return done ? -1 : 0;
            }
            int n;
            if (pos < end) {
                n = in.read(b, off, (int) Math.min(len, end - pos));
                if (n < 0) {
                    done = true;
                    return -1;
                }
            } else {
                if (last == '\n') {
                    done = true;
                    return -1;
                }
                n = in.read(b, off, len);
                if (n < 0) {
                    done = true;
                    return -1;
                }
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        n = i - off + 1;
                        done = true;
                        break;
                    }
                }
            }
            pos += n;
            last = b[off + n - 1];
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
