package io.github.visionjsonl.internal.urls;

import java.util.Arrays;

/**
 * Remembers every image of a file by a 64-bit fingerprint of its canonical URL, with the first
 * line it was on (and, for classification, a hash of its labels).
 *
 * <p>The entries sit densely in insertion order, in fixed-size chunks of primitive arrays (8 bytes
 * of fingerprint and 4 of line per image, 4 more with labels); the hash table holds only the
 * entry's ordinal and 4 bits of its hash, 4 bytes per slot. The table is cut into 64 segments
 * that grow by half independently, so no moment holds two copies of a large table, and a table
 * is on average
 * about 60% full instead of the 37–75% a single power-of-two table swings between. A million
 * images take about 19 MB, where a {@code HashMap<String, ...>} would take several times that;
 * growing to the next million never needs more than a segment's worth on top.
 *
 * <p>Two different URLs share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a
 * million images); such a pair would be reported as a duplicate. Past 134 million images (2²⁷,
 * the ordinals' room beside the tag) new images are no longer remembered.
 */
public final class UrlIndex {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SEGMENT_BITS = 6;
    /** A slot holds the entry's ordinal + 1 in its low 27 bits, and a 4-bit tag of its hash above. */
    private static final int ORDINAL_BITS = 27;
    private static final int ORDINALS = (1 << ORDINAL_BITS) - 1;

    private long[][] keys = new long[16][];
    private int[][] lines = new int[16][];
    /** Null until the first non-zero label hash: detection and segmentation files never pay for it. */
    private int[][] labels;
    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private int size;

    public UrlIndex() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    /** What {@link #put} found for an image already seen. */
    public record Seen(long line, int labelHash) {
    }

    /**
     * Records the image if it is new.
     *
     * @return {@code null} when the fingerprint is new, else the first line and label hash seen
     */
    public Seen put(long fingerprint, long line, int labelHash) {
        long key = fingerprint == 0 ? 1 : fingerprint;
        long h = mix(key);
        Segment segment = segments[(int) (h >>> (64 - SEGMENT_BITS))];
        int[] slots = segment.slots;
        int tag = tag(h);
        int i = slot(h, slots.length);
        for (int entry; (entry = slots[i]) != 0; i = i + 1 == slots.length ? 0 : i + 1) {
            if (entry >>> ORDINAL_BITS == tag && keyAt((entry & ORDINALS) - 1) == key) {
                int ordinal = (entry & ORDINALS) - 1;
                return new Seen(lineAt(ordinal), labelAt(ordinal));
            }
        }
        if (size == ORDINALS - 1) {
            // Past 134 million images (a file of about a hundred GB), new images are no longer
            // remembered rather than failing the whole run.
            return null;
        }
        int ordinal = size++;
        append(ordinal, key, line, labelHash);
        slots[i] = tag << ORDINAL_BITS | ordinal + 1;
        if (++segment.size > slots.length / 4 * 3) {
            segment.grow(this);
        }
        return null;
    }

    /** The first line of the image, or -1 when it is not in the index. */
    public long lineOf(long fingerprint) {
        long key = fingerprint == 0 ? 1 : fingerprint;
        long h = mix(key);
        int[] slots = segments[(int) (h >>> (64 - SEGMENT_BITS))].slots;
        int tag = tag(h);
        for (int i = slot(h, slots.length), entry; (entry = slots[i]) != 0; i = i + 1 == slots.length ? 0 : i + 1) {
            if (entry >>> ORDINAL_BITS == tag && keyAt((entry & ORDINALS) - 1) == key) {
                return lineAt((entry & ORDINALS) - 1);
            }
        }
        return -1;
    }

    public int size() {
        return size;
    }

    /**
     * Makes room for about this many images at once, so that a file whose size is known ahead
     * does not rehash every segment several times on the way (a twentieth of the time on short
     * classification lines). Never shrinks; the index still grows past it.
     */
    public void reserve(long images) {
        long perSegment = Math.min(images, ORDINALS) / segments.length + 1;
        // 60% full, like a segment on average after growing.
        int length = (int) Math.min(perSegment * 5 / 3 + 1, 1 << 24);
        for (Segment segment : segments) {
            if (segment.slots.length < length) {
                segment.resize(this, length);
            }
        }
    }

    /** Slots in the table across all segments, for tests of the memory claim. */
    long capacity() {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.slots.length;
        }
        return total;
    }

    private void append(int ordinal, long key, long line, int labelHash) {
        int chunk = ordinal >>> CHUNK_BITS;
        int at = ordinal & (CHUNK - 1);
        if (chunk == keys.length) {
            keys = Arrays.copyOf(keys, chunk * 2);
            lines = Arrays.copyOf(lines, chunk * 2);
            if (labels != null) {
                labels = Arrays.copyOf(labels, chunk * 2);
            }
        }
        if (keys[chunk] == null) {
            keys[chunk] = new long[CHUNK];
            lines[chunk] = new int[CHUNK];
        }
        keys[chunk][at] = key;
        lines[chunk][at] = (int) Math.min(line, Integer.MAX_VALUE);
        if (labelHash != 0) {
            if (labels == null) {
                labels = new int[keys.length][];
            }
            if (labels[chunk] == null) {
                labels[chunk] = new int[CHUNK];
            }
            labels[chunk][at] = labelHash;
        }
    }

    private int labelAt(int ordinal) {
        if (labels == null) {
            return 0;
        }
        int[] chunk = labels[ordinal >>> CHUNK_BITS];
        return chunk == null ? 0 : chunk[ordinal & (CHUNK - 1)];
    }

    private long keyAt(int ordinal) {
        return keys[ordinal >>> CHUNK_BITS][ordinal & (CHUNK - 1)];
    }

    private int lineAt(int ordinal) {
        return lines[ordinal >>> CHUNK_BITS][ordinal & (CHUNK - 1)];
    }

    /**
     * Four bits of the hash that neither the segment nor the slot uses, kept in the slot beside
     * the ordinal: a probe passing another image's slot then reads that image's fingerprint (a
     * cache miss, far away in the chunks) only once in 16 times.
     */
    private static int tag(long h) {
        return (int) (h >>> 32) & 0xF;
    }

    /** Maps the low 32 bits of the hash onto [0, length) with a multiply, so lengths need not be powers of two. */
    private static int slot(long h, int length) {
        return (int) (((h & 0xFFFFFFFFL) * length) >>> 32);
    }

    /** One part of the table: the entries whose hash starts with the segment's bits. */
    private static final class Segment {
        int[] slots = new int[64];
        int size;

        void grow(UrlIndex index) {
            resize(index, slots.length + slots.length / 2);
        }

        void resize(UrlIndex index, int length) {
            int[] old = slots;
            int[] grown = new int[length];
            for (int entry : old) {
                if (entry != 0) {
                    int i = slot(mix(index.keyAt((entry & ORDINALS) - 1)), grown.length);
                    while (grown[i] != 0) {
                        i = i + 1 == grown.length ? 0 : i + 1;
                    }
                    grown[i] = entry;
                }
            }
            slots = grown;
        }
    }

    /** The finalizer of MurmurHash3: spreads the fingerprint's bits over the segment and slot. */
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
    public static long fingerprint(String s, int from, int to, long seed) {
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
