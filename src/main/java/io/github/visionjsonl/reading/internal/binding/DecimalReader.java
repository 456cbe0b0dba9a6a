package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.reading.internal.Ascii;

/**
 * Reads the numbers of lines as they almost always are, short decimals ({@code 0.2603}) and small
 * integers, straight from the line's bytes or the parser's characters: an integer divided by a
 * power of ten, which is exact for up to 15 digits (both are exact doubles and the division
 * rounds once, as parsing the text would). Anything else is left to Jackson.
 */
final class DecimalReader {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L};

    /** Where the number last read by {@link #read} ends. */
    int end;

    /**
     * A number at {@code from}, read as the parser reads it, or NaN to give up: strict JSON number
     * syntax, integers of up to nine digits, decimals without exponent of up to 15 digits,
     * followed by a {@linkplain Ascii#delimiter delimiter}. Where it ends is then in {@link #end}.
     *
     * @param limit where the line's bytes end
     */
    double read(byte[] b, int from, int limit) {
        int i = from;
        boolean negative = i < limit && b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        int d;
        for (; i < limit && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            mantissa = mantissa * 10 + d;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && b[intStart] == '0') {
            return Double.NaN; // no digits, or a leading zero: the parser's error
        }
        double v;
        if (i < limit && b[i] == '.') {
            i++;
            int decimals;
            int n = i + 8 <= limit ? Ascii.leadingDigits(Ascii.word(b, i)) : 8;
            if (n > 0 && n < 8) {
                // The usual coordinate: the whole fraction in one word, converted without a branch per digit.
                mantissa = mantissa * LONG_POWERS_OF_TEN[n] + Ascii.eightDigits(Ascii.word(b, i) << (8 * (8 - n)));
                decimals = n;
                i += n;
            } else {
                int fraction = i;
                for (; i < limit && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                    mantissa = mantissa * 10 + d;
                }
                decimals = i - fraction;
            }
            if (decimals == 0 || intDigits + decimals > 15) {
                return Double.NaN; // "1." is no number; longer ones take the parser's exact path
            }
            v = mantissa / POWERS_OF_TEN[decimals];
            v = negative ? -v : v;
        } else {
            if (intDigits > 9) {
                return Double.NaN;
            }
            v = negative ? -mantissa : mantissa; // an int: "-0" is 0.0 as the parser has it
        }
        if (i == limit || !Ascii.delimiter(b[i])) {
            return Double.NaN; // an exponent, or something that is no number
        }
        end = i;
        return v;
    }

    /**
     * A number token's characters as a double, or NaN when they are no short decimal (an
     * exponent, {@code NaN}, {@code Infinity}, more than 15 digits): Jackson's to convert.
     */
    static double fromChars(char[] c, int from, int to) {
        int i = from;
        boolean negative = i < to && c[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < to; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (ch == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double v = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        return negative ? -v : v;
    }

    /** The value of {@code "640"} or {@code "640px"} (1 to 9 digits), else -1. */
    static int pixels(byte[] c, int offset, int length) {
        int end = length >= 2 && c[offset + length - 2] == 'p' && c[offset + length - 1] == 'x' ? length - 2 : length;
        if (end == 0 || end > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < end; i++) {
            int ch = c[offset + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
