package io.github.visionjsonl.html;

import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.images.internal.ImageHeader;
import io.github.visionjsonl.images.internal.ImageRoot;
import io.github.visionjsonl.report.Finding;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns the picked lines into thumbnails: the image found under the images root, decoded small,
 * with the line's annotations drawn, as a data URI; or, when the image cannot be shown, the
 * reason (the line's own image finding when it has one).
 */
final class Gallery {

    /** One card of the gallery. */
    record Card(LineSample.Entry entry, String dataUri, int width, int height, String problem, String note) {
    }

    private final ImageChecker locator;
    private final List<String> classes;

    Gallery(ImageOptions images, List<String> classes) {
        this.locator = new ImageChecker(images);
        this.classes = classes;
    }

    Card card(LineSample.Entry entry) {
        String url = entry.record().imageUrl();
        try (ImageRoot.Opened file = locator.openImage(url)) {
            if (file == null) {
                return placeholder(entry, url != null && url.contains("://")
                        && !url.regionMatches(true, 0, "azureml", 0, 7) && !url.regionMatches(true, 0, "amldatastore", 0, 12)
                        ? "not a local image: " + url : "image not found under the images root: " + url);
            }
            return card(entry, file);
        } catch (IOException e) {
            return placeholder(entry, "the image cannot be read: " + e.getMessage());
        }
    }

    private Card card(LineSample.Entry entry, ImageRoot.Opened file) {
        String note = null;
        try {
            ImageHeader.Info info = ImageHeader.read(file.channel());
            if (info != null && info.orientation() > 1) {
                note = "EXIF orientation " + info.orientation() + ": shown as stored, not rotated";
            }
        } catch (IOException | RuntimeException e) {
            // the decoder below says what is wrong with the file
        }
        try {
            BufferedImage thumb = AnnotatedImages.draw(Pictures.read(file, HtmlReport.THUMBNAIL_SIZE), entry.record(),
                    classes, false);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(24 * 1024);
            ImageIO.write(thumb, "jpg", bytes);
            return new Card(entry, "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray()),
                    thumb.getWidth(), thumb.getHeight(), null, note);
        } catch (Pictures.Unusable e) {
            return placeholder(entry, "the image " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return placeholder(entry, "the image cannot be read: " + e.getMessage());
        }
    }

    /** A card without a picture: the line's image finding says why, else {@code reason}. */
    private static Card placeholder(LineSample.Entry entry, String reason) {
        for (Finding f : entry.findings()) {
            if (f.code().startsWith("image-") && f.pointer().equals("/image_url")) {
                return new Card(entry, null, 0, 0, f.message(), null);
            }
        }
        return new Card(entry, null, 0, 0, reason, null);
    }
}
