package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.dataset.CrossLines;
import java.io.Serializable;

/**
 * Where the {@code mixed-datastores} check stands at a part's start, and whether it reports
 * within the part (the part is then read again knowing it: {@link PartKnowledge}). Immutable.
 */
public final class DatastoreStart implements Serializable {

    private static final long serialVersionUID = 1L;

    final CrossLines.DatastoreStart start;

    DatastoreStart(CrossLines.DatastoreStart start) {
        this.start = start;
    }

    /** Whether the check reports a finding on one of the part's lines. */
    public boolean reports() {
        return start.reports();
    }
}
