package io.github.visionjsonl.spi;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one part gave: its share of the report ({@link PartShare}: small, for the
 * assembly), and, when its facts were gathered, each image's fingerprint, line and label hash
 * (for the checks across lines, to be brought together by image) and the first line of each
 * datastore the part met.
 *
 * @param share the part's counts, kept findings, statistics
 * @param fingerprints the images' fingerprints, in line order (empty when knowing)
 * @param lines the images' lines
 * @param labelHashes the images' label hashes (0 for objects)
 * @param sightings the datastores the part met first, in line order
 * @param unseenNames for a validation file, the classes unseen in training the part reported, in line order
 */
public record PartResult(PartShare share, long[] fingerprints, long[] lines, int[] labelHashes,
        DatastoreSightings sightings, List<String> unseenNames) implements Serializable {
}
