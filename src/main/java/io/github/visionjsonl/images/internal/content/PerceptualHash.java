package io.github.visionjsonl.images.internal.content;

import java.util.Arrays;

/**
 * A 64-bit perceptual hash of an image (the DCT hash of pHash): the image as 32 x 32 grey values,
 * its two-dimensional DCT-II, and one bit per coefficient of the 8 x 8 lowest frequencies but the
 * DC term (63 bits; bit 0 is always 0), set where the coefficient is above their median.
 * Resizing, re-encoding, small crops and brightness shifts change few bits; different pictures
 * differ in about half of them.
 */
final class PerceptualHash {

    /** Side of the grey image the hash is computed from. */
    static final int SIZE = 32;
    private static final double[][] COSINES = cosines();

    private PerceptualHash() {
    }

    /** The hash of {@code SIZE * SIZE} grey values, row by row. */
    static long of(float[] grey) {
        if (grey.length != SIZE * SIZE) {
            throw new IllegalArgumentException("expected " + SIZE * SIZE + " values, got " + grey.length);
        }
        // Only the 8 x 8 lowest frequencies are needed: rows first, then columns.
        double[] rows = new double[SIZE * 8];
        for (int y = 0; y < SIZE; y++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) {
                    sum += grey[y * SIZE + x] * COSINES[u][x];
                }
                rows[y * 8 + u] = sum;
            }
        }
        double[] coefficients = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    sum += rows[y * 8 + u] * COSINES[v][y];
                }
                coefficients[v * 8 + u] = sum;
            }
        }
        // The DC term says only how bright the image is: it is left out (bit 0 stays 0).
        double[] sorted = Arrays.copyOfRange(coefficients, 1, 64);
        Arrays.sort(sorted);
        double median = sorted[31];
        long hash = 0;
        for (int i = 1; i < 64; i++) {
            if (coefficients[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    /** The count of bits in which two hashes differ. */
    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static double[][] cosines() {
        double[][] c = new double[8][SIZE];
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < SIZE; x++) {
                c[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
        return c;
    }
}
