package io.github.visionjsonl.internal.findings;

/**
 * The hash of a line's bytes that findings carry (FNV-1a, 64 bits). Baselines written by one
 * version are read by the next, so the function must never change.
 */
public final class LineHash {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private LineHash() {
    }

    /** The hash of {@code length} bytes from {@code start}; never 0, which stands for unknown. */
    public static long of(byte[] buf, int start, int length) {
        long h = OFFSET_BASIS;
        for (int i = start, end = start + length; i < end; i++) {
            h = (h ^ (buf[i] & 0xff)) * PRIME;
        }
        return h == 0 ? 1 : h;
    }
}
