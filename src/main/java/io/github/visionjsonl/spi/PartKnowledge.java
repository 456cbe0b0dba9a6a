package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.dataset.CrossLines;
import java.io.Serializable;
import java.util.Set;

/**
 * What a part is told of the lines before it when it is read again: its lines whose image was
 * on an earlier line, each with that first line and the first line's label hash, and where the
 * mixed-datastores check stands at its start.
 *
 * @param repeatLines the repeating lines, ascending
 * @param firstLines the first line of each one's image
 * @param firstLabelHashes the label hash of each of those first lines
 * @param datastores where the datastore check stands ({@link Parts#datastoreStarts})
 * @param leakLines for a validation file, the part's lines whose image is in the training file, ascending
 * @param trainingLines for each, the image's first line in the training file
 * @param unseenBefore for a validation file, the classes unseen in training that parts before reported
 */
public record PartKnowledge(long[] repeatLines, long[] firstLines, int[] firstLabelHashes,
        DatastoreStart datastores, long[] leakLines, long[] trainingLines, Set<String> unseenBefore)
        implements Serializable {

    /** What a part of a single file (not the validation file of a pair) is told. */
    public PartKnowledge(long[] repeatLines, long[] firstLines, int[] firstLabelHashes,
            DatastoreStart datastores) {
        this(repeatLines, firstLines, firstLabelHashes, datastores, new long[0], new long[0], Set.of());
    }

    /** Checks that the repeating lines ascend, each with its first line and label hash. */
    public PartKnowledge {
        if (repeatLines.length != firstLines.length || repeatLines.length != firstLabelHashes.length) {
            throw new IllegalArgumentException("one first line and label hash per repeating line");
        }
        if (leakLines.length != trainingLines.length) {
            throw new IllegalArgumentException("one training line per leaking line");
        }
        unseenBefore = Set.copyOf(unseenBefore);
        ascending(repeatLines, "repeating");
        ascending(leakLines, "leaking");
    }

    private static void ascending(long[] lines, String which) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i] <= lines[i - 1]) {
                throw new IllegalArgumentException("the " + which + " lines must ascend");
            }
        }
    }

    CrossLines cross() {
        return CrossLines.knowing(repeatLines, firstLines, firstLabelHashes, datastores == null ? null
                : datastores.start.before(), leakLines, trainingLines, unseenBefore);
    }
}
