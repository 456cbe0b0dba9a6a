package io.github.visionjsonl.spi;

import io.github.visionjsonl.internal.dataset.CrossLines;
import java.io.Serializable;
import java.util.List;

/**
 * The datastores a part met first, in line order, for the {@code mixed-datastores} check across
 * parts ({@link Parts#datastoreStarts}). Opaque and serializable. Immutable.
 */
public final class DatastoreSightings implements Serializable {

    private static final long serialVersionUID = 1L;

    final List<CrossLines.Sighting> sightings;

    DatastoreSightings(List<CrossLines.Sighting> sightings) {
        this.sightings = List.copyOf(sightings);
    }
}
