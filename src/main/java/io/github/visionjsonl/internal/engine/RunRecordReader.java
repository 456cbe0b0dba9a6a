package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.LineReader;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A {@link RecordReader} over one run: its lines without an error whose record is of the type
 * asked for.
 *
 * @param <R> the record type
 */
public final class RunRecordReader<R extends ImageRecord> implements RecordReader<R> {

    private final LineReader lines;
    private final Iterator<ValidatedLine> all;
    private final Class<R> type;
    private ValidRecord<R> next;

    public RunRecordReader(ValidationRun run, Class<R> type) {
        this.lines = new RunLineReader(run);
        this.all = lines.iterator();
        this.type = type;
    }

    @Override
    public Iterator<ValidRecord<R>> iterator() {
        return records;
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

    @Override
    public ValidationReport report() {
        return lines.report();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
