package io.github.visionjsonl.spark;

import io.github.visionjsonl.report.Finding;
import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One finding as a row of the findings {@code Dataset<Row>}: the file it is in and its line in
 * that file (0 for a finding about the whole dataset, whose file is the dataset's name).
 */
record FindingRow(String file, long line, int column, String pointer, String code, String severity, String message)
        implements Serializable {

    /** The columns of the findings: file, line, column, pointer, code, severity, message. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("column", DataTypes.IntegerType, false),
        DataTypes.createStructField("pointer", DataTypes.StringType, false),
        DataTypes.createStructField("code", DataTypes.StringType, false),
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("message", DataTypes.StringType, false)});

    /** A finding of a part's line, placed in its file. */
    static FindingRow of(Segment segment, Finding f) {
        Piece piece = segment.pieceOf(f.line());
        return of(piece.file(), f.line() - piece.fileLinesBefore(), f);
    }

    static FindingRow of(String file, long line, Finding f) {
        return new FindingRow(file, line, f.column(), f.pointer(), f.code(), f.severity().name().toLowerCase(java.util.Locale.ROOT),
                f.message());
    }

    Row toRow() {
        return RowFactory.create(file, line, column, pointer, code, severity, message);
    }
}
