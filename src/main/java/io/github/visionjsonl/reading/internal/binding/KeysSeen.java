package io.github.visionjsonl.reading.internal.binding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unknown keys of one object seen so far, to tell a key given twice. Objects have a few such
 * keys: a list is searched while it is short, a set takes over past that, so that an object of
 * a hundred thousand keys costs no more per key than one of ten.
 */
final class KeysSeen {

    private static final int FEW = 16;

    private final List<String> few = new ArrayList<>();
    private Set<String> many;

    /** Adds a key; whether it was not seen before. */
    boolean add(String name) {
        if (many != null) {
            return many.add(name);
        }
        if (few.contains(name)) {
            return false;
        }
        few.add(name);
        if (few.size() > FEW) {
            many = new HashSet<>(few);
        }
        return true;
    }

    /** Forgets every key (and the set a large object needed). */
    void clear() {
        few.clear();
        many = null;
    }
}
