package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.reading.internal.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys one kind of object of a line knows, in a fixed order, pre-encoded as they appear in a
 * line (closing quote included) with their first eight bytes as a word: the plain reader
 * recognizes a key by comparing words in place, without finding its end first (as Moshi's
 * {@code JsonReader.Options} does for its reader).
 */
final class KnownKeys {

    /** The keys of the record itself. */
    static final KnownKeys RECORD = new KnownKeys("image_url", "image_details", "label");
    /** The keys of {@code image_details}. */
    static final KnownKeys IMAGE_DETAILS = new KnownKeys("format", "width", "height");
    /**
     * The keys of an object of a {@code label} list; the four box corners are at 1 to 4, in the
     * order of {@link io.github.visionjsonl.model.BoundingBox}'s.
     */
    static final KnownKeys LABEL_OBJECT = new KnownKeys("label", "topX", "topY", "bottomX", "bottomY", "isCrowd",
            "polygon");

    /** Indexes in {@link #RECORD}. */
    static final int IMAGE_URL = 0;
    static final int DETAILS = 1;
    static final int LABEL = 2;
    /** Indexes in {@link #LABEL_OBJECT}. */
    static final int OBJECT_LABEL = 0;
    static final int FIRST_CORNER = 1;
    static final int CROWD = 5;
    static final int POLYGON = 6;

    private final String[] names;
    private final byte[][] quoted;
    private final long[] words;
    private final long[] masks;

    private KnownKeys(String... names) {
        this.names = names;
        quoted = new byte[names.length][];
        words = new long[names.length];
        masks = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            byte[] q = (names[i] + "\"").getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(8, q.length);
            long w = 0;
            for (int j = 0; j < n; j++) {
                w |= (q[j] & 0xFFL) << (8 * j);
            }
            quoted[i] = q;
            words[i] = w;
            masks[i] = n == 8 ? -1L : (1L << (8 * n)) - 1;
        }
    }

    /** How many keys there are. */
    int size() {
        return names.length;
    }

    /** The key at an index. */
    String name(int index) {
        return names[index];
    }

    /** The keys in their order, for a message or a nearest-key hint (a copy). */
    String[] names() {
        return Arrays.copyOf(names, names.length);
    }

    /**
     * The index of the key whose characters and closing quote start at {@code from}, or -1; at
     * least eight bytes must follow {@code from} before {@code end}.
     */
    int match(byte[] b, int from, int end) {
        long w = Ascii.word(b, from);
        for (int i = 0; i < words.length; i++) {
            if ((w & masks[i]) == words[i] && sameTail(quoted[i], b, from, end)) {
                return i;
            }
        }
        return -1;
    }

    /** How many bytes the key at an index takes in a line, closing quote included. */
    int quotedLength(int index) {
        return quoted[index].length;
    }

    /** Whether the bytes of a key past its first eight are at {@code from} too. */
    private static boolean sameTail(byte[] quoted, byte[] b, int from, int end) {
        if (quoted.length <= 8) {
            return true;
        }
        if (from + quoted.length > end) {
            return false;
        }
        for (int j = 8; j < quoted.length; j++) {
            if (b[from + j] != quoted[j]) {
                return false;
            }
        }
        return true;
    }
}
