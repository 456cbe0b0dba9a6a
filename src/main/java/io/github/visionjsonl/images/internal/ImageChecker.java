package io.github.visionjsonl.images.internal;

import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.images.internal.content.ContentAnalysis;
import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the image file behind one record: maps its URL to a local path (refusing any that
 * leaves its root), reads the header, and compares what the file is with what the line says.
 * Thread-safe: it holds only the options and the resolved roots.
 */
public final class ImageChecker {

    /** What the line says about its image. */
    public record Expectation(String url, String declaredFormat, Integer width, Integer height, double[] boxSizes) {
    }

    /** One problem with the image of a line, to become a finding. */
    public record Problem(RuleCode rule, String pointer, String messageKey, Object[] params) {
    }

    private final ImageOptions options;
    private final ImageRoot root;
    private final Map<String, ImageRoot> datastoreRoots = new HashMap<>();

    /** A checker for images under the options' roots. */
    public ImageChecker(ImageOptions options) {
        this.options = options;
        this.root = new ImageRoot(options.root());
        options.datastoreRoots().forEach((name, folder) -> datastoreRoots.put(name, new ImageRoot(folder)));
    }

    /**
     * What was found about the image of one line.
     *
     * @param problems its problems; empty when it is fine or not a local file
     * @param content what its pixels show, when the options look at content and it could be read; else null
     */
    public record Checked(List<Problem> problems, ContentAnalysis.Content content) {
    }

    /** Files larger than this are not read whole to look at their content. */
    static final long MAX_CONTENT_BYTES = 256L << 20;

    /** The problems of the image of one line; empty when it is fine or not a local file. */
    public List<Problem> check(Expectation e) {
        return checkAll(e).problems();
    }

    /** The problems of the image of one line, and its content when the options look at it. */
    public Checked checkAll(Expectation e) {
        List<Problem> problems = new ArrayList<>(2);
        if (e.url() == null || e.url().isBlank()) {
            return new Checked(problems, null);
        }
        ContentAnalysis.Content content = null;
        try (ImageRoot.Opened file = open(e.url(), problems)) {
            if (file != null) {
                content = check(e, file, problems);
            }
        } catch (IOException ex) {
            // closing a file only read from: nothing was lost
        }
        return new Checked(problems, content);
    }

