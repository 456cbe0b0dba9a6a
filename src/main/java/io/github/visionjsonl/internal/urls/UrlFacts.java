package io.github.visionjsonl.internal.urls;


/**
 * What a record's image URL is, found once per line: the URL rule, the format rule, the
 * fingerprint and the statistics each need part of it, and on short lines finding it four times
 * cost a quarter of the line. {@link RecentDatastores} finds most of it from an earlier URL.
 *
 * @param parts {@link ImageUrls#parts} of the URL, -1 when it is no datastore URL or missing
 * @param extensionFamily {@link ImageFormats#extensionFamily} of the URL, null when missing
 * @param datastoreHash {@link ImageUrls#datastoreHash} of a datastore URL, 0 when none
 * @param workspaceHash {@link ImageUrls#workspaceHash} of a long-form {@code azureml://} URL, 0
 *     when the URL names no workspace
 */
public record UrlFacts(long parts, String extensionFamily, long datastoreHash, long workspaceHash) {

    static final UrlFacts NONE = new UrlFacts(-1, null, 0, 0);

    /** The facts of a URL, found afresh. */
    static UrlFacts of(String url) {
        if (url == null) {
            return NONE;
        }
        long parts = ImageUrls.parts(url);
        return new UrlFacts(parts, ImageFormats.extensionFamily(url), parts < 0 ? 0 : ImageUrls.datastoreHash(url, parts),
                parts < 0 ? 0 : ImageUrls.workspaceHash(url, parts));
    }
}
