package io.github.visionjsonl.reading.internal.binding;

import java.util.Arrays;

/**
 * Keys with lone surrogate escapes: JSON allows them, Jackson refuses them in keys (in values it
 * reads them). A line with such keys is read again with each lone surrogate escape standing for
 * a private-use character, written as an escape of the same length.
 */
public final class LoneSurrogateKeys {

    /** Where lone surrogates of keys are mapped to: private-use characters, as many. */
    private static final int STAND_IN = 0xE000;

    private LoneSurrogateKeys() {
    }

    /**
     * The line with every lone surrogate escape of its keys (an escape of DC00 with no high
     * surrogate before it, say) written as the escape of a private-use character (E400 for
     * DC00) of the same length, or null when
     * it has none. JSON allows such keys and Jackson refuses them (in values it reads them);
     * the keys stay distinct, columns stay where they were, and {@link TokenReader#bindSurrogateKeys}
     * reports the names as written.
     */
    public static byte[] replaced(byte[] buf, int start, int length) {
        byte[] b = Arrays.copyOfRange(buf, start, start + length);
        boolean changed = false;
        int i = 0;
        while (i < b.length) {
            if (b[i] != '"') {
                i++;
                continue;
            }
            int close = i + 1;
            while (close < b.length && b[close] != '"') {
                close += b[close] == '\\' ? 2 : 1;
            }
            int after = close + 1;
            while (after < b.length && (b[after] == ' ' || b[after] == '\t')) {
                after++;
            }
            if (after < b.length && b[after] == ':') {
                for (int e = i + 1; e + 5 < close; e++) {
                    if (b[e] != '\\') {
                        continue;
                    }
                    int unit = b[e + 1] == 'u' ? hex4(b, e + 2) : -1;
                    if (unit >= 0xD800 && unit <= 0xDBFF && e + 11 < close + 1 && b[e + 6] == '\\'
                            && b[e + 7] == 'u' && hex4(b, e + 8) >= 0xDC00 && hex4(b, e + 8) <= 0xDFFF) {
                        e += 11; // a pair: Jackson reads it
                    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
                        String standIn = Integer.toHexString(STAND_IN + unit - 0xD800);
                        for (int k = 0; k < 4; k++) {
                            b[e + 2 + k] = (byte) standIn.charAt(k);
                        }
                        changed = true;
                        e += 5;
                    } else {
                        e++; // the escaped character is no escape of its own
                    }
                }
            }
            i = close + 1;
        }
        return changed ? b : null;
    }

    private static int hex4(byte[] b, int at) {
        if (at + 4 > b.length) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** A key as the line writes it: the stand-ins mapped back to the lone surrogates. */
    static String asWritten(String name) {
        char[] c = null;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch >= STAND_IN && ch < STAND_IN + 0x800) {
                if (c == null) {
                    c = name.toCharArray();
                }
                c[i] = (char) (ch - STAND_IN + 0xD800);
            }
        }
        return c == null ? name : new String(c);
    }
}
