package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.urls.UrlIndex;

/**
 * The first line of each image among images told in line order: the core's duplicate index
 * (about 19 bytes an image), for the engine's side of the checks across lines, where the images
 * of one fingerprint range are brought together. Not thread-safe.
 */
public final class FirstLines {

    private final UrlIndex index = new UrlIndex();

    /**
     * Notes an image's line (lines ascending).
     *
     * @return {@code null} when the image is new, else its first line and that line's label hash
     */
    public long[] repeatOf(long fingerprint, long line, int labelHash) {
        UrlIndex.Seen seen = index.put(fingerprint, line, labelHash);
        return seen == null ? null : new long[] {seen.line(), seen.labelHash()};
    }

    /** The first line of an image told, or -1. */
    public long firstLineOf(long fingerprint) {
        return index.lineOf(fingerprint);
    }
}
