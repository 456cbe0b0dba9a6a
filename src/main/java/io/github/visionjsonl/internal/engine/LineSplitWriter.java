package io.github.visionjsonl.internal.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.internal.files.AtomicOutput;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.reading.internal.Utf8;
import io.github.visionjsonl.report.Finding;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes the lines of a file to an accepted file (each line's own bytes, {@code \n} after each)
 * and a rejected file (one JSON object per line: {@code {"line": 7, "findings": [...], "text":
 * "..."}}, {@code "base64"} instead of {@code "text"} when the line is not UTF-8, and
 * {@code "skippedBytes"} for a line over the length limit, whose bytes were never held). Both are
 * new files, written beside their target and moved into place by {@link #commit()}; a run that
 * fails leaves neither. A write failure is kept and thrown by {@link #commit()}, so that the
 * lines' verdicts are not interrupted by it. Not thread-safe.
 */
public final class LineSplitWriter implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path acceptedTarget;
    private final Path rejectedTarget;
    private Path acceptedTemporary;
    private Path rejectedTemporary;
    private OutputStream accepted;
    private OutputStream rejectedStream;
    private JsonGenerator rejected;
    private IOException failure;
    private boolean committed;

    /**
     * Opens the outputs; either may be null (not written).
     *
     * @throws java.nio.file.FileAlreadyExistsException when a target exists
     * @throws IllegalArgumentException when both are null or the same file
     */
    public LineSplitWriter(Path acceptedFile, Path rejectedFile) throws IOException {
        if (acceptedFile == null && rejectedFile == null) {
            throw new IllegalArgumentException("give an accepted or a rejected file");
        }
        if (acceptedFile != null && rejectedFile != null
                && acceptedFile.toAbsolutePath().normalize().equals(rejectedFile.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the accepted and the rejected file are the same: " + acceptedFile);
        }
        this.acceptedTarget = acceptedFile;
        this.rejectedTarget = rejectedFile;
        try {
            if (acceptedFile != null) {
                acceptedTemporary = AtomicOutput.begin(acceptedFile);
                accepted = new BufferedOutputStream(Files.newOutputStream(acceptedTemporary), 1 << 16);
            }
            if (rejectedFile != null) {
                rejectedTemporary = AtomicOutput.begin(rejectedFile);
                rejectedStream = new BufferedOutputStream(Files.newOutputStream(rejectedTemporary), 1 << 16);
                rejected = JSON.createGenerator(rejectedStream, JsonEncoding.UTF8);
                rejected.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                rejected.setRootValueSeparator(null);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Writes the current line of a run to the output its verdict names. */
    void write(long line, boolean error, List<Finding> findings, LineResult r) {
        byte[] buf = r.kind == LineResult.Kind.TOO_LONG ? null : r.buf;
        if (error) {
            reject(line, findings, buf, r.start, r.length, r.skippedLength);
        } else {
            accept(r.buf, r.start, r.length);
        }
    }

    /** Writes a line held back until its verdict, from its copied bytes. */
    void write(long line, boolean error, List<Finding> findings, byte[] bytes) {
        if (error) {
            reject(line, findings, bytes, 0, bytes.length, 0);
        } else {
            accept(bytes, 0, bytes.length);
        }
    }

    /** Writes an accepted line's bytes. */
    void accept(byte[] buf, int start, int length) {
        if (accepted == null || failure != null) {
            return;
        }
        try {
            accepted.write(buf, start, length);
            accepted.write('\n');
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Writes a rejected line.
     *
     * @param buf the line's bytes, or null when they were skipped (too long)
     * @param skippedLength the length of a skipped line
     */
    void reject(long line, List<Finding> findings, byte[] buf, int start, int length, long skippedLength) {
        if (rejected == null || failure != null) {
            return;
        }
        try {
            write(rejected, line, findings, buf, start, length, skippedLength);
            rejected.writeRaw('\n');
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes one rejected line as a JSON object (without a newline). */
    static void write(JsonGenerator g, long line, List<Finding> findings, byte[] buf, int start, int length,
            long skippedLength) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", line);
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("code", f.code());
            g.writeStringField("severity", f.severity().label());
            g.writeStringField("pointer", f.pointer());
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (buf == null) {
            g.writeNumberField("skippedBytes", skippedLength);
        } else if (Utf8.firstInvalid(buf, start, start + length) < 0) {
            g.writeStringField("text", new String(buf, start, length, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            g.writeStringField("base64", Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOfRange(buf, start, start + length)));
        }
        g.writeEndObject();
    }

    /** Moves the complete outputs into place, or throws the failure that stopped a write. */
    public void commit() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (rejected != null) {
            rejected.close();
            rejected = null;
            rejectedStream.close();
            AtomicOutput.commit(rejectedTemporary, rejectedTarget);
            rejectedTemporary = null;
        }
        if (accepted != null) {
            accepted.close();
            accepted = null;
            AtomicOutput.commit(acceptedTemporary, acceptedTarget);
            acceptedTemporary = null;
        }
        committed = true;
    }

    /** Whether {@link #commit()} moved the outputs into place. */
    public boolean committed() {
        return committed;
    }

    /** Removes what was not committed. */
    @Override
    public void close() throws IOException {
        try {
            if (rejected != null) {
                rejected.close();
            }
            if (rejectedStream != null) {
                rejectedStream.close();
            }
            if (accepted != null) {
                accepted.close();
            }
        } finally {
            if (acceptedTemporary != null) {
                Files.deleteIfExists(acceptedTemporary);
            }
            if (rejectedTemporary != null) {
                Files.deleteIfExists(rejectedTemporary);
            }
        }
    }
}
