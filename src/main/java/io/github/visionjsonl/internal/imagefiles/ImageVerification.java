package io.github.visionjsonl.internal.imagefiles;

import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.images.internal.content.ContentAnalysis;
import io.github.visionjsonl.internal.findings.LineHash;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads the images of a file on a bounded pool while the lines go on being read. At most a few
 * checks per thread wait at any time (the reader blocks beyond that), and a check keeps nothing
 * of its image but the problems it found.
 */
public final class ImageVerification implements Closeable {

    /**
     * The problems of one line's image, for the reading thread to report. The line's bytes are
     * gone by then, so its findings carry the hash of the image's URL instead.
     *
     * @param keptAnnotations what training kept of the line before its image was checked, -1
     *     when the line was dropped already
     * @param content what its pixels show, when the content is looked at (else null)
     */
    public record Result(long line, int column, long lineHash, boolean lineValid, long keptAnnotations,
            List<ImageChecker.Problem> problems, ContentAnalysis.Content content) {
    }

    private final ImageChecker checker;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Result> done = new ConcurrentLinkedQueue<>();
    private final int capacity;
    /** Whether every check reports back, also without a problem: content is judged in line order. */
    private final boolean everyResult;

    public ImageVerification(ImageOptions options) {
        this.everyResult = options.content() != null;
        this.checker = new ImageChecker(options);
        this.capacity = options.threads() * 4;
        this.slots = new Semaphore(capacity);
        this.pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "vision-jsonl-images");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks an image now, on the calling thread. */
    public ImageChecker.Checked checkNow(ImageChecker.Expectation e) {
        return checker.checkAll(e);
    }

    /** Queues the check of one line's image; blocks while the queue is full. */
    public void submit(long line, int column, boolean lineValid, long keptAnnotations, ImageChecker.Expectation e) {
        slots.acquireUninterruptibly();
        try {
            pool.execute(() -> {
                try {
                    ImageChecker.Checked checked = checker.checkAll(e);
                    if (everyResult || !checked.problems().isEmpty()) {
                        done.add(new Result(line, column, urlHash(e.url()), lineValid, keptAnnotations, checked.problems(),
                                checked.content()));
                    }
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException ex) {
            slots.release();
            throw ex;
        }
    }

    /** The hash image findings are matched on: the URL's, the line's bytes being gone when the image is checked. */
    static long urlHash(String url) {
        if (url == null) {
            return 0;
        }
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return LineHash.of(bytes, 0, bytes.length);
    }

    /** The next finished result, or null. */
    public Result poll() {
        return done.poll();
    }

    /** Waits until every queued check has finished. */
    public void awaitAll() {
        slots.acquireUninterruptibly(capacity);
        slots.release(capacity);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
