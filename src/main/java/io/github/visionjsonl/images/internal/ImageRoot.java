package io.github.visionjsonl.images.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A folder whose files are opened by names that come from a dataset, without ever reading
 * outside it. A name is resolved as the operating system resolves it (links first, then
 * {@code ..}), the real path must lie under the folder's real path, and the file is then opened
 * once, through that real path, so that nothing swapped in after the check is followed: where
 * the platform can (a {@link SecureDirectoryStream}: Linux, macOS), directory by directory from
 * an open handle of the folder, no link followed at any step; elsewhere by the real path without
 * following a final link, then checked again. Only regular files are opened, and the open runs
 * on a bounded helper thread with a time limit: a FIFO or device put in a file's place between
 * the check and the open would otherwise block in {@code open(2)} forever. Thread-safe.
 */
public final class ImageRoot {

    /** Why a name was not opened. */
    public enum Reason {
        /** The name leads outside the folder. */
        ESCAPE,
        /** Nothing is there. */
        MISSING,
        /** The name is no valid file name on this system. */
        INVALID,
        /** Something is there, but not a regular file. */
        NOT_REGULAR,
        /** A regular file that could not be opened. */
        UNREADABLE
    }

    /** A name that was not opened, and why; {@link #getMessage()} explains it. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reason reason;
        private final transient Path path;

        Refusal(Reason reason, Path path, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
            this.path = path;
        }

        /** Why. */
        public Reason reason() {
            return reason;
        }

