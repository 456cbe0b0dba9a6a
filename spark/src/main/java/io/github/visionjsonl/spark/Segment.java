package io.github.visionjsonl.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One part of the dataset, read by one Spark task: its pieces in order (one, except for a first
 * part that reaches the line the task is detected from) and the dataset's lines before it.
 *
 * @param id the part's position in the dataset
 * @param pieces its byte ranges, in the dataset's order
 * @param linesBefore the dataset's lines before its first line
 * @param lines the count of its lines
 */
record Segment(int id, List<Piece> pieces, long linesBefore, long lines) implements Serializable {

    /** The piece holding a line of this part, for the findings' file and line in it. */
    Piece pieceOf(long line) {
        Piece found = pieces.get(0);
        for (Piece p : pieces) {
            if (p.fileLinesBefore() < line) {
                found = p;
            }
        }
        return found;
    }
}
