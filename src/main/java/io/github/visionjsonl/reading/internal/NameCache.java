package io.github.visionjsonl.reading.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Hands out one String per distinct class name, straight from the parser's characters. A dataset
 * has a few hundred class names repeated on millions of lines: reusing them saves a String per
 * label, and every later hash lookup of the name finds its hash already computed.
 */
final class NameCache {

    private static final int BUCKETS = 512;
    private static final int WAYS = 4;
    private static final int LONGEST = 64;

    private final String[] names = new String[BUCKETS * WAYS];
    private int next;

    /** The current string token as a String, shared with earlier equal names when short enough. */
    String get(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > LONGEST) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int hash = length;
        if (length > 0) {
            hash = hash * 31 + chars[offset];
            hash = hash * 31 + chars[offset + length - 1];
            hash = hash * 31 + chars[offset + (length >> 1)];
        }
        int bucket = (hash ^ (hash >>> 9)) & (BUCKETS - 1);
        int base = bucket * WAYS;
        for (int w = 0; w < WAYS; w++) {
            String s = names[base + w];
            if (s == null) {
                break;
            }
            if (same(s, chars, offset, length)) {
                return s;
            }
        }
        String s = new String(chars, offset, length);
        // Round-robin replacement within the bucket: bounded memory, any dataset.
        names[base + (next++ & (WAYS - 1))] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
