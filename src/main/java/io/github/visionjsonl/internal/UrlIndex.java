package io.github.visionjsonl.internal;

/**
 * Remembers every image of a file by a 64-bit fingerprint of its canonical URL, with the first
 * line it was on (and, for classification, a hash of its labels): 12 bytes per slot (16 with
 * labels) in primitive arrays, at most 3/4 full, so 16 to 32 bytes per image and no object per
 * entry. A million images take 24 MB, where a {@code HashMap<String, ...>} would take several
 * times that.
 *
 * <p>Two different URLs share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a
 * million images); such a pair would be reported as a duplicate.
 */
final class UrlIndex {

    private long[] keys = new long[1024];
    private int[] lines = new int[1024];
    private int[] labels;
    private int size;

    /** What {@link #put} found for an image already seen. */
    record Seen(long line, int labelHash) {
    }

    /**
     * Records the image if it is new.
     *
     * @return {@code null} when the fingerprint is new, else the first line and label hash seen
     */
    Seen put(long fingerprint, long line, int labelHash) {
        long key = fingerprint == 0 ? 1 : fingerprint;
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return new Seen(lines[i], labels == null ? 0 : labels[i]);
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        lines[i] = (int) Math.min(line, Integer.MAX_VALUE);
        if (labelHash != 0) {
            if (labels == null) {
                labels = new int[keys.length];
            }
            labels[i] = labelHash;
        }
        if (++size > keys.length / 4 * 3) {
            grow();
        }
        return null;
    }

    /** The first line of the image, or -1 when it is not in the index. */
    long lineOf(long fingerprint) {
        long key = fingerprint == 0 ? 1 : fingerprint;
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        int[] oldLabels = labels;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        labels = oldLabels == null ? null : new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
                if (labels != null) {
                    labels[i] = oldLabels[j];
                }
            }
        }
    }

    /** The finalizer of MurmurHash3: spreads the fingerprint's bits over the slot index. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * A 64-bit fingerprint of part of a string: four chars at a time folded into the state with a
     * multiply and a shift (a quarter of the multiplications of FNV-1a over chars), then mixed.
     */
    static long fingerprint(String s, int from, int to, long seed) {
        long h = seed ^ (to - from);
        int i = from;
        for (; i + 4 <= to; i += 4) {
            long v = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48;
            h = (h ^ v) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }
}
