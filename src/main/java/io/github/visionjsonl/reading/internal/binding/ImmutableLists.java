package io.github.visionjsonl.reading.internal.binding;

import java.util.List;

/**
 * Immutable copies of short lists in one allocation. The records copy their lists with
 * {@link List#copyOf}, which keeps an immutable list as it is but copies any other twice (to an
 * array, then to the list's own); a list of up to eight made here by {@code List.of(e1, ..., en)} is
 * built on its argument array alone. Labels and objects of a record are almost always that few.
 */
final class ImmutableLists {

    private ImmutableLists() {
    }

    /** An immutable copy of the list; throws on a null element, as {@link List#copyOf} does. */
    static <T> List<T> copyOf(List<T> l) {
        return switch (l.size()) {
            case 0 -> List.of();
            case 1 -> List.of(l.get(0));
            case 2 -> List.of(l.get(0), l.get(1));
            case 3 -> List.of(l.get(0), l.get(1), l.get(2));
            case 4 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3));
            case 5 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4));
            case 6 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5));
            case 7 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6));
            case 8 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7));
            default -> List.copyOf(l);
        };
    }
}
