package io.github.visionjsonl.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How every output of vision-jsonl is written: to a temporary file beside the target, moved into
 * place only when complete, never over an existing file. An interrupted write leaves nothing.
 */
public final class AtomicOutput {

    /** Writes the content of one output. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to the stream (not closed here). */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * A temporary file beside the target, after checking the target does not exist.
     *
     * @throws FileAlreadyExistsException when it does
     */
    public static Path begin(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite it");
        }
        return Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    }

    /** Moves a complete temporary file into place (atomically where the file system can). */
    public static void commit(Path temporary, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, absolute);
        }
    }

    /** Writes a new file in one go: begin, write, commit; the temporary file is removed on failure. */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = begin(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            commit(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
