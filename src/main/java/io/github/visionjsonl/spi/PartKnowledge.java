package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.dataset.CrossLines;
import java.io.Serializable;

/**
 * What a part is told of the lines before it when it is read again: its lines whose image was
 * on an earlier line, each with that first line and the first line's label hash, and where the
 * mixed-datastores check stands at its start.
 *
 * @param repeatLines the repeating lines, ascending
 * @param firstLines the first line of each one's image
 * @param firstLabelHashes the label hash of each of those first lines
 * @param datastores where the datastore check stands ({@link Parts#datastoreStarts})
 */
public record PartKnowledge(long[] repeatLines, long[] firstLines, int[] firstLabelHashes,
        CrossLines.DatastoreStart datastores) implements Serializable {

    /** Checks that the repeating lines ascend, each with its first line and label hash. */
    public PartKnowledge {
        if (repeatLines.length != firstLines.length || repeatLines.length != firstLabelHashes.length) {
            throw new IllegalArgumentException("one first line and label hash per repeating line");
        }
        for (int i = 1; i < repeatLines.length; i++) {
            if (repeatLines[i] <= repeatLines[i - 1]) {
                throw new IllegalArgumentException("the repeating lines must ascend");
            }
        }
    }

    CrossLines cross() {
        return CrossLines.knowing(repeatLines, firstLines, firstLabelHashes, datastores == null ? null
                : datastores.before());
    }
}
