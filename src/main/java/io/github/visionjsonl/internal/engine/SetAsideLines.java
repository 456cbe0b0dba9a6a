package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.reading.internal.LineSource;
import io.github.visionjsonl.report.Finding;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the lines a repair sets aside to a rejected file, as {@code validate --rejected} does
 * ({@link LineSplitWriter}): the repair sees each line's verdict, not its bytes, so a second
 * reader goes along the input and hands over the bytes of each line named, in line order, in
 * memory bounded by the longest line. Not thread-safe.
 */
public final class SetAsideLines implements Closeable {

    private final LineSource input;
    private final LineSplitWriter writer;
    private IOException failure;

    /**
     * @param input the file being repaired
     * @param rejected the new file for the lines set aside
     * @param maxLineLength the longest line the repair reads (longer ones are written by length)
     * @throws java.nio.file.FileAlreadyExistsException when {@code rejected} exists
     */
    public SetAsideLines(Path input, Path rejected, int maxLineLength) throws IOException {
        this.writer = new LineSplitWriter(null, rejected);
        try {
            this.input = new LineSource(Files.newInputStream(input), maxLineLength);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Writes one line set aside; lines come in increasing order. */
    public void write(long line, List<Finding> findings) {
        if (failure != null) {
            return;
        }
        try {
            while (input.lineNumber() < line) {
                if (!input.next()) {
                    throw new IOException("the input ended before line " + line);
                }
            }
            if (input.tooLong()) {
                writer.reject(line, findings, null, 0, 0, input.skippedLength());
            } else {
                writer.reject(line, findings, input.buffer(), input.start(), input.length(), 0);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Moves the complete file into place, or throws what stopped it. */
    public void commit() throws IOException {
        if (failure != null) {
            throw failure;
        }
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            input.close();
        } finally {
            writer.close();
        }
    }
}
