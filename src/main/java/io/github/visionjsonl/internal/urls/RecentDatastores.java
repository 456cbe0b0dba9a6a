package io.github.visionjsonl.internal.urls;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last few datastore URLs of distinct beginnings a worker saw, by their beginning up to the
 * path. A URL that begins like one of them has its form, its datastore and where its path
 * starts, and the datastore's share of the fingerprint; only its path is left to check
 * ({@link ImageUrls#partsAfterSamePrefix}). A dataset names a few datastores, each in one
 * spelling, line after line: finding a URL's parts afresh was a tenth of a multi-label line,
 * and comparing a URL with an earlier one char by char still 4%, so the comparison is made on
 * the line's bytes where the URL was a plain ASCII string there (a vectorized comparison).
 * Not thread-safe; one per worker.
 */
public final class RecentDatastores {

    private static final int SIZE = 4;

    private final String[] urls = new String[SIZE];
    private final long[] parts = new long[SIZE];
    private final long[] hashes = new long[SIZE];
    private final long[] workspaces = new long[SIZE];
    /** The URL's bytes up to its path when all are ASCII, else null. */
    private final byte[][] prefixes = new byte[SIZE][];
    /**
     * The facts last handed out for each: the next URL of the datastore has the same ones unless
     * its extension differs, and then costs no allocation.
     */
    private final UrlFacts[] lastFacts = new UrlFacts[SIZE];
    private int count;

    /**
     * The facts of a record's URL.
     *
     * @param line the bytes of the line the URL was read from
     * @param urlStart where the URL's characters start in {@code line}, one byte each, or -1
     *     when they are not there as such (escaped, not ASCII, or the URL came from elsewhere)
     */
    public UrlFacts facts(String url, byte[] line, int urlStart) {
        if (url == null) {
            return UrlFacts.NONE;
        }
        for (int i = 0; i < count; i++) {
            if (startsLike(i, url, line, urlStart)) {
                long p = ImageUrls.partsAfterSamePrefix(url, parts[i]);
                String family = ImageFormats.extensionFamily(url);
                UrlFacts known = lastFacts[i];
                // The family is one of a few constants, "" or null: identity is equality.
                if (known != null && known.parts() == p && known.extensionFamily() == family) {
                    return known;
                }
                UrlFacts facts = new UrlFacts(p, family, p < 0 ? 0 : hashes[i], p < 0 ? 0 : workspaces[i]);
                lastFacts[i] = facts;
                return facts;
            }
        }
        UrlFacts fresh = UrlFacts.of(url);
        if (fresh.parts() >= 0) {
            remember(url, fresh.parts(), fresh.datastoreHash(), fresh.workspaceHash());
        }
        return fresh;
    }

    private boolean startsLike(int i, String url, byte[] line, int urlStart) {
        byte[] prefix = prefixes[i];
        if (urlStart >= 0 && prefix != null) {
            return url.length() >= prefix.length
                    && Arrays.equals(line, urlStart, urlStart + prefix.length, prefix, 0, prefix.length);
        }
        return url.regionMatches(0, urls[i], 0, ImageUrls.pathStart(parts[i]));
    }

    private void remember(String url, long urlParts, long hash, long workspace) {
        int last = Math.min(count, SIZE - 1);
        System.arraycopy(urls, 0, urls, 1, last);
        System.arraycopy(parts, 0, parts, 1, last);
        System.arraycopy(hashes, 0, hashes, 1, last);
        System.arraycopy(workspaces, 0, workspaces, 1, last);
        System.arraycopy(prefixes, 0, prefixes, 1, last);
        System.arraycopy(lastFacts, 0, lastFacts, 1, last);
        lastFacts[0] = null;
        urls[0] = url;
        parts[0] = urlParts;
        hashes[0] = hash;
        workspaces[0] = workspace;
        int length = ImageUrls.pathStart(urlParts);
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = url.charAt(i) < 0x80;
        }
        prefixes[0] = ascii ? url.substring(0, length).getBytes(StandardCharsets.US_ASCII) : null;
        count = Math.min(count + 1, SIZE);
    }
}
