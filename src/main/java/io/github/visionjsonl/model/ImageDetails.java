package io.github.visionjsonl.model;

import io.github.visionjsonl.rules.ImageFormat;
import io.github.visionjsonl.rules.PixelSize;

/**
 * The optional {@code image_details} of a record. Sizes written as {@code 400}, {@code "400"} or
 * {@code "400px"} are all exposed as the integer 400.
 *
 * @param format the declared image format ({@code "jpg"}), or {@code null} when absent
 * @param width the declared width in pixels, or {@code null} when absent or unreadable
 * @param height the declared height in pixels, or {@code null} when absent or unreadable
 */
public record ImageDetails(@ImageFormat String format, @PixelSize Integer width, @PixelSize Integer height) {

    /** The details of a record without {@code image_details}. */
    public static final ImageDetails NONE = new ImageDetails(null, null, null);

    /** Whether both width and height are known. */
    public boolean hasSize() {
        return width != null && height != null;
    }
}
