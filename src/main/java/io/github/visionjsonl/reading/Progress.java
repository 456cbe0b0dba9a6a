package io.github.visionjsonl.reading;

/**
 * How far a long validation has come, as reported to a progress listener a few times a second.
 *
 * @param lines lines read so far
 * @param records records among them
 * @param bytesRead bytes of the input read so far (compressed bytes for a gzip file)
 * @param totalBytes the size of the input, or -1 when unknown (a stream)
 * @param elapsedNanos time since reading started
 */
public record Progress(long lines, long records, long bytesRead, long totalBytes, long elapsedNanos) {

    /** Percent of the input read, or -1 when its size is unknown. */
    public double percent() {
        return totalBytes > 0 ? 100.0 * bytesRead / totalBytes : -1;
    }

    /** Records per second so far. */
    public double recordsPerSecond() {
        return elapsedNanos > 0 ? records * 1e9 / elapsedNanos : 0;
    }
}
