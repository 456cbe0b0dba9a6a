package io.github.visionjsonl.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's stream that remembers whether it was read from: of a pair, the training file is read
 * to its end before the validation file is begun, so a failure after the validation file was
 * read from (a read error, or its gzip data failing to decode above this stream) is its.
 */
final class WatchedInput extends FilterInputStream {
    boolean started;

    private WatchedInput(InputStream in) {
        super(in);
    }

    static WatchedInput open(String file) throws IOException {
        if (Files.isDirectory(Path.of(file))) {
            throw new IOException(file + " is a directory, not a JSONL file");
        }
        return new WatchedInput(Files.newInputStream(Path.of(file)));
    }

    static void close(WatchedInput[] streams) {
        for (WatchedInput w : streams) {
            try {
                if (w != null) {
                    w.close();
                }
            } catch (IOException e) {
                // Only read from: nothing was lost, and the verdict is already printed.
            }
        }
    }

    @Override
    public int read() throws IOException {
        started = true;
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        started = true;
        return super.read(b, off, len);
    }
}
