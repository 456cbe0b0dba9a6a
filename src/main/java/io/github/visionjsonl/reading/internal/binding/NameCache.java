package io.github.visionjsonl.reading.internal.binding;

import com.fasterxml.jackson.core.JsonParser;
import io.github.visionjsonl.reading.internal.Ascii;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands out one String per distinct class name, straight from the parser's characters. A dataset
 * has a few hundred class names repeated on millions of lines: reusing them saves a String per
 * label, and every later hash lookup of the name finds its hash already computed.
 */
final class NameCache {

    private static final int BUCKET_BITS = 9;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int WAYS = 4;
    private static final int LONGEST = 64;
    private static final int SHORT = 2 * Long.BYTES;

    private final String[] names = new String[BUCKETS * WAYS];
    /** The characters of each name, for a vectorized comparison with the parser's buffer. */
    private final char[][] chars = new char[BUCKETS * WAYS][];
    private int next;

    /** Names of up to {@link #SHORT} bytes copied from ASCII input bytes, with their bytes as two words each. */
    private final String[] shortNames = new String[BUCKETS * WAYS];
    private final int[] shortLengths = new int[BUCKETS * WAYS];
    /** The two words of each short name side by side: the ways of a bucket share a cache line. */
    private final long[] words = new long[BUCKETS * WAYS * 2];
    private int nextShortName;

    /** The same for longer names copied from ASCII input bytes. */
    private final String[] byteNames = new String[BUCKETS * WAYS];
    private final byte[][] bytes = new byte[BUCKETS * WAYS][];
    private int nextByteName;

    /** The printable ASCII name in {@code input[from, to)}, shared with earlier equal names. */
    String get(byte[] input, int from, int to) {
        int length = to - from;
        if (length <= SHORT) {
            return getShort(input, from, length);
        }
        if (length > LONGEST) {
            return new String(input, from, length, StandardCharsets.ISO_8859_1);
        }
        // Every byte: names of a dataset often differ in one digit only (class_017, class_018).
        int hash = length;
        for (int i = from; i < to; i++) {
            hash = hash * 31 + input[i];
        }
        int bucket = bucket(hash);
        int base = bucket * WAYS;
        int w = 0;
        for (; w < WAYS; w++) {
            byte[] known = bytes[base + w];
            if (known == null) {
                break;
            }
            if (known.length == length && Arrays.equals(known, 0, length, input, from, to)) {
                return byteNames[base + w];
            }
        }
        String s = new String(input, from, length, StandardCharsets.ISO_8859_1);
        // The first free way, else round-robin within the bucket: bounded memory, any dataset.
        int slot = base + (w < WAYS ? w : nextByteName++ & (WAYS - 1));
        byteNames[slot] = s;
        bytes[slot] = Arrays.copyOfRange(input, from, to);
        return s;
    }

    /**
     * A name of at most 16 bytes, most class names and every format: read as two words, hashed
     * with two multiplications and compared as two words, where the bytewise hash and a call
     * of {@code Arrays.equals} cost about a tenth of a short multi-label line.
     */
    private String getShort(byte[] input, int from, int length) {
        long low;
        long high;
        if (from + 2 * Long.BYTES <= input.length) {
            low = Ascii.word(input, from);
            high = Ascii.word(input, from + Long.BYTES);
            // Zero the bytes past the name.
            if (length < Long.BYTES) {
                low &= (1L << (length * Byte.SIZE)) - 1;
                high = 0;
            } else if (length < 2 * Long.BYTES) {
                high &= (1L << ((length - Long.BYTES) * Byte.SIZE)) - 1;
            }
        } else {
            // Too close to the end of the array to read whole words.
            low = 0;
            high = 0;
            for (int i = 0; i < length; i++) {
                long b = input[from + i] & 0xFFL;
                if (i < Long.BYTES) {
                    low |= b << (i * Byte.SIZE);
                } else {
                    high |= b << ((i - Long.BYTES) * Byte.SIZE);
                }
            }
        }
        // The multiplications carry every byte into the top bits, which pick the bucket.
        long h = (low ^ high * 0xC2B2AE3D27D4EB4FL ^ length) * 0x9E3779B97F4A7C15L;
        int base = (int) (h >>> (64 - BUCKET_BITS)) * WAYS;
        int w = 0;
        for (; w < WAYS; w++) {
            int slot = base + w;
            String known = shortNames[slot];
            if (known == null) {
                break;
            }
            if (shortLengths[slot] == length && words[2 * slot] == low && words[2 * slot + 1] == high) {
                return known;
            }
        }
        String s = new String(input, from, length, StandardCharsets.ISO_8859_1);
        int slot = base + (w < WAYS ? w : nextShortName++ & (WAYS - 1));
        shortNames[slot] = s;
        shortLengths[slot] = length;
        words[2 * slot] = low;
        words[2 * slot + 1] = high;
        return s;
    }

    /** Fibonacci hashing: the top bits of the product depend on every bit of the hash. */
    private static int bucket(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - BUCKET_BITS);
    }

    /** The current string token as a String, shared with earlier equal names when short enough. */
    String get(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > LONGEST) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int hash = length;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = hash * 31 + chars[i];
        }
        int bucket = bucket(hash);
        int base = bucket * WAYS;
        int w = 0;
        for (; w < WAYS; w++) {
            char[] known = this.chars[base + w];
            if (known == null) {
                break;
            }
            if (known.length == length && Arrays.equals(known, 0, length, chars, offset, offset + length)) {
                return names[base + w];
            }
        }
        String s = new String(chars, offset, length);
        int slot = base + (w < WAYS ? w : next++ & (WAYS - 1));
        names[slot] = s;
        this.chars[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        return s;
    }
}
