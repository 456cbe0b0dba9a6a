package io.github.visionjsonl.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The datastore URL forms: what image a URL names, whatever form it is written in. */
public final class ImageUrls {

    private static final Pattern AZUREML = Pattern.compile(
            "(?i)azureml://(?:subscriptions/[^/]+/resourcegroups/[^/]+/workspaces/[^/]+/)?datastores/([^/]+)/paths/(.+)");
    private static final Pattern AML = Pattern.compile("(?i)amldatastore://([^/]+)/(.+)");

    private ImageUrls() {
    }

    /** A datastore URL split into its datastore and the path inside it. */
    public record DatastorePath(String datastore, String path) {
    }

    /** The datastore and path of a datastore URL in any of its three forms, or {@code null}. */
    public static DatastorePath datastorePath(String url) {
        Matcher m = AML.matcher(url);
        if (m.matches()) {
            return new DatastorePath(m.group(1), m.group(2));
        }
        m = AZUREML.matcher(url);
        if (m.matches()) {
            return new DatastorePath(m.group(1), m.group(2));
        }
        return null;
    }

    /**
     * The same string for the same image: {@code AmlDatastore://ds/a.jpg} and
     * {@code azureml://datastores/ds/paths/a.jpg} name one file.
     */
    static String canonical(String url) {
        String u = url.strip();
        DatastorePath d = datastorePath(u);
        return d == null ? u : "datastore:" + d.datastore().toLowerCase(Locale.ROOT) + "/" + d.path();
    }

    /** The scheme a URL is written with, for statistics: AmlDatastore, azureml, https, path, ... */
    static String scheme(String url) {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            return "path";
        }
        String scheme = url.substring(0, sep);
        return scheme.equalsIgnoreCase("amldatastore") ? "AmlDatastore" : scheme.toLowerCase(Locale.ROOT);
    }
}
