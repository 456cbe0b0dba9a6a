package io.github.visionjsonl.internal.urls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UrlIndexTest {

    @Test
    void remembersTheFirstLineAndLabelsOfEveryImageAcrossGrowth() {
        UrlIndex index = new UrlIndex();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertThat(index.put(fingerprint(i), i + 1, i % 3 == 0 ? 0 : i | 1)).isNull();
        }
        assertThat(index.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 7) {
            UrlIndex.Seen seen = index.put(fingerprint(i), n + 10L + i, 5);
            assertThat(seen).isEqualTo(new UrlIndex.Seen(i + 1, i % 3 == 0 ? 0 : i | 1));
            assertThat(index.lineOf(fingerprint(i))).isEqualTo(i + 1);
        }
        assertThat(index.size()).isEqualTo(n);
        assertThat(index.lineOf(fingerprint(n + 1))).isEqualTo(-1);
    }

    @Test
    void keepsTheTableBetweenAThirdAndThreeQuartersFull() {
        UrlIndex index = new UrlIndex();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            index.put(random.nextLong(), i + 1, 0);
        }
        double load = (double) index.size() / index.capacity();
        assertThat(load).isBetween(0.4, 0.75);
    }

    @Test
    void roomMadeAheadHoldsThatManyImagesWithoutGrowingAndKeepsWhatWasThere() {
        UrlIndex index = new UrlIndex();
        for (int i = 0; i < 1000; i++) {
            index.put(fingerprint(i), i + 1, 0);
        }
        index.reserve(200_000);
        long capacity = index.capacity();
        assertThat(capacity).isBetween(200_000L * 4 / 3, 200_000L * 2);
        for (int i = 0; i < 1000; i++) {
            assertThat(index.lineOf(fingerprint(i))).isEqualTo(i + 1);
        }
        for (int i = 1000; i < 190_000; i++) {
            index.put(fingerprint(i), i + 1, 0);
        }
        assertThat(index.capacity()).isEqualTo(capacity);
        index.reserve(10);
        assertThat(index.capacity()).isEqualTo(capacity);
        assertThat(index.put(fingerprint(5), 1, 0)).isEqualTo(new UrlIndex.Seen(6, 0));
    }

    @Test
    void aZeroFingerprintIsAnImageLikeAnyOther() {
        UrlIndex index = new UrlIndex();
        assertThat(index.put(0, 4, 0)).isNull();
        assertThat(index.put(0, 9, 0)).isEqualTo(new UrlIndex.Seen(4, 0));
        assertThat(index.lineOf(0)).isEqualTo(4);
    }

    @Test
    void linesBeyondTheIntRangeAreKeptAsTheLargestInt() {
        UrlIndex index = new UrlIndex();
        index.put(42, 5_000_000_000L, 0);
        assertThat(index.lineOf(42)).isEqualTo(Integer.MAX_VALUE);
    }

    private static long fingerprint(int i) {
        String url = "https://example.org/images/" + i + ".jpg";
        return UrlIndex.fingerprint(url, 0, url.length(), 17);
    }
}
