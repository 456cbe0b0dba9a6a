package io.github.visionjsonl.images;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the images of a dataset are on the local disk, for the opt-in image checks.
 *
 * <p>A URL maps to a file by dropping its datastore prefix: {@code AmlDatastore://ds/a/b.jpg}
 * and {@code azureml://.../datastores/ds/paths/a/b.jpg} both become {@code <root>/a/b.jpg}, or
 * {@code <datastoreRoots.get("ds")>/a/b.jpg} when that datastore has its own root; a bare
 * relative path {@code a/b.jpg} becomes {@code <root>/a/b.jpg}. Web URLs are not checked. No URL
 * may reach outside its root: {@code ..}, absolute paths and symbolic links that point out are
 * {@code image-path-escape}. Names resolve as the operating system resolves them (links, then
 * {@code ..}); each file is opened once, below the root, without following a link past the check,
 * and only regular files are read.
 *
 * @param root the folder that stands for the datastore
 * @param datastoreRoots folders for particular datastores, by datastore name (case-insensitive)
 * @param decode whether to decode every image fully as well (slower; finds corrupt pixel data)
 * @param threads how many images are read at once
 * @param content the thresholds of the image-content rules, or {@code null} when the pixels are
 *     not looked at (see {@link #withContent(boolean)}); looking at them decodes every image
 */
public record ImageOptions(Path root, Map<String, Path> datastoreRoots, boolean decode, int threads,
        ImageContentOptions content) {

    /** Checks the values and copies the map. */
    public ImageOptions {
        Objects.requireNonNull(root, "root");
        datastoreRoots = Map.copyOf(datastoreRoots);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** Images under one folder, header checks only, one thread per core. */
    public static ImageOptions under(Path root) {
        return new ImageOptions(root, Map.of(), false, Runtime.getRuntime().availableProcessors(), null);
    }

    /** The same options with full decoding on or off. */
    public ImageOptions withDecode(boolean decodeAll) {
        return new ImageOptions(root, datastoreRoots, decodeAll, threads, content);
    }

    /** The same options with a folder for one datastore. */
    public ImageOptions withDatastoreRoot(String datastore, Path folder) {
        Map<String, Path> roots = new HashMap<>(datastoreRoots);
        roots.put(datastore.toLowerCase(Locale.ROOT), folder);
        return new ImageOptions(root, roots, decode, threads, content);
    }

    /** The same options with another count of threads. */
    public ImageOptions withThreads(int count) {
        return new ImageOptions(root, datastoreRoots, decode, count, content);
    }

    /**
     * The same options with the images' content looked at or not ({@code --image-content}): the
     * same bytes under two names, near-duplicates, blank, dark, bright, low-contrast, blurry,
     * grey and oddly shaped images, with the default thresholds.
     */
    public ImageOptions withContent(boolean look) {
        return withContent(look ? ImageContentOptions.DEFAULTS : null);
    }

    /** The same options with the images' content looked at with these thresholds ({@code null}: not looked at). */
    public ImageOptions withContent(ImageContentOptions thresholds) {
        return new ImageOptions(root, datastoreRoots, decode, threads, thresholds);
    }
}
