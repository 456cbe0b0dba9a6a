package io.github.visionjsonl.reading;

import io.github.visionjsonl.report.ValidationReport;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Iterates the verdict on every line of one input, valid or not, for tools that handle broken
 * lines themselves (a repair, a filter). Single pass, one thread; see {@link RecordReader} for
 * the valid records only. Obtained from {@link io.github.visionjsonl.DatasetValidator#lines}.
 */
public interface LineReader extends Iterable<ValidatedLine>, Closeable {

    /** The lines; every call returns the same single-pass iterator. Reading failures are {@link UncheckedIOException}s. */
    @Override
    Iterator<ValidatedLine> iterator();

    /** The report of everything read so far; complete once the iteration has ended. */
    ValidationReport report();
}