        /** The path the message is about (the folder, the named file or what was found instead). */
        public Path path() {
            return path;
        }
    }

    /** An open regular file under the folder; closing it closes the channel. */
    public record Opened(Path path, FileChannel channel) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Opens that hang beyond this are abandoned threads; past this many, names are refused. */
    private static final int MAX_OPENERS = 256;
    private static final Set<OpenOption> READ_NO_LINK = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path folder;
    private final long timeoutNanos;
    private final ThreadPoolExecutor openers;
    private volatile Path top;

    /** The folder, with opens given 30 seconds (a slow network share is slow, not stuck). */
    public ImageRoot(Path folder) {
        this(folder, Duration.ofSeconds(30));
    }

    /** The folder, with opens that take longer than the timeout reported as unreadable. */
    public ImageRoot(Path folder, Duration openTimeout) {
        this.folder = folder.toAbsolutePath().normalize();
        this.timeoutNanos = openTimeout.toNanos();
        // No core threads: idle ones end after a second, so a root needs no closing.
        this.openers = new ThreadPoolExecutor(0, MAX_OPENERS, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "vision-jsonl-image-open");
            t.setDaemon(true);
            return t;
        });
    }

    /** The folder, absolute and normalized. */
    public Path folder() {
        return folder;
    }

    /**
     * Opens the regular file a relative name leads to.
     *
     * @throws Refusal when the name leads out, nothing is there, it is no regular file, or it
     *     cannot be opened
     */
    public Opened open(String relative) throws Refusal {
        Path named;
        try {
            named = folder.getFileSystem().getPath(relative);
        } catch (InvalidPathException e) {
            throw new Refusal(Reason.INVALID, null, relative);
        }
        // What counts as absolute is the system's call: "C:x.png" is a drive on Windows, a name on Linux.
        if (named.getRoot() != null) {
            throw new Refusal(Reason.ESCAPE, named,
                    named.isAbsolute() ? "an absolute path" : "a path from the root " + named.getRoot());
        }
        Path joined = folder.resolve(named);
        if (!joined.normalize().startsWith(folder)) {
            throw new Refusal(Reason.ESCAPE, joined, "'..' leads out of " + folder);
        }
        // Shown as named when '..' is in it: after a link, '..' is the link target's parent.
        Path shown = hasParentStep(named) ? joined : joined.normalize();
        Path top = top(shown);
        if (!hasParentStep(named)) {
            // The usual name, walked as it stands: without a link on the way it needs no real path.
            Path inside = named.normalize();
            Opened direct = timed(shown, () -> openBelow(top, inside, shown, true));
            if (direct != null) {
                return direct;
            }
        }
        Path real;
        try {
            real = joined.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refusal(Reason.MISSING, shown, "no file at " + shown);
        } catch (IOException e) {
            if (!Files.exists(joined)) {
                throw new Refusal(Reason.MISSING, shown, "no file at " + shown);
            }
            throw new Refusal(Reason.UNREADABLE, shown, reason(e));
        }
        if (!real.startsWith(top)) {
            throw new Refusal(Reason.ESCAPE, real, "a symbolic link to " + real);
        }
        Opened opened = timed(shown, () -> openBelow(top, top.relativize(real), real, false));
        if (opened == null) {
            throw new Refusal(Reason.UNREADABLE, real, "no file can be opened below " + top + " here");
        }
        return opened;
    }

    /** The folder's real path, found once: links in the path to the root are the user's own. */
    private Path top(Path shown) throws Refusal {
        Path known = top;
        if (known == null) {
            try {
                known = folder.toRealPath();
            } catch (IOException e) {
                throw new Refusal(Reason.MISSING, shown, "the images root " + folder + " does not exist");
            }
            top = known;
        }
        return known;
    }

    private interface Opening {
        Opened open() throws IOException, Refusal;
    }

    /** Runs an open on a helper thread, abandoning it (and closing what it opens late) past the timeout. */
    private Opened timed(Path shown, Opening opening) throws Refusal {
        // Whoever sets it first decides: the opener delivering, or the caller giving up.
        AtomicBoolean decided = new AtomicBoolean();
        Future<Opened> result;
        try {
            result = openers.submit(() -> {
                Opened opened = opening.open();
                if (!decided.compareAndSet(false, true)) {
                    if (opened != null) {
                        opened.close();
                    }
                    return null;
                }
                return opened;
            });
        } catch (RejectedExecutionException e) {
            throw new Refusal(Reason.UNREADABLE, shown, MAX_OPENERS + " earlier opens are stuck (FIFOs or devices in "
                    + "the place of images?); no further file is opened");
        }
        try {
            try {
                return result.get(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (decided.compareAndSet(false, true)) {
                    throw new Refusal(Reason.UNREADABLE, shown, "opening it took longer than "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: it was replaced by a FIFO or device "
                            + "while it was checked, or its disk is stuck");
                }
                return result.get(); // delivered just now
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal r) {
                throw r;
            }
            throw new Refusal(Reason.UNREADABLE, shown, e.getCause() instanceof IOException io ? reason(io)
                    : String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            if (!decided.compareAndSet(false, true)) {
                closeQuietly(result); // delivered: it completes at once
            }
            Thread.currentThread().interrupt();
            throw new Refusal(Reason.UNREADABLE, shown, "interrupted while opening it");
        }
    }

    /** What went wrong, without the path the message already names. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static boolean hasParentStep(Path named) {
        for (Path part : named) {
            if (part.toString().equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Future<Opened> done) {
        try {
            Opened opened = done.get();
            if (opened != null) {
                opened.close();
            }
        } catch (ExecutionException | InterruptedException | IOException e) {
            // nothing was opened, or it cannot be closed: either way nothing is left to do
        }
    }

    /**
     * Opens {@code inside} (relative to {@code top}) without following any link.
     *
     * @param named whether {@code inside} is the name as given (links not yet resolved: a link
     *     on the way gives {@code null}, to resolve it) or a real path found just before (a link
     *     there now appeared since)
     */
    private Opened openBelow(Path top, Path inside, Path shown, boolean named) throws IOException, Refusal {
        if (inside.toString().isEmpty()) {
            throw new Refusal(Reason.NOT_REGULAR, shown, "the images root itself");
        }
        DirectoryStream<Path> start = Files.newDirectoryStream(top);
        if (!(start instanceof SecureDirectoryStream<Path> secure)) {
            start.close();
            return named ? null : openByRealPath(top.resolve(inside));
        }
        SecureDirectoryStream<Path> dir = secure;
        try {
            Path at = top;
            for (int i = 0; i < inside.getNameCount() - 1; i++) {
                Path name = inside.getName(i);
                at = at.resolve(name);
                BasicFileAttributes a = attributes(dir, name, shown);
                if (named && a.isSymbolicLink()) {
                    return null;
                }
                if (!a.isDirectory()) {
                    throw named ? new Refusal(Reason.MISSING, shown, "no file at " + shown) : changed(at, a);
                }
                SecureDirectoryStream<Path> next;
                try {
                    next = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw changed(at, attributes(dir, name, shown));
                }
                dir.close();
                dir = next;
            }
            Path name = inside.getFileName();
            Path file = at.resolve(name);
            BasicFileAttributes a = attributes(dir, name, shown);
            if (named && a.isSymbolicLink()) {
                return null;
            }
            if (!a.isRegularFile()) {
                throw a.isSymbolicLink() ? changed(file, a) : notRegular(file, a);
            }
            SeekableByteChannel channel;
            try {
                channel = dir.newByteChannel(name, READ_NO_LINK);
            } catch (IOException e) {
                BasicFileAttributes now = attributes(dir, name, shown);
                if (!now.isRegularFile()) {
                    throw changed(file, now);
                }
                throw e;
            }
            if (!(channel instanceof FileChannel opened)) {
                channel.close();
                throw new Refusal(Reason.UNREADABLE, file, "not a file channel");
            }
            return new Opened(file, opened);
        } finally {
            dir.close();
        }
    }

    /** Where there are no directory handles: the real path, no final link, then the same check again. */
    private Opened openByRealPath(Path real) throws IOException, Refusal {
        BasicFileAttributes before = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!before.isRegularFile()) {
            throw before.isSymbolicLink() ? changed(real, before) : notRegular(real, before);
        }
        FileChannel channel = FileChannel.open(real, READ_NO_LINK);
        try {
            BasicFileAttributes after = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!real.toRealPath().equals(real) || !Objects.equals(before.fileKey(), after.fileKey())
                    || !after.isRegularFile()) {
                throw changed(real, after);
            }
        } catch (IOException | Refusal | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new Opened(real, channel);
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name, Path shown)
            throws IOException, Refusal {
        try {
            return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            throw new Refusal(Reason.MISSING, shown, "no file at " + shown);
        }
    }

    private static Refusal changed(Path at, BasicFileAttributes now) {
        if (now.isSymbolicLink()) {
            return new Refusal(Reason.ESCAPE, at, "a symbolic link appeared at " + at + " while it was checked");
        }
        return new Refusal(Reason.UNREADABLE, at, "it changed while it was checked (now " + kind(now) + ")");
    }

    private static Refusal notRegular(Path at, BasicFileAttributes a) {
        return new Refusal(Reason.NOT_REGULAR, at, kind(a));
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        return a.isRegularFile() ? "a regular file" : "a FIFO, socket or device";
    }
}
