package io.github.visionjsonl.reading.internal;

import java.util.Locale;

/** Suggests the known key an unknown key was probably meant to be ({@code topx} to {@code topX}). */
public final class KeyHints {

    private KeyHints() {
    }

    /** The nearest known key, or {@code null} when none is near enough. */
    public static String nearest(String unknown, String[] known) {
        String u = normalize(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String n = normalize(k);
            if (n.equals(u)) {
                return k;
            }
            int d = distance(u, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = u.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    private static String normalize(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance; keys are short, so the quadratic table is fine. */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
