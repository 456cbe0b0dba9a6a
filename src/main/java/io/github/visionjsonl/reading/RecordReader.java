package io.github.visionjsonl.reading;

import io.github.visionjsonl.internal.ValidationRun;
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

    private final ValidationRun run;
    private final Class<R> type;
    private ValidRecord<R> next;
    private boolean done;

    /** Used by {@link io.github.visionjsonl.DatasetValidator#records}. */
    public RecordReader(ValidationRun run, Class<R> type) {
        this.run = run;
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
            return advance();
        }

        @Override
        public ValidRecord<R> next() {
            if (!advance()) {
                throw new NoSuchElementException();
            }
            ValidRecord<R> r = next;
            next = null;
            return r;
        }
    };

    private boolean advance() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            ValidatedLine line;
            while ((line = run.next()) != null) {
                if (line.isValid() && type.isInstance(line.record())) {
                    next = new ValidRecord<>(line.line(), type.cast(line.record()), line.findings());
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        done = true;
        return false;
    }

    /**
     * The report of everything read so far; complete (with the dataset-level findings) once the
     * iteration has ended.
     */
    public ValidationReport report() {
        return run.report();
    }

    @Override
    public void close() throws IOException {
        run.close();
    }
}
