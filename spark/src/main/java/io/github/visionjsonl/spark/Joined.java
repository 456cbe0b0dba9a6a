package io.github.visionjsonl.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The lines of several pieces in turn, as one stream: a piece that ends a file without a
 * newline gets one, so that the next file's first line starts a line of its own (a dataset of
 * several files is their lines in order).
 */
final class Joined extends InputStream {

    private final HadoopConf conf;
    private final List<Piece> pieces;
    private int next;
    private InputStream current;
    private int last = '\n';
    private boolean separator;

    Joined(HadoopConf conf, List<Piece> pieces) throws IOException {
        this.conf = conf;
        this.pieces = pieces;
        advance();
    }

    private void advance() throws IOException {
        if (current != null) {
            current.close();
        }
        // A part of one piece is left to the core's reader to recognize as gzip (see startsInput).
        current = next < pieces.size() ? RangeInput.open(conf, pieces.get(next), pieces.size() == 1) : null;
        next++;
    }

    /**
     * Whether the stream is a file's bytes from its start, as the core's reader takes them
     * (recognizing gzip): a part of one piece that starts its file. Several pieces are
     * decompressed here.
     */
    static boolean startsInput(List<Piece> pieces) {
        return pieces.size() == 1 && pieces.get(0).start() == 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current != null) {
            if (separator) {
                separator = false;
                last = '\n';
                b[off] = '\n';
                return 1;
            }
            int n = current.read(b, off, len);
            if (n > 0) {
                last = b[off + n - 1];
                return n;
            }
            if (n < 0) {
                separator = last != '\n' && next < pieces.size();
                advance();
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
