package io.github.visionjsonl.reading.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The scanning of a line's bytes that knows nothing of the format: white space, plain strings,
 * digits, read eight bytes at a time where that pays. Every reader of raw bytes (the line
 * splitter, the plain reader, the name cache, the pointer walk) scans through here.
 */
public final class Ascii {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 0x01 in every byte of a word. */
    public static final long ONES = 0x0101010101010101L;
    /** The high bit of every byte of a word. */
    public static final long HIGHS = 0x8080808080808080L;

    private Ascii() {
    }

    /** The eight bytes at {@code i} as a word, the first byte lowest. */
    public static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /**
     * The high bit of each byte of the word that is zero. Borrows only spill upwards: the lowest
     * flagged byte is a true one, those above it may not be.
     */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /**
     * The closing quote of a plain string opened at {@code open} (printable ASCII without escapes),
     * or -1 when it is not plain or does not close before {@code end}.
     */
    public static int plainStringEnd(byte[] b, int open, int end) {
        int i = open + 1;
        // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII.
        for (; i + 8 <= end; i += 8) {
            long w = word(b, i);
            long special = (zeroBytes(w ^ 0x2222222222222222L) | zeroBytes(w ^ 0x5C5C5C5C5C5C5C5CL)
                    | (w - 0x2020202020202020L) | w) & HIGHS;
            if (special != 0) {
                int at = i + (Long.numberOfTrailingZeros(special) >>> 3);
                return b[at] == '"' ? at : -1;
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\') {
                return -1; // escapes, control characters, non-ASCII (negative): the parser's to decode
            }
        }
        return -1;
    }

    /** The first byte at or after {@code at} that is no space or tab, or {@code end}. */
    public static int skipSpaces(byte[] b, int at, int end) {
        while (at < end && (b[at] == ' ' || b[at] == '\t')) {
            at++;
        }
        return at;
    }

    /** Whether the bytes are all JSON white space (spaces, tabs, carriage returns, newlines). */
    public static boolean isWhiteSpace(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether the last byte of the range that is no white space is a closing brace. */
    public static boolean endsWithBrace(byte[] b, int from, int to) {
        int i = to - 1;
        while (i >= from && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i--;
        }
        return i >= from && b[i] == '}';
    }

    /** Whether the byte may follow a plain scalar value: a comma, a closing bracket, a space or a tab. */
    public static boolean delimiter(int c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t';
    }

    /** How many of the eight bytes (first byte lowest) are ASCII digits before the first that is not. */
    public static int leadingDigits(long w) {
        // A byte is no digit when it is above '9' (adding 0x46 sets its top bit), below '0'
        // (subtracting 0x30 borrows into its top bit) or not ASCII; carries and borrows only
        // spill into bytes after the first such byte, which do not count.
        long notDigit = ((w + 0x4646464646464646L) | (w - 0x3030303030303030L) | w) & HIGHS;
        return notDigit == 0 ? 8 : Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /** The value of eight ASCII digits (first digit in the lowest byte; zero bytes count as leading zeros). */
    public static long eightDigits(long w) {
        w = (w & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        w = (w & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (w & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
    }
}