    private ContentAnalysis.Content check(Expectation e, ImageRoot.Opened file, List<Problem> problems) {
        ImageHeader.Info info;
        try {
            info = ImageHeader.read(file.channel());
        } catch (IOException | RuntimeException ex) {
            problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.io",
                    new Object[] {"path", file.path(), "detail", String.valueOf(ex.getMessage())}));
            return null;
        }
        if (info == null) {
            problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable",
                    new Object[] {"path", file.path()}));
            return null;
        }
        if (info.truncated()) {
            problems.add(new Problem(RuleCode.IMAGE_TRUNCATED, "/image_url", "image-truncated",
                    new Object[] {"format", info.format().toUpperCase(Locale.ROOT), "detail", info.truncation()}));
        }
        format(e, info, problems);
        boolean rotated = info.orientation() >= 5 && info.orientation() <= 8;
        if (rotated) {
            problems.add(new Problem(RuleCode.IMAGE_EXIF_ROTATED, "/image_url", "image-exif-rotated",
                    new Object[] {"orientation", info.orientation()}));
        }
        if (info.width() > 0 && info.height() > 0) {
            size(e, info, rotated, problems);
        }
        if (options.content() != null && !info.truncated()) {
            // Looking at the content decodes the image: it stands for --decode too.
            return content(file, problems);
        }
        if (options.decode() && !info.truncated()) {
            decode(file, problems);
        }
        return null;
    }

    /** The content of an image, read whole from the file opened once; a problem when it cannot be decoded. */
    private static ContentAnalysis.Content content(ImageRoot.Opened file, List<Problem> problems) {
        try {
            long size = file.channel().size();
            if (size > MAX_CONTENT_BYTES) {
                problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.decode",
                        new Object[] {"path", file.path(), "detail", "larger than 256 MB, its content was not looked at"}));
                return null;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && file.channel().read(bytes, bytes.position()) > 0) {
                // positional reads: the channel may have been read at any position before
            }
            ContentAnalysis.Content content = ContentAnalysis.of(Arrays.copyOf(bytes.array(), bytes.position()));
            if (!content.decoded()) {
                problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.decode",
                        new Object[] {"path", file.path(), "detail", content.problem()}));
            }
            return content;
        } catch (IOException | RuntimeException ex) {
            problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.io",
                    new Object[] {"path", file.path(), "detail", String.valueOf(ex.getMessage())}));
            return null;
        }
    }

    /** The file a URL names, opened, or null (with a problem when the URL is refused or missing). */
    ImageRoot.Opened open(String url, List<Problem> problems) {
        String relative;
        ImageRoot base = root;
        ImageUrls.DatastorePath d = ImageUrls.datastorePath(url.strip());
        if (d != null) {
            relative = d.path();
            ImageRoot own = datastoreRoots.get(d.datastore().toLowerCase(Locale.ROOT));
            if (own != null) {
                base = own;
            }
        } else if (url.contains("://")) {
            return null; // a web or cloud URL: nothing local to check
        } else {
            relative = url.strip();
        }
        try {
            return base.open(relative);
        } catch (ImageRoot.Refusal r) {
            problems.add(switch (r.reason()) {
                case ESCAPE -> escape(url, r.getMessage());
                case INVALID -> new Problem(RuleCode.IMAGE_MISSING, "/image_url", "image-missing.invalid",
                        new Object[] {"path", relative});
                case MISSING -> new Problem(RuleCode.IMAGE_MISSING, "/image_url", "image-missing",
                        new Object[] {"path", r.path()});
                case NOT_REGULAR -> new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.not-file",
                        new Object[] {"path", r.path(), "what", r.getMessage()});
                case UNREADABLE -> new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.io",
                        new Object[] {"path", r.path(), "detail", r.getMessage()});
            });
            return null;
        }
    }

    private static Problem escape(String url, String how) {
        return new Problem(RuleCode.IMAGE_PATH_ESCAPE, "/image_url", "image-path-escape", new Object[] {"value", url, "how", how});
    }

    private static void format(Expectation e, ImageHeader.Info info, List<Problem> problems) {
        String real = info.format();
        String realFamily = ImageFormats.family(real.equals("jpeg") ? "jpg" : real);
        String extension = ImageFormats.extension(e.url());
        List<String> says = new ArrayList<>(2);
        if (extension != null && !real.equals(familyOrSelf(extension))) {
            says.add("its name says ." + extension);
        }
        if (e.declaredFormat() != null && !real.equals(familyOrSelf(e.declaredFormat()))) {
            says.add("image_details says " + e.declaredFormat());
        }
        if (!says.isEmpty()) {
            problems.add(new Problem(RuleCode.IMAGE_FORMAT_MISMATCH, "/image_url", "image-format-mismatch",
                    new Object[] {"format", real.toUpperCase(Locale.ROOT), "says", String.join(" and ", says),
                        "accepted", realFamily == null ? " (a format the runtime does not accept)" : ""}));
        }
    }

    private static String familyOrSelf(String formatOrExtension) {
        String f = ImageFormats.family(formatOrExtension);
        return f == null ? formatOrExtension.toLowerCase(Locale.ROOT) : f;
    }

    private static void size(Expectation e, ImageHeader.Info info, boolean rotated, List<Problem> problems) {
        int w = info.width();
        int h = info.height();
        if (e.width() != null && e.height() != null && (e.width() != w || e.height() != h)) {
            String hint = rotated && e.width() == h && e.height() == w
                    ? ": the size as shown after the EXIF rotation, not as stored" : "";
            problems.add(new Problem(RuleCode.IMAGE_SIZE_MISMATCH, "/image_details", "image-size-mismatch",
                    new Object[] {"real", w + "x" + h, "declared", e.width() + "x" + e.height(), "hint", hint}));
        } else if (e.width() != null && e.width() != w) {
            problems.add(new Problem(RuleCode.IMAGE_SIZE_MISMATCH, "/image_details/width", "image-size-mismatch",
                    new Object[] {"real", w + "x" + h, "declared", "width " + e.width(), "hint", ""}));
        } else if (e.height() != null && e.height() != h) {
            problems.add(new Problem(RuleCode.IMAGE_SIZE_MISMATCH, "/image_details/height", "image-size-mismatch",
                    new Object[] {"real", w + "x" + h, "declared", "height " + e.height(), "hint", ""}));
        }
        if (w < 10 || h < 10) {
            problems.add(new Problem(RuleCode.IMAGE_TOO_SMALL, "/image_url", "image-too-small",
                    new Object[] {"size", w + "x" + h}));
        }
        // Without a declared size the line could not judge its boxes in pixels; the file can.
        if ((e.width() == null || e.height() == null) && e.boxSizes() != null) {
            double[] sizes = e.boxSizes();
            for (int i = 0; i + 2 < sizes.length; i += 3) {
                double bw = sizes[i + 1] * w;
                double bh = sizes[i + 2] * h;
                if ((bw > 0 && bw < 1 - 1e-9) || (bh > 0 && bh < 1 - 1e-9)) {
                    problems.add(new Problem(RuleCode.TINY_BOX, "/label/" + (int) sizes[i], "tiny-box",
                            new Object[] {"width", String.format(Locale.ROOT, "%.2f", bw),
                                "height", String.format(Locale.ROOT, "%.2f", bh), "image", w + "x" + h}));
                }
            }
        }
    }

    private static void decode(ImageRoot.Opened file, List<Problem> problems) {
        try {
            // ImageIO closes the input itself; the channel stays the caller's.
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ChannelImageInput(file.channel()));
            if (image == null) {
                problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.decode",
                        new Object[] {"path", file.path(), "detail", "no decoder for it"}));
            }
        } catch (IOException | RuntimeException ex) {
            problems.add(new Problem(RuleCode.IMAGE_UNREADABLE, "/image_url", "image-unreadable.decode",
                    new Object[] {"path", file.path(), "detail", String.valueOf(ex.getMessage())}));
        }
    }

    /**
     * The local image a URL names, opened once under its root as the checks open it; {@code null}
     * for a web URL, a refused name or a missing file. For drawing the image a line names.
     */
    public ImageRoot.Opened openImage(String url) {
        return url == null || url.isBlank() ? null : open(url, new ArrayList<>(1));
    }
}
