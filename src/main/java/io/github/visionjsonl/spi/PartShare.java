package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.engine.Partial;
import java.io.Serializable;

/**
 * A part's share of the dataset's report: its counts, first kept findings, statistics, line
 * verdicts and what training would keep. Opaque and small; it travels from the machine that
 * read the part to the one that assembles the report ({@link Parts#assemble}). Immutable.
 */
public final class PartShare implements Serializable {

    private static final long serialVersionUID = 1L;

    final Partial partial;

    PartShare(Partial partial) {
        this.partial = partial;
    }
}
