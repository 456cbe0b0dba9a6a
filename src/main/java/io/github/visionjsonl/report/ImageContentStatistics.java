package io.github.visionjsonl.report;

import java.util.List;

/**
 * What the images' pixels show across a dataset ({@code --image-content}), in fixed memory but
 * for the few groups listed.
 *
 * @param images images looked at
 * @param decoded images whose pixels could be decoded
 * @param brightness mean luminance per image, 0 to 255
 * @param contrast luminance standard deviation per image
 * @param sharpness variance of the Laplacian per image (log-spaced bins)
 * @param duplicateGroups images whose bytes another line's image repeats
 * @param duplicates lines whose image repeats an earlier line's bytes under another URL
 * @param nearDuplicates lines whose image is near an earlier one (or, in a validation file, near a training image)
 * @param firstGroups the first groups of lines with the same bytes (at most 20, the first 10 lines of each)
 */
public record ImageContentStatistics(long images, long decoded, Distribution brightness, Distribution contrast,
        Distribution sharpness, long duplicateGroups, long duplicates, long nearDuplicates, List<List<Long>> firstGroups) {

    /** Copies the groups. */
    public ImageContentStatistics {
        firstGroups = firstGroups.stream().map(List::copyOf).toList();
    }
}
