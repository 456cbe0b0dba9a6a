package io.github.visionjsonl.reading;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.report.ValidationReport;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * <p>Not thread-safe; iterate it once, from one thread. Obtained from
 * {@link io.github.visionjsonl.DatasetValidator#records}.
 *
 * @param <R> the record type
 */
public interface RecordReader<R extends ImageRecord> extends Iterable<ValidRecord<R>>, Closeable {

    /**
     * The records; the input is read once, so every call returns the same single-pass iterator.
     * Its methods throw {@link UncheckedIOException} when reading the input fails.
     */
    @Override
    Iterator<ValidRecord<R>> iterator();

    /** The records as a sequential stream (single pass, like {@link #iterator()}). */
    default Stream<ValidRecord<R>> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    /**
     * The report of everything read so far; complete (with the dataset-level findings) once the
     * iteration has ended.
     */
    ValidationReport report();
}
