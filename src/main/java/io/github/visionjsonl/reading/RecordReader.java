package io.github.visionjsonl.reading;

import io.github.visionjsonl.internal.engine.ValidationRun;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.report.ValidationReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates the valid records of one input, streaming, for pipelines that consume the data while
 * it is checked. Lines with an error are skipped (they are in {@link #report()}); each yielded
 * record comes with its line number and its warnings.
 *
 * <pre>{@code
 * try (RecordReader<DetectionRecord> reader = validator.records(path, DetectionRecord.class)) {
 *     for (ValidRecord<DetectionRecord> r : reader) {
 *         train(r.record());
 *     }
 *     System.out.println(reader.report().errors() + " lines left out");
 * }
 * }</pre>
 *
 * <p>Not thread-safe; iterate it once, from one thread.
 *
 * @param <R> the record type
 */
public final class RecordReader<R extends ImageRecord> implements Iterable<ValidRecord<R>>, Closeable {

    private final LineReader lines;
    private final Iterator<ValidatedLine> all;
    private final Class<R> type;
    private ValidRecord<R> next;

    /** Used by {@link io.github.visionjsonl.DatasetValidator#records}. */
    public RecordReader(ValidationRun run, Class<R> type) {
        this.lines = new LineReader(run);
        this.all = lines.iterator();
        this.type = type;
    }

    /**
     * The records; the input is read once, so every call returns the same single-pass iterator.
     * Its methods throw {@link UncheckedIOException} when reading the input fails.
     */
    @Override
    public Iterator<ValidRecord<R>> iterator() {
        return records;
    }

    /** The records as a sequential stream (single pass, like {@link #iterator()}). */
    public java.util.stream.Stream<ValidRecord<R>> stream() {
        return java.util.stream.StreamSupport.stream(spliterator(), false);
    }

    private final Iterator<ValidRecord<R>> records = new Iterator<>() {
        @Override
        public boolean hasNext() {
            while (next == null && all.hasNext()) {
                ValidatedLine line = all.next();
                if (line.isValid() && type.isInstance(line.record())) {
                    next = new ValidRecord<>(line.line(), type.cast(line.record()), line.findings());
                }
            }
            return next != null;
        }

        @Override
        public ValidRecord<R> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ValidRecord<R> r = next;
            next = null;
            return r;
        }
    };

    /**
     * The report of everything read so far; complete (with the dataset-level findings) once the
     * iteration has ended.
     */
    public ValidationReport report() {
        return lines.report();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
