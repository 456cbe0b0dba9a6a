package io.github.visionjsonl.internal.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How every output of vision-jsonl is written: to a temporary file beside the target, put in
 * place only when complete, never over an existing file, not even one that appears while the
 * output is written. An interrupted write leaves nothing. The file gets the permissions any new
 * file gets under the user's umask.
 */
public final class AtomicOutput {

    /** The {@link FileAlreadyExistsException#getReason() reason} when the target exists before the write. */
    public static final String EXISTS = "exists; refusing to overwrite it";
    /** The reason when the target is a symbolic link to nothing, which a write would follow. */
    public static final String DANGLING_LINK = "is a symbolic link to a file that does not exist; "
            + "refusing to write through it: remove the link or choose another output";
    /** The reason when a file appeared at the target while the output was written. */
    public static final String APPEARED = "appeared while the output was being written; it was left as it is "
            + "and the output was not written: choose another output";

    private static final int NAME_ATTEMPTS = 100;

    /** Writes the content of one output. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to the stream (not closed here). */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Creates an empty temporary file beside the target, after checking the target does not
     * exist. The file is created as any new file is (not with {@code Files.createTempFile},
     * which forces owner-only permissions that the committed output would keep).
     *
     * @throws FileAlreadyExistsException when the target exists or is a dangling symbolic link
     *     (its reason is {@link #EXISTS} or {@link #DANGLING_LINK})
     */
    public static Path begin(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        refuseExisting(target, absolute);
        Path folder = absolute.getParent();
        FileAlreadyExistsException taken = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            Path temporary = folder.resolve("." + absolute.getFileName() + "."
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temporary;
            } catch (FileAlreadyExistsException e) {
                taken = e;
            }
        }
        // Not a FileAlreadyExistsException: that would say the target exists, which it does not.
        throw new IOException("no free temporary file name beside " + target, taken);
    }

    /**
     * Puts a complete temporary file in place without ever replacing a file: a hard link to the
     * target (which fails if anything, even a dangling link, is there), or where the file system
     * has no hard links, a copy to a target created new; then the temporary file is removed.
     *
     * @throws FileAlreadyExistsException when the target exists now (its reason is
     *     {@link #APPEARED} or {@link #DANGLING_LINK}); the temporary file is left to the caller
     */
    public static void commit(Path temporary, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createLink(absolute, temporary);
        } catch (FileAlreadyExistsException e) {
            throw appeared(target, absolute);
        } catch (IOException | UnsupportedOperationException e) {
            copyNew(temporary, target, absolute, e);
        }
        Files.delete(temporary);
    }

    private static void copyNew(Path temporary, Path target, Path absolute, Exception linkFailure) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(absolute, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw appeared(target, absolute);
        } catch (IOException e) {
            e.addSuppressed(linkFailure);
            throw e;
        }
        boolean copied = false;
        try (out) {
            Files.copy(temporary, out);
            copied = true;
        } finally {
            if (!copied) {
                // Created by this call just above, so removing it removes nothing of the user's.
                Files.deleteIfExists(absolute);
            }
        }
    }

    private static FileAlreadyExistsException appeared(Path target, Path absolute) {
        boolean dangling = Files.isSymbolicLink(absolute) && !Files.exists(absolute);
        return new FileAlreadyExistsException(target.toString(), null, dangling ? DANGLING_LINK : APPEARED);
    }

    private static void refuseExisting(Path target, Path absolute) throws FileAlreadyExistsException {
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, DANGLING_LINK);
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, EXISTS);
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
