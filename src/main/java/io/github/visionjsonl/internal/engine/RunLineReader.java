package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.reading.LineReader;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A {@link LineReader} over one run: the run yields the lines, one at a time, on the calling thread. */
public final class RunLineReader implements LineReader {

    private final ValidationRun run;
    private ValidatedLine next;
    private boolean done;

    public RunLineReader(ValidationRun run) {
        this.run = run;
    }

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

    @Override
    public ValidationReport report() {
        return run.report();
    }

    @Override
    public void close() throws IOException {
        run.close();
    }
}
