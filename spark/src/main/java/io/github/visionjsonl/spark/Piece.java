package io.github.visionjsonl.spark;

import java.io.Serializable;

/**
 * A byte range of one input file whose lines a part reads: the lines whose first byte lies in
 * {@code [start, end)} (a gzip file is one range, start 0, its compressed length).
 *
 * @param file the file's name as the findings give it
 * @param path the file's Hadoop path
 * @param start the first byte of the range
 * @param end the byte after the range
 * @param gzip whether the file is gzip-compressed (by its magic bytes)
 * @param fileLinesBefore the dataset's lines before the file's first line
 */
record Piece(String file, String path, long start, long end, boolean gzip, long fileLinesBefore)
        implements Serializable {
}
