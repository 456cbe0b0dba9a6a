package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.record.RecordStats;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.internal.LineSource;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Examines lines on a pool of threads while keeping their order: the reading thread copies
 * consecutive lines into batches of up to a quarter megabyte, workers examine whole batches, and
 * {@link #next()} hands the results back one by one in line order. At most two batches per
 * thread are in flight, so memory stays bounded.
 *
 * <p>The reading thread is one of the threads: while the batch it needs next is not done, it
 * examines a batch no worker has started, and the pool has one thread less. With a pool of as
 * many workers as threads, three threads shared two cores: the reading thread, woken when its
 * batch was done, waited for a core while the workers ran dry (measured: 1.73 of 2 cores busy,
 * and 1.93 this way).
 */
final class ParallelLines implements Closeable {

    private static final int BATCH_LINES = 8192;

    /**
     * Bytes per batch: a quarter megabyte, less on a small heap. Batches in flight hold their
     * bytes and their records until merged; on a 64 MB heap beside the image index, megabyte
     * batches (each a humongous object to G1) ran it out of memory once the workers got faster
     * than the merge. Smaller batches also end a file sooner: the last one has a thread alone.
     * A 1024th of the heap, at least 64 KB: on a 64 MB heap quarter-megabyte batches left so
     * little room beside the index that the young collections, each copying the batches in
     * flight, took a third of the time (about 520 pauses over a 1 GB file; 64 KB batches,
     * about 210 and 12% less time; 32 KB, no better).
     */
    private final int batchBytes = (int) Math.max(64 << 10, Math.min(256 << 10, Runtime.getRuntime().maxMemory() / 1024));

    private final LineSource lines;
    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<LineWork> works = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<FutureTask<Examined>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private final ValidatorConfig config;
    private final boolean fingerprints;
    private boolean eof;
    /** Whether the reader's current line is still to be put in a batch (it did not fit the last). */
    private boolean held;
    /** Lines in the last batch read. */
    private int lastSize;
    private Examined batch;
    private int position;
    /** Statistics per task of the batches merged so far. */
    private final RecordStats[] consumed = new RecordStats[io.github.visionjsonl.Task.values().length];

    /** A batch's results with the statistics of its records, per task. */
    private record Examined(List<LineResult> results, RecordStats[] stats) {
    }

    /** Lines copied out of the reader, with what the reader knew about each. */
    private record Batch(byte[] data, int used, long[] numbers, int[] starts, int[] lengths, long[] skipped, boolean[] ascii,
            boolean bom, int size) {
    }

    ParallelLines(ValidatorConfig config, LineSource lines, boolean fingerprints) {
        this.config = config;
        this.fingerprints = fingerprints;
        this.lines = lines;
        this.maxInFlight = config.threads() * 2;
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.threads() - 1), r -> {
            Thread t = new Thread(r, "vision-jsonl-lines");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next line's result in line order, or null at the end. */
    LineResult next() throws IOException {
        while (batch == null || position == batch.results().size()) {
            if (batch != null) {
                add(batch.stats());
                batch = null;
            }
            fill();
            FutureTask<Examined> head = inFlight.poll();
            if (head == null) {
                return null;
            }
            help(head);
            try {
                batch = head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while validating", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed", e.getCause());
            }
            position = 0;
        }
        return batch.results().get(position++);
    }

    /** Examines batches no worker has started, the head first, until the head is done. */
    private void help(FutureTask<Examined> head) {
        // run() returns at once for a batch a worker has started or finished.
        head.run();
        for (FutureTask<Examined> batch : inFlight) {
            if (head.isDone()) {
                return;
            }
            batch.run();
        }
    }

    private void add(RecordStats[] stats) {
        for (int t = 0; t < stats.length; t++) {
            if (stats[t] != null) {
                if (consumed[t] == null) {
                    consumed[t] = new RecordStats();
                }
                consumed[t].mergeFrom(stats[t]);
            }
        }
    }

    /**
     * The statistics of a task over the lines handed out so far: whole batches, and the counted
     * records of a batch left part way (reading stopped at an error).
     */
    RecordStats consumed(io.github.visionjsonl.Task task) {
        RecordStats total = new RecordStats();
        if (consumed[task.ordinal()] != null) {
            total.mergeFrom(consumed[task.ordinal()]);
        }
        if (batch != null) {
            for (int i = 0; i < position; i++) {
                LineResult r = batch.results().get(i);
                if (r.counted && r.record.task() == task) {
                    total.add(r.line, r.record, r.integerNames, r.stringNames);
                }
            }
        }
        return total;
    }

    private void fill() throws IOException {
        while (!eof && inFlight.size() < maxInFlight) {
            Batch b = read();
            if (b == null) {
                eof = true;
                return;
            }
            FutureTask<Examined> task = new FutureTask<>(() -> examine(b));
            inFlight.add(task);
            pool.execute(task);
        }
    }

    private Batch read() throws IOException {
        // The arrays are sized for about as many lines as the last batch had: growing them by
        // doubling from a few dozen cost more than the copying of the lines themselves.
        int expected = Math.min(BATCH_LINES, lastSize + lastSize / 8 + 16);
        byte[] data = new byte[batchBytes];
        long[] numbers = new long[expected];
        int[] starts = new int[expected];
        int[] lengths = new int[expected];
        long[] skipped = new long[expected];
        boolean[] ascii = new boolean[expected];
        boolean bom = false;
        int size = 0;
        int used = 0;
        while (used < batchBytes && size < BATCH_LINES && (held || lines.next())) {
            held = false;
            int length = lines.length();
            if (used + length + 1 > data.length) {
                if (size > 0) {
                    // Not in this batch: the next one starts with it (the reader still has it),
                    // rather than doubling a full batch for one line.
                    held = true;
                    break;
                }
                data = new byte[length + 1];
            }
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                skipped = Arrays.copyOf(skipped, size * 2);
                ascii = Arrays.copyOf(ascii, size * 2);
            }
            System.arraycopy(lines.buffer(), lines.start(), data, used, length);
            numbers[size] = lines.lineNumber();
            starts[size] = used;
            lengths[size] = length;
            skipped[size] = lines.tooLong() ? lines.skippedLength() : -1;
            ascii[size] = !lines.highBytes();
            bom |= lines.lineNumber() == 1 && lines.byteOrderMark();
            // Lines stay separated by a newline, so that one parser can read them in sequence.
            data[used + length] = '\n';
            used += length + 1;
            size++;
        }
        lastSize = size;
        return size == 0 ? null : new Batch(data, used, numbers, starts, lengths, skipped, ascii, bom, size);
    }

    private Examined examine(Batch b) {
        LineWork work = works.poll();
        if (work == null) {
            work = new LineWork(config, fingerprints);
        }
        try {
            List<LineResult> results = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) {
                results.add(work.process(b.numbers()[i], b.data(), b.starts()[i], b.lengths()[i], b.used(), 0,
                        b.skipped()[i], b.bom() && b.numbers()[i] == 1, b.ascii()[i]));
            }
            return new Examined(results, work.takeStats());
        } finally {
            work.releaseParser();
            works.add(work);
        }
    }

    /** Stops the workers and waits for them, so their statistics can be read. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
