package io.github.visionjsonl;

import java.nio.file.Path;

/**
 * Where {@link DatasetValidator#validate(Path, LineSplit)} writes the lines of a file: every line
 * without an error finding to the accepted file, byte for byte with {@code \n} after each; every
 * line with one to the rejected file, one JSON object per line
 * ({@code {"line": 7, "findings": [{"code": ..., "severity": ..., "pointer": ..., "message": ...}], "text": "..."}},
 * {@code "base64"} instead of {@code "text"} when the line is not UTF-8). Blank lines go to
 * neither. Both are new files, written atomically, never over an existing file.
 *
 * @param accepted the file for the accepted lines, or {@code null} not to write them
 * @param rejected the file for the rejected lines, or {@code null} not to write them
 */
public record LineSplit(Path accepted, Path rejected) {

    /**
     * Checks that there is something to write.
     *
     * @throws IllegalArgumentException when both are null or the same file
     */
    public LineSplit {
        if (accepted == null && rejected == null) {
            throw new IllegalArgumentException("give an accepted or a rejected file");
        }
        if (accepted != null && accepted.toAbsolutePath().normalize().equals(
                rejected == null ? null : rejected.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the accepted and the rejected file are the same: " + accepted);
        }
    }

    /** Only the accepted lines. */
    public static LineSplit accepted(Path file) {
        return new LineSplit(file, null);
    }

    /** Only the rejected lines. */
    public static LineSplit rejected(Path file) {
        return new LineSplit(null, file);
    }
}
