package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.reading.internal.LineSource;
import java.util.function.Consumer;

/** Tells a run's listener how far it has read, a few times a second. */
final class ProgressTicker {

    private final Consumer<Progress> listener;
    /** The input's size, or -1 when unknown. */
    private final long totalBytes;
    private long startNanos;
    private long lastNanos;

    ProgressTicker(Consumer<Progress> listener, long totalBytes) {
        this.listener = listener;
        this.totalBytes = totalBytes;
    }

    void start() {
        startNanos = System.nanoTime();
    }

    /** After each line: the clock is looked at every 4096 lines, the listener told at most every quarter second. */
    void line(long lines, long records, LineSource source) {
        if ((lines & 0xFFF) == 0) {
            long now = System.nanoTime();
            if (now - lastNanos > 250_000_000L) {
                lastNanos = now;
                listener.accept(new Progress(lines, records, source.bytesRead(), totalBytes, now - startNanos));
            }
        }
    }

    void done(long lines, long records, LineSource source) {
        listener.accept(new Progress(lines, records, source.bytesRead(), totalBytes, System.nanoTime() - startNanos));
    }
}
