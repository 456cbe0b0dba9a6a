package io.github.visionjsonl.internal.urls;


/**
 * The datastore URL forms: what image a URL names, whatever form it is written in. Parsed by
 * hand, without regular expressions: this runs on every line.
 */
public final class ImageUrls {

    private static final String AML = "amldatastore://";
    private static final String AZUREML = "azureml://";

    /** The bit of {@link #parts} set for the {@code azureml://} forms. */
    public static final long AZUREML_FORM = 1L << 60;

    private ImageUrls() {
    }

    /** A datastore URL split into its datastore and the path inside it. */
    public record DatastorePath(String datastore, String path) {
    }

    /** Whether the URL starts with {@code AmlDatastore://}, in any case. */
    public static boolean isAml(String url) {
        // The usual spelling first, and a cheap refusal of other URLs: the case-insensitive
        // comparison is several times slower.
        if (url.startsWith("AmlDatastore://")) {
            return true;
        }
        return url.length() > 2 && (url.charAt(0) | 0x20) == 'a' && (url.charAt(1) | 0x20) == 'm'
                && url.regionMatches(true, 0, AML, 0, AML.length());
    }

    /** Whether the URL starts with {@code azureml://}, in any case. */
    public static boolean isAzureml(String url) {
        if (url.startsWith(AZUREML)) {
            return true;
        }
        return url.length() > 2 && (url.charAt(0) | 0x20) == 'a' && (url.charAt(1) | 0x20) == 'z'
                && url.regionMatches(true, 0, AZUREML, 0, AZUREML.length());
    }

    private static boolean startsAt(String url, int at, String lowerCase) {
        return url.startsWith(lowerCase, at) || url.regionMatches(true, at, lowerCase, 0, lowerCase.length());
    }

    /**
     * Where the datastore name starts in an {@code azureml://} URL of either form, or -1 when the
     * URL is not {@code azureml://[subscriptions/<s>/resourcegroups/<rg>/workspaces/<ws>/]datastores/<ds>/paths/<path>}
     * with non-empty parts.
     */
    private static int azuremlDatastore(String url) {
        int i = AZUREML.length();
        if (startsAt(url, i, "subscriptions/")) {
            i = segment(url, i + 14);
            if (i < 0 || !startsAt(url, i, "resourcegroups/")) {
                return -1;
            }
            i = segment(url, i + 15);
            if (i < 0 || !startsAt(url, i, "workspaces/")) {
                return -1;
            }
            i = segment(url, i + 11);
            if (i < 0) {
                return -1;
            }
        }
        if (!startsAt(url, i, "datastores/")) {
            return -1;
        }
        return i + 11;
    }

    /** The index after the non-empty segment starting at {@code from} and its slash, or -1. */
    private static int segment(String url, int from) {
        int slash = url.indexOf('/', from);
        return slash > from ? slash + 1 : -1;
    }

