package io.github.visionjsonl.reading;

import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.report.Finding;
import java.util.List;

/**
 * A record without error, as yielded by a {@link RecordReader}, with the warnings and infos of
 * its line.
 *
 * @param <R> the record type
 * @param line the 1-based line number
 * @param record the record
 * @param findings the line's findings (none of them an error)
 */
public record ValidRecord<R extends ImageRecord>(long line, R record, List<Finding> findings) {

    /** Copies the findings. */
    public ValidRecord {
        findings = List.copyOf(findings);
    }
}
