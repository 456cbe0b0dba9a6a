package io.github.visionjsonl.reading.internal.binding;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts what the parsers of one factory keep of the keys they meet. A parser keeps every key in
 * its factory's table, to read the next lines faster; with keys as long as a line, a few hundred
 * hostile lines would keep gigabytes there, and adding them costs time that grows with the
 * square of their number. Past a budget, the factory is to be dropped for a new one.
 */
final class KeptKeys {

    /**
     * How many characters of distinct unknown keys longer than Jackson keeps in place (12 bytes)
     * are seen before {@link #overflowed()} says to start a new factory.
     */
    private static final int BUDGET = 1 << 14;

    private final Set<String> longKeys = new HashSet<>();
    private long longKeyChars;

    /** Counts a key the parser met that is no known key, when it is one Jackson keeps out of place. */
    void count(String name) {
        if (name.length() > 12 && longKeyChars <= BUDGET && longKeys.add(name)) {
            longKeyChars += name.length();
        }
    }

    /**
     * Whether the keys counted since {@link #forget()} were so many distinct long ones that their
     * parsers' factory should be dropped (a hostile file, most likely: a dataset has a few extra
     * keys, on every line).
     */
    boolean overflowed() {
        return longKeyChars > BUDGET;
    }

    /** Starts counting afresh, for a new factory. */
    void forget() {
        longKeys.clear();
        longKeyChars = 0;
    }
}
