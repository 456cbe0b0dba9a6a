package io.github.visionjsonl.internal.urls;

import java.util.Locale;

/** The image formats of the format document and their families. */
public final class ImageFormats {

    private ImageFormats() {
    }

    /** The accepted formats, as the format document lists them. */
    public static final String ACCEPTED = "jpg, jpeg, png, jpe, jfif, bmp, tif, tiff";

    /**
     * The family of a format name or file extension ({@code "jpeg"} for jpg/jpeg/jpe/jfif,
     * {@code "tiff"} for tif/tiff, {@code "png"}, {@code "bmp"}), or {@code null} when the
     * runtime does not accept it.
     */
    public static String family(String formatOrExtension) {
        String f = exact(formatOrExtension);
        return f != null ? f : exact(formatOrExtension.toLowerCase(Locale.ROOT));
    }

    private static String exact(String formatOrExtension) {
        return switch (formatOrExtension) {
            case "jpg", "jpeg", "jpe", "jfif" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            case "png" -> "png";
            case "bmp" -> "bmp";
            default -> null;
        };
    }

    /**
     * The family of the URL's file extension ({@link #family}), without making the extension a
     * String: {@code ""} when the URL has no extension, {@code null} when the extension is not an
     * accepted format.
     */
    public static String extensionFamily(String url) {
        long span = extensionSpan(url);
        if (span < 0) {
            return "";
        }
        int from = (int) (span >>> 32);
        int length = (int) span - from;
        return switch (length) {
            case 3 -> is(url, from, "jpg") || is(url, from, "jpe") ? "jpeg"
                    : is(url, from, "png") ? "png" : is(url, from, "bmp") ? "bmp" : is(url, from, "tif") ? "tiff" : null;
            case 4 -> is(url, from, "jpeg") || is(url, from, "jfif") ? "jpeg" : is(url, from, "tiff") ? "tiff" : null;
            default -> null;
        };
    }

    /**
     * Where the extension of the URL's last path segment is (start and end packed in a long),
     * ignoring a query or fragment; -1 when the segment has none.
     */
    private static long extensionSpan(String url) {
        int end = url.length();
        int q = url.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int h = url.indexOf('#');
        if (h >= 0 && h < end) {
            end = h;
        }
        // One walk back to the last dot, given up at a slash: the segment has no extension.
        int dot = end - 1;
        while (dot >= 0 && url.charAt(dot) != '.') {
            if (url.charAt(dot) == '/') {
                return -1;
            }
            dot--;
        }
        // No dot, a dot opening the segment (a hidden file) or closing it: no extension.
        if (dot <= 0 || url.charAt(dot - 1) == '/' || dot == end - 1) {
            return -1;
        }
        return (long) (dot + 1) << 32 | end;
    }

    private static boolean is(String url, int from, String extension) {
        return url.startsWith(extension, from) || url.regionMatches(true, from, extension, 0, extension.length());
    }

    /**
     * The file extension of the last path segment of a URL, without the dot, ignoring a query
     * or fragment; {@code null} when the last segment has none.
     */
    public static String extension(String url) {
        long span = extensionSpan(url);
        return span < 0 ? null : url.substring((int) (span >>> 32), (int) span);
    }
}
