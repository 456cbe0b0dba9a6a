package io.github.visionjsonl.images.internal.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The perceptual hash against a test set of edited copies and distinct pictures: the figures of
 * docs/rules.md ({@code near-duplicate-image}) come from {@link #precisionAndRecallByDistance}.
 */
class PerceptualHashTest {

    private static final int SCENES = 60;

    private static long hash(byte[] file) {
        return ContentAnalysis.of(file).perceptual();
    }

    /** The edits of a copy: resized, re-encoded, lightly cropped, brightness-shifted, and combined. */
    private static List<UnaryOperator<BufferedImage>> edits() {
        return List.of(
                i -> Pictures.resized(i, 0.5),
                i -> Pictures.resized(i, 1.5),
                i -> Pictures.cropped(i, 0.05),
                i -> Pictures.brighter(i, 25),
                i -> Pictures.brighter(i, -25),
                i -> Pictures.brighter(Pictures.resized(Pictures.cropped(i, 0.04), 0.6), 15));
    }

    @Test
    void precisionAndRecallByDistance() throws IOException {
        long[] originals = new long[SCENES];
        List<long[]> copies = new ArrayList<>();
        for (int s = 0; s < SCENES; s++) {
            BufferedImage scene = Pictures.scene(1000 + s, 640, 480);
            originals[s] = hash(Pictures.jpeg(scene, 0.9f));
            for (UnaryOperator<BufferedImage> edit : edits()) {
                copies.add(new long[] {s, hash(Pictures.jpeg(edit.apply(scene), 0.5f))});
            }
        }
        StringBuilder table = new StringBuilder("distance precision recall\n");
        double recallAtDefault = 0;
        double precisionAtDefault = 0;
        for (int d = 0; d <= 16; d++) {
            long truePairs = 0;
            long found = 0;
            long foundTrue = 0;
            for (long[] copy : copies) {
                for (int s = 0; s < SCENES; s++) {
                    boolean same = copy[0] == s;
                    boolean near = PerceptualHash.distance(copy[1], originals[s]) <= d;
                    truePairs += same ? 1 : 0;
                    found += near ? 1 : 0;
                    foundTrue += near && same ? 1 : 0;
                }
            }
            for (int a = 0; a < SCENES; a++) {
                for (int b = a + 1; b < SCENES; b++) {
                    found += PerceptualHash.distance(originals[a], originals[b]) <= d ? 1 : 0;
                }
            }
            double precision = found == 0 ? 1 : foundTrue / (double) found;
            double recall = foundTrue / (double) truePairs;
            table.append(String.format(Locale.ROOT, "%2d %.3f %.3f%n", d, precision, recall));
            if (d == ContentRules.DEFAULT_NEAR_DUPLICATE_DISTANCE) {
                precisionAtDefault = precision;
                recallAtDefault = recall;
            }
        }
        System.out.println("near-duplicate-image, " + SCENES + " scenes x " + edits().size() + " edited copies:\n" + table);
        assertThat(precisionAtDefault).as(table.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(recallAtDefault).as(table.toString()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theSameImageHasTheSameHashAndAFlippedOneAnother() throws IOException {
        BufferedImage scene = Pictures.scene(7, 320, 240);
        assertThat(hash(Pictures.png(scene))).isEqualTo(hash(Pictures.png(Pictures.copy(scene))));
        BufferedImage flipped = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                flipped.setRGB(319 - x, y, scene.getRGB(x, y));
            }
        }
        assertThat(PerceptualHash.distance(hash(Pictures.png(scene)), hash(Pictures.png(flipped)))).isGreaterThan(12);
    }
}
