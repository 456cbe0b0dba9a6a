package io.github.visionjsonl.spark;

import io.github.visionjsonl.report.ValidationReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A dataset validated on Spark: the report the core gives for it, and every finding as a
 * {@code Dataset<Row>} (columns file, line, column, pointer, code, severity, message; the line
 * in its file) to write to Parquet or Delta. The findings are computed already and kept by
 * Spark (memory, else disk) until {@link #close()}.
 *
 * @param report the report, equal to {@code DatasetValidator.validate} on one machine
 * @param findings every finding (the core makes no message for a line's findings past
 *     {@code maxFindings}: those are counted in the report only)
 */
public record SparkValidation(ValidationReport report, Dataset<Row> findings) implements AutoCloseable {

    /** Lets Spark drop the findings it keeps. */
    @Override
    public void close() {
        findings.unpersist();
    }
}
