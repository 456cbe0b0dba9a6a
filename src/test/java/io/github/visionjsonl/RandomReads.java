package io.github.visionjsonl;

import java.io.InputStream;
import java.util.function.IntSupplier;

/** A stream over bytes whose reads hand out as many bytes as {@code sizes} says, for readers split at every place. */
public final class RandomReads {

    private RandomReads() {
    }

    /** @param sizes the most bytes of each read (at least 1), asked once per read that has bytes to give */
    public static InputStream of(byte[] bytes, IntSupplier sizes) {
        return new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, sizes.getAsInt()), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }
}
