package io.github.visionjsonl.internal;

import io.github.visionjsonl.rules.internal.ImageFormats;

/**
 * What a record's image URL is, found once per line: the URL rule, the format rule, the
 * fingerprint and the statistics each need part of it, and on short lines finding it four times
 * cost a quarter of the line.
 *
 * @param parts {@link ImageUrls#parts} of the URL, -1 when it is no datastore URL or missing
 * @param extensionFamily {@link ImageFormats#extensionFamily} of the URL, null when missing
 */
record UrlFacts(long parts, String extensionFamily) {

    private static final UrlFacts NONE = new UrlFacts(-1, null);

    static UrlFacts of(String url) {
        return url == null ? NONE : new UrlFacts(ImageUrls.parts(url), ImageFormats.extensionFamily(url));
    }
}
