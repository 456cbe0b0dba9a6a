package io.github.visionjsonl.images;

/**
 * The thresholds of the image-content rules ({@code --image-content}): what counts as the same
 * picture and what makes an image unfit to train on. The defaults and their reasons are in
 * docs/rules.md; luminance is 0 (black) to 255 (white), measured on a copy of at most 256 pixels
 * a side.
 *
 * @param nearDuplicateDistance perceptual hashes at most this many bits apart (of 64) are
 *     near-duplicates ({@code near-duplicate-image}, {@code train-validation-near-leak}); 0 to 16
 * @param darkBelow a mean luminance below this is {@code image-dark}
 * @param brightAbove a mean luminance above this is {@code image-bright}
 * @param lowContrastBelow a luminance standard deviation below this is {@code image-low-contrast}
 * @param blurryBelow a variance of the Laplacian below this is {@code image-blurry}
 * @param blankBelow every channel's standard deviation below this is {@code image-blank}
 * @param grayscaleBelow a mean colourfulness below this is a grey image ({@code image-grayscale}
 *     when most of the dataset is in colour)
 * @param oddAspectAbove a longer to shorter side ratio above this is {@code image-odd-aspect}
 */
public record ImageContentOptions(int nearDuplicateDistance, double darkBelow, double brightAbove,
        double lowContrastBelow, double blurryBelow, double blankBelow, double grayscaleBelow, double oddAspectAbove) {

    /** The defaults of docs/rules.md. */
    public static final ImageContentOptions DEFAULTS = new ImageContentOptions(6, 40, 215, 12, 30, 2, 2, 4);

    /** Checks the values. */
    public ImageContentOptions {
        if (nearDuplicateDistance < 0 || nearDuplicateDistance > 16) {
            throw new IllegalArgumentException("the near-duplicate distance must be in [0, 16], was " + nearDuplicateDistance);
        }
        if (!(darkBelow >= 0 && brightAbove <= 255 && darkBelow < brightAbove)) {
            throw new IllegalArgumentException("dark and bright must satisfy 0 <= dark < bright <= 255, were " + darkBelow
                    + " and " + brightAbove);
        }
        if (!(lowContrastBelow >= 0 && blurryBelow >= 0 && blankBelow >= 0 && grayscaleBelow >= 0)) {
            throw new IllegalArgumentException("the contrast, blur, blank and grey thresholds must be >= 0");
        }
        if (!(oddAspectAbove >= 1)) {
            throw new IllegalArgumentException("the odd aspect ratio must be >= 1, was " + oddAspectAbove);
        }
    }

    /** The same thresholds with another near-duplicate distance. */
    public ImageContentOptions withNearDuplicateDistance(int bits) {
        return new ImageContentOptions(bits, darkBelow, brightAbove, lowContrastBelow, blurryBelow, blankBelow,
                grayscaleBelow, oddAspectAbove);
    }

    /**
     * The same thresholds with one changed by its name as the command line spells it:
     * {@code near-duplicate-distance}, {@code dark}, {@code bright}, {@code low-contrast},
     * {@code blurry}, {@code blank}, {@code grayscale}, {@code odd-aspect}.
     *
     * @throws IllegalArgumentException for an unknown name or a value out of range
     */
    public ImageContentOptions with(String name, double value) {
        return switch (name) {
            case "near-duplicate-distance" -> {
                if (value != Math.rint(value)) {
                    throw new IllegalArgumentException("near-duplicate-distance is a count of bits, was " + value);
                }
                yield withNearDuplicateDistance((int) value);
            }
            case "dark" -> new ImageContentOptions(nearDuplicateDistance, value, brightAbove, lowContrastBelow,
                    blurryBelow, blankBelow, grayscaleBelow, oddAspectAbove);
            case "bright" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, value, lowContrastBelow,
                    blurryBelow, blankBelow, grayscaleBelow, oddAspectAbove);
            case "low-contrast" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, brightAbove, value,
                    blurryBelow, blankBelow, grayscaleBelow, oddAspectAbove);
            case "blurry" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, brightAbove, lowContrastBelow,
                    value, blankBelow, grayscaleBelow, oddAspectAbove);
            case "blank" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, brightAbove, lowContrastBelow,
                    blurryBelow, value, grayscaleBelow, oddAspectAbove);
            case "grayscale" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, brightAbove, lowContrastBelow,
                    blurryBelow, blankBelow, value, oddAspectAbove);
            case "odd-aspect" -> new ImageContentOptions(nearDuplicateDistance, darkBelow, brightAbove, lowContrastBelow,
                    blurryBelow, blankBelow, grayscaleBelow, value);
            default -> throw new IllegalArgumentException("unknown image threshold '" + name + "'; expected "
                    + "near-duplicate-distance, dark, bright, low-contrast, blurry, blank, grayscale or odd-aspect");
        };
    }
}
