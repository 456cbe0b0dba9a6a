package io.github.visionjsonl.reading;

import io.github.visionjsonl.internal.engine.ValidationRun;
import io.github.visionjsonl.report.ValidationReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates the verdict on every line of one input, valid or not, for tools that handle broken
 * lines themselves (a repair, a filter). Single pass, one thread; see {@link RecordReader} for
 * the valid records only.
 */
public final class LineReader implements Iterable<ValidatedLine>, Closeable {

    private final ValidationRun run;
    private ValidatedLine next;
    private boolean done;

    /** Used by {@link io.github.visionjsonl.DatasetValidator#lines}. */
    public LineReader(ValidationRun run) {
        this.run = run;
    }

    /** The lines; every call returns the same single-pass iterator. Reading failures are {@link UncheckedIOException}s. */
    @Override
    public Iterator<ValidatedLine> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = run.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public ValidatedLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ValidatedLine line = next;
                next = null;
                return line;
            }
        };
    }

    /** The report of everything read so far; complete once the iteration has ended. */
    public ValidationReport report() {
        return run.report();
    }

    @Override
    public void close() throws IOException {
        run.close();
    }
}
