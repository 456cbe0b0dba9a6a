package io.github.visionjsonl.images.internal.content;

import java.util.Arrays;

/**
 * Finds an earlier image whose perceptual hash lies within a Hamming distance of a new one,
 * without comparing it with every image seen (multi-index hashing): each hash is split into four
 * 16-bit blocks, and each block has a table from the block's value to the hashes with that value,
 * stored side by side so that a look-up reads contiguous memory. Two hashes within distance
 * {@code d} agree on at least one block up to {@code d / 4} bits (pigeonhole), so a query looks up
 * each block's value and the values within that many flipped bits, and compares only the hashes
 * found there: at the default distance (6, one flipped bit) 68 look-ups and, for a million images,
 * about a thousand comparisons. About 85 bytes an image at a million (measured): the hash in each of
 * the four tables with their growth's slack, and its first line in an open-addressing table.
 */
public final class NearDuplicates {

    private static final int BLOCKS = 4;
    private static final long[] NONE = new long[0];

    private final int maxDistance;
    private final int radius;
    private final long[][][] buckets = new long[BLOCKS][1 << 16][];
    private final int[][] sizes = new int[BLOCKS][1 << 16];
    /** The first line of each hash, for the few hashes a query finds. */
    private final FirstLines lines = new FirstLines();

    /** An index finding hashes at most {@code maxDistance} bits apart. */
    public NearDuplicates(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 16) {
            throw new IllegalArgumentException("the near-duplicate distance must be in [0, 16], was " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.radius = maxDistance / BLOCKS;
    }

    /**
     * An earlier image near a new one.
     *
     * @param line its line
     * @param distance how many bits its hash differs in
     */
    public record Match(long line, int distance) {
    }

    /** The line of the nearest earlier image within the distance of {@code hash} (the first line among equals), or 0. */
    public long nearest(long hash) {
        Match m = find(hash);
        return m == null ? 0 : m.line();
    }

    /** The nearest earlier image within the distance of {@code hash} (the first line among equals), or null. */
    public Match find(long hash) {
        int bestDistance = Integer.MAX_VALUE;
        long bestLine = 0;
        for (int b = 0; b < BLOCKS; b++) {
            int value = (int) (hash >>> (16 * b)) & 0xffff;
            for (int probe : probes(value)) {
                long[] bucket = buckets[b][probe];
                int size = sizes[b][probe];
                for (int i = 0; i < size; i++) {
                    int d = Long.bitCount(bucket[i] ^ hash);
                    if (d <= maxDistance && d <= bestDistance) {
                        long line = lines.get(bucket[i]);
                        if (d < bestDistance || line < bestLine) {
                            bestDistance = d;
                            bestLine = line;
                        }
                    }
                }
            }
        }
        return bestDistance == Integer.MAX_VALUE ? null : new Match(bestLine, bestDistance);
    }

    /** Adds an image's hash with its line; a hash seen before keeps its first line. */
    public void add(long hash, long line) {
        if (!lines.putIfAbsent(hash, line)) {
            return;
        }
        for (int b = 0; b < BLOCKS; b++) {
            int value = (int) (hash >>> (16 * b)) & 0xffff;
            long[] bucket = buckets[b][value];
            int size = sizes[b][value];
            if (bucket == null || size == bucket.length) {
                bucket = bucket == null ? new long[2] : Arrays.copyOf(bucket, size * 2);
                buckets[b][value] = bucket;
            }
            bucket[size] = hash;
            sizes[b][value] = size + 1;
        }
    }

    /** How many distinct hashes were added. */
    public int size() {
        return lines.size();
    }

    /** A block's value and every value within {@link #radius} flipped bits of it. */
    private int[] probes(int value) {
        if (radius == 0) {
            return new int[] {value};
        }
        int count = 1 + 16 + (radius >= 2 ? 120 : 0) + (radius >= 3 ? 560 : 0) + (radius >= 4 ? 1820 : 0);
        int[] out = new int[count];
        int k = 0;
        out[k++] = value;
        for (int a = 0; a < 16; a++) {
            out[k++] = value ^ (1 << a);
            for (int b = a + 1; radius >= 2 && b < 16; b++) {
                out[k++] = value ^ (1 << a) ^ (1 << b);
                for (int c = b + 1; radius >= 3 && c < 16; c++) {
                    out[k++] = value ^ (1 << a) ^ (1 << b) ^ (1 << c);
                    for (int d = c + 1; radius >= 4 && d < 16; d++) {
                        out[k++] = value ^ (1 << a) ^ (1 << b) ^ (1 << c) ^ (1 << d);
                    }
                }
            }
        }
        return out;
    }

    /** Hash to first line, open addressing in two primitive arrays. */
    private static final class FirstLines {
        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private boolean zeroSeen;
        private long zeroLine;
        private int size;

        long get(long key) {
            if (key == 0) {
                return zeroLine;
            }
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == 0) {
                    return 0;
                }
            }
        }

        boolean putIfAbsent(long key, long value) {
            if (key == 0) {
                if (zeroSeen) {
                    return false;
                }
                zeroSeen = true;
                zeroLine = value;
                size++;
                return true;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return false;
                }
                if (keys[i] == 0) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return true;
                }
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = slot(oldKeys[j], mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }
}
