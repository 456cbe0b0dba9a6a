package io.github.visionjsonl.images.internal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    /** A hash with bits flipped at {@code count} random places. */
    private static long flip(long hash, int count, Random r) {
        long h = hash;
        for (int i = 0; i < count; ) {
            long bit = 1L << r.nextInt(64);
            if (((h ^ hash) & bit) == 0) {
                h ^= bit;
                i++;
            }
        }
        return h;
    }

    @Test
    void findsWhatAComparisonWithEveryHashFinds() {
        Random r = new Random(3);
        for (int maxDistance : new int[] {0, 3, 4, 7, 8, 12}) {
            NearDuplicates index = new NearDuplicates(maxDistance);
            long[] hashes = new long[4000];
            for (int i = 0; i < hashes.length; i++) {
                // a third are near an earlier hash, at distances around the limit
                hashes[i] = i > 10 && i % 3 == 0 ? flip(hashes[r.nextInt(i)], r.nextInt(maxDistance + 3), r) : r.nextLong();
                long expected = 0;
                int best = Integer.MAX_VALUE;
                for (int j = 0; j < i; j++) {
                    int d = Long.bitCount(hashes[j] ^ hashes[i]);
                    if (d <= maxDistance && d < best) {
                        best = d;
                        expected = j + 1;
                    }
                }
                assertThat(index.nearest(hashes[i])).as("distance %d, hash %d", maxDistance, i).isEqualTo(expected);
                index.add(hashes[i], i + 1);
            }
        }
    }

    @Test
    void theDistanceIsBounded() {
        assertThatThrownBy(() -> new NearDuplicates(17)).isInstanceOf(IllegalArgumentException.class);
    }
}
