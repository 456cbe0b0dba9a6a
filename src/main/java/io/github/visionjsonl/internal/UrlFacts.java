package io.github.visionjsonl.internal;

import io.github.visionjsonl.rules.internal.ImageFormats;

/**
 * What a record's image URL is, found once per line: the URL rule, the format rule, the
 * fingerprint and the statistics each need part of it, and on short lines finding it four times
 * cost a quarter of the line.
 *
 * @param url the URL, null when missing
 * @param parts {@link ImageUrls#parts} of the URL, -1 when it is no datastore URL or missing
 * @param extensionFamily {@link ImageFormats#extensionFamily} of the URL, null when missing
 * @param datastoreHash {@link ImageUrls#datastoreHash} of a datastore URL, 0 when none
 */
record UrlFacts(String url, long parts, String extensionFamily, long datastoreHash) {

    static final UrlFacts NONE = new UrlFacts(null, -1, null, 0);

    static UrlFacts of(String url) {
        return of(url, new UrlFacts[1]);
    }

    /**
     * The facts of a URL, taking what it shares with a recent datastore URL (a dataset names a
     * few datastores, each in one spelling, line after line), and keeping it among them.
     *
     * @param recent the facts of recent datastore URLs, most recent first, null after the last
     */
    static UrlFacts of(String url, UrlFacts[] recent) {
        if (url == null) {
            return NONE;
        }
        String extensionFamily = ImageFormats.extensionFamily(url);
        for (UrlFacts earlier : recent) {
            if (earlier == null) {
                break;
            }
            if (url.regionMatches(0, earlier.url, 0, ImageUrls.pathStart(earlier.parts))) {
                long parts = ImageUrls.partsAfterSamePrefix(url, earlier.parts);
                return new UrlFacts(url, parts, extensionFamily, parts < 0 ? 0 : earlier.datastoreHash);
            }
        }
        long parts = ImageUrls.parts(url);
        if (parts < 0) {
            return new UrlFacts(url, parts, extensionFamily, 0);
        }
        UrlFacts facts = new UrlFacts(url, parts, extensionFamily, ImageUrls.datastoreHash(url, parts));
        System.arraycopy(recent, 0, recent, 1, recent.length - 1);
        recent[0] = facts;
        return facts;
    }
}