    private static boolean hasNonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the parts of a datastore URL in one of the three forms are, packed in a long
     * (datastore start, datastore end, path start, 20 bits each, and {@link #AZUREML_FORM} for
     * the {@code azureml://} forms), or -1 when the URL is not one. Allocates nothing: this runs
     * on every line, once; the URL rule, the fingerprint and the statistics all take its result.
     */
    public static long parts(String url) {
        int dsStart;
        int dsEnd;
        int pathStart;
        long form = 0;
        if (isAml(url)) {
            dsStart = AML.length();
            dsEnd = url.indexOf('/', dsStart);
            pathStart = dsEnd + 1;
            if (dsEnd <= dsStart || !hasNonBlank(url, pathStart)) {
                return -1;
            }
        } else if (isAzureml(url)) {
            dsStart = azuremlDatastore(url);
            if (dsStart < 0) {
                return -1;
            }
            dsEnd = url.indexOf('/', dsStart);
            if (dsEnd <= dsStart || !startsAt(url, dsEnd + 1, "paths/")) {
                return -1;
            }
            pathStart = dsEnd + 7;
            // A path that starts with "/" is taken as absolute by the loader, which then finds no image.
            if (pathStart >= url.length() || url.charAt(pathStart) == '/') {
                return -1;
            }
            form = AZUREML_FORM;
        } else {
            return -1;
        }
        if (pathStart >= 1 << 20) {
            return -1; // absurdly long datastore part: treated as no datastore URL
        }
        return form | (long) dsStart << 40 | (long) dsEnd << 20 | pathStart;
    }

    /**
     * {@link #parts} of a URL that is the same as an earlier URL with these parts up to where
     * that one's path starts ({@link #pathStart}): then so are the form, the datastore and where
     * the path starts, and only the path is left to check. The lines of a dataset mostly share
     * one datastore, and finding its parts was a tenth of a multi-label line's time.
     */
    static long partsAfterSamePrefix(String url, long earlierParts) {
        int pathStart = pathStart(earlierParts);
        if ((earlierParts & AZUREML_FORM) == 0) {
            return hasNonBlank(url, pathStart) ? earlierParts : -1;
        }
        return pathStart >= url.length() || url.charAt(pathStart) == '/' ? -1 : earlierParts;
    }

    /**
     * The path of an {@code azureml://} URL that would be well formed but for the "/" its path
     * starts with ({@code .../paths//images/a.jpg} gives {@code images/a.jpg}), or null.
     */
    public static String absolutePath(String url) {
        if (!isAzureml(url)) {
            return null;
        }
        int paths = url.toLowerCase(java.util.Locale.ROOT).indexOf("/paths/");
        if (paths < 0 || paths + 7 >= url.length() || url.charAt(paths + 7) != '/') {
            return null;
        }
        int i = paths + 7;
        while (i < url.length() && url.charAt(i) == '/') {
            i++;
        }
        String rest = url.substring(i);
        String fixed = url.substring(0, paths + 7) + rest;
        return !rest.isBlank() && parts(fixed) >= 0 ? rest : null;
    }

    private static int datastoreStart(long parts) {
        return (int) (parts >>> 40) & 0xFFFFF;
    }

    private static int datastoreEnd(long parts) {
        return (int) (parts >>> 20) & 0xFFFFF;
    }

    /** Where the path of a datastore URL with these {@link #parts} starts. */
    static int pathStart(long parts) {
        return (int) parts & 0xFFFFF;
    }

    /** Whether the URL is a well-formed datastore URL in one of the three forms; allocates nothing. */
    public static boolean isDatastoreUrl(String url) {
        return parts(url) >= 0;
    }

    /** The datastore and path of a datastore URL in any of its three forms, or {@code null}. */
    public static DatastorePath datastorePath(String url) {
        long parts = parts(url);
        if (parts < 0) {
            return null;
        }
        return new DatastorePath(url.substring(datastoreStart(parts), datastoreEnd(parts)), url.substring(pathStart(parts)));
    }

    /**
     * A 64-bit fingerprint of the image a URL names: {@code AmlDatastore://ds/a.jpg} and
     * {@code azureml://datastores/ds/paths/a.jpg} have the same one (datastore names compared
     * without case, paths with case).
     */
    public static long fingerprint(String url) {
        return fingerprint(url, parts(url));
    }

    /** {@link #fingerprint(String)} of a URL whose {@link #parts} the caller already has. */
    public static long fingerprint(String url, long urlParts) {
        return fingerprint(url, urlParts, 0);
    }

    /**
     * {@link #fingerprint(String)} of a URL whose {@link #parts} and {@link #datastoreHash} the
     * caller already has (0 when it has not).
     */
    public static long fingerprint(String url, long urlParts, long datastoreHash) {
        int from = 0;
        int to = url.length();
        while (from < to && url.charAt(from) <= ' ' && Character.isWhitespace(url.charAt(from))) {
            from++;
        }
        while (to > from && url.charAt(to - 1) <= ' ' && Character.isWhitespace(url.charAt(to - 1))) {
            to--;
        }
        String u = url;
        long parts = urlParts;
        if (from > 0 || to < url.length()) {
            // Surrounding white space is not part of the image's name.
            u = url.substring(from, to);
            parts = parts(u);
        }
        if (parts < 0) {
            return UrlIndex.fingerprint(u, 0, u.length(), 0x9E3779B97F4A7C15L);
        }
        return UrlIndex.fingerprint(u, pathStart(parts), u.length(), u == url && datastoreHash != 0 ? datastoreHash
                : datastoreHash(u, parts));
    }

    /**
     * The part of a datastore URL's fingerprint that its datastore name makes (without case);
     * never 0, so that 0 can stand for not known.
     */
    static long datastoreHash(String url, long parts) {
        long h = 0x6A09E667F3BCC909L;
        for (int i = datastoreStart(parts), end = datastoreEnd(parts); i < end; i++) {
            char c = url.charAt(i);
            h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c < 128 ? c : Character.toLowerCase(c))) * 0x100000001b3L;
        }
        h = (h ^ '/') * 0x100000001b3L;
        return h == 0 ? 1 : h;
    }

    /**
     * A hash of the subscription, resource group and workspace a long-form {@code azureml://}
     * URL names (without case), or 0 when the URL names none (the job's own workspace).
     */
    static long workspaceHash(String url, long parts) {
        if ((parts & AZUREML_FORM) == 0 || !startsAt(url, AZUREML.length(), "subscriptions/")) {
            return 0;
        }
        long h = 0x3C6EF372FE94F82BL;
        for (int i = AZUREML.length(), end = datastoreStart(parts); i < end; i++) {
            char c = url.charAt(i);
            h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c < 128 ? c : Character.toLowerCase(c))) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** The {@code subscriptions/<s>/resourcegroups/<rg>/workspaces/<ws>} part of a long-form URL, or null. */
    public static String workspace(String url) {
        long parts = parts(url);
        if (workspaceHash(url, parts) == 0) {
            return null;
        }
        return url.substring(AZUREML.length(), datastoreStart(parts) - "/datastores/".length());
    }

    /** The scheme a URL is written with, for statistics: AmlDatastore, azureml, https, path, ... */
    public static String scheme(String url) {
        return scheme(url, parts(url));
    }

    /** {@link #scheme(String)} of a URL whose {@link #parts} the caller already has. */
    public static String scheme(String url, long urlParts) {
        if (urlParts >= 0) {
            return (urlParts & AZUREML_FORM) != 0 ? "azureml" : "AmlDatastore";
        }
        if (isAml(url)) {
            return "AmlDatastore";
        }
        if (isAzureml(url)) {
            return "azureml";
        }
        int sep = url.indexOf("://");
        if (sep <= 0) {
            return "path";
        }
        return url.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
    }
}
