package io.github.visionjsonl.internal;

/**
 * Remembers every image of a file by a 64-bit fingerprint of its canonical URL, with the first
 * line it was on and a hash of its labels: 20 bytes per slot in three primitive arrays, at most
 * 2/3 full, so about 30 to 60 bytes per image and no object per entry. A million images take
 * about 40 MB, where a {@code HashMap<String, ...>} would take several times that.
 *
 * <p>Two different URLs share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a
 * million images); such a pair would be reported as a duplicate.
 */
final class UrlIndex {

    private long[] keys = new long[1024];
    private long[] lines = new long[1024];
    private int[] labels = new int[1024];
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
                return new Seen(lines[i], labels[i]);
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        lines[i] = line;
        labels[i] = labelHash;
        if (++size * 3 > keys.length * 2) {
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
        long[] oldLines = lines;
        int[] oldLabels = labels;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        labels = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
                labels[i] = oldLabels[j];
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

    /** A 64-bit fingerprint of a string: FNV-1a over its chars, then mixed. */
    static long fingerprint(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
