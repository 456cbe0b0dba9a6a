package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RLE masks decode like pycocotools and trace into polygons whose XOR is the mask again. */
class RleMaskTest {

    /** Column-major run lengths of a mask given as rows of '#' and '.'. */
    static long[] counts(String... rows) {
        int h = rows.length;
        int w = rows[0].length();
        List<Long> runs = new ArrayList<>();
        boolean value = false;
        long run = 0;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                boolean v = rows[y].charAt(x) == '#';
                if (v != value) {
                    runs.add(run);
                    run = 0;
                    value = v;
                }
                run++;
            }
        }
        runs.add(run);
        return runs.stream().mapToLong(Long::longValue).toArray();
    }

    /** pycocotools' rleToString: the compressed form of counts. */
    static String compress(long[] counts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    /** Whether the pixel centre lies inside an odd count of the rings (the runtime's XOR). */
    static boolean inside(List<double[]> rings, double px, double py) {
        boolean in = false;
        for (double[] r : rings) {
            int n = r.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = r[2 * i];
                double yi = r[2 * i + 1];
                double xj = r[2 * j];
                double yj = r[2 * j + 1];
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
        }
        return in;
    }

    static void assertTracesBack(String... rows) {
        RleMask mask = RleMask.of(rows.length, rows[0].length(), counts(rows));
        List<double[]> rings = mask.rings(0);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[0].length(); x++) {
                assertThat(inside(rings, x + 0.5, y + 0.5)).as("pixel %d,%d", x, y).isEqualTo(rows[y].charAt(x) == '#');
            }
        }
    }

    private static final String[] RING = {
        "........",
        ".######.",
        ".######.",
        ".##..##.",
        ".##..##.",
        ".######.",
        "........"};

    @Test
    void decodesUncompressedAndCompressedCountsAlike() {
        long[] counts = counts(RING);
        RleMask plain = RleMask.of(7, 8, counts);
        RleMask packed = RleMask.ofCompressed(7, 8, compress(counts));
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 7; y++) {
                assertThat(packed.get(x, y)).isEqualTo(plain.get(x, y)).isEqualTo(RING[y].charAt(x) == '#');
            }
        }
        assertThat(plain.area()).isEqualTo(26);
        assertThat(compress(new long[] {0, 5, 3, 600, 2})).isNotEmpty();
        assertThat(RleMask.ofCompressed(30, 30, compress(new long[] {0, 5, 3, 600, 2})).area()).isEqualTo(605);
    }

    @Test
    void aHoleIsItsOwnSegment() {
        List<double[]> rings = RleMask.of(7, 8, counts(RING)).rings(0);
        assertThat(rings).hasSize(2);
        assertThat(rings).allSatisfy(r -> assertThat(r).hasSize(8));
        assertTracesBack(RING);
    }

    @Test
    void shapesTraceBackToTheSameMask() {
        assertTracesBack("#");
        assertTracesBack("##.", "#..", "###");
        assertTracesBack("#..#", "....", "#..#");
        assertTracesBack("#.", ".#");
        assertTracesBack(".###.", "#...#", "#.#.#", "#...#", ".###.");
    }

    @Test
    void simplificationKeepsWithinTolerance() {
        String[] staircase = new String[12];
        for (int y = 0; y < 12; y++) {
            staircase[y] = "#".repeat(y + 1) + ".".repeat(11 - y);
        }
        RleMask mask = RleMask.of(12, 12, counts(staircase));
        assertThat(mask.rings(1.0).get(0).length).isLessThan(mask.rings(0).get(0).length);
    }

    @Test
    void randomMasksDecodeAndTraceBackPixelForPixel() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            int h = 1 + random.nextInt(9);
            int w = 1 + random.nextInt(9);
            String[] rows = new String[h];
            double density = random.nextDouble();
            for (int y = 0; y < h; y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < w; x++) {
                    row.append(random.nextDouble() < density ? '#' : '.');
                }
                rows[y] = row.toString();
            }
            RleMask mask = RleMask.of(h, w, counts(rows));
            long area = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(mask.get(x, y)).as("%s at %d,%d", String.join("/", rows), x, y).isEqualTo(rows[y].charAt(x) == '#');
                    area += rows[y].charAt(x) == '#' ? 1 : 0;
                }
            }
            assertThat(mask.area()).isEqualTo(area);
            assertTracesBack(rows);
        }
    }

    @Test
    void aHugeSparseMaskCostsItsRunsNotItsArea() {
        // 46000 x 46000 pixels (2.1 billion) holding a 100 x 50 square at column 20000, row 30000
        int h = 46_000;
        long start = 20_000L * h + 30_000;
        long[] counts = new long[201];
        counts[0] = start;
        for (int c = 0; c < 100; c++) {
            counts[1 + 2 * c] = 50;
            counts[2 + 2 * c] = c == 99 ? (long) h * h - start - 99L * h - 50 : h - 50;
        }
        RleMask mask = RleMask.of(h, h, counts);
        assertThat(mask.area()).isEqualTo(5000);
        assertThat(mask.get(20_050, 30_010)).isTrue();
        assertThat(mask.get(20_100, 30_010)).isFalse();
        List<double[]> rings = mask.rings(0);
        assertThat(rings).singleElement().satisfies(r -> assertThat(r).containsExactlyInAnyOrder(
                20_000, 30_000, 20_000, 30_050, 20_100, 30_050, 20_100, 30_000));
        // one run over every column of a 1 x 2^31-1 mask is one band, not two billion columns
        RleMask line = RleMask.of(1, Integer.MAX_VALUE, new long[] {0, Integer.MAX_VALUE});
        assertThat(line.area()).isEqualTo(Integer.MAX_VALUE);
        assertThat(line.rings(0)).hasSize(1);
    }

    @Test
    void aMaskWhoseOutlineIsTooFineIsRefused() {
        // a diagonal of 6000 pixels: 12000 runs, but a grid of 6000 bands x 6000 rows, more than RleMask.MAX_CELLS
        int side = 6000;
        long[] counts = new long[2 * side];
        for (int x = 0; x < side; x++) {
            counts[2 * x] = x == 0 ? 0 : side;
            counts[2 * x + 1] = 1;
        }
        RleMask mask = RleMask.of(side, side, counts);
        assertThat(mask.area()).isEqualTo(side);
        assertThatThrownBy(() -> mask.rings(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cells");
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> RleMask.of(2, 2, new long[] {1, 9})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RleMask.ofCompressed(2, 2, "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cocoRleWithAHoleBecomesTwoSegments(@TempDir Path dir) throws Exception {
        String coco = "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 8, \"height\": 7}],"
                + "\"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"iscrowd\": 1,"
                + "\"segmentation\": {\"size\": [7, 8], \"counts\": \"" + compress(counts(RING)) + "\"}},"
                + "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"iscrowd\": 0,"
                + "\"segmentation\": {\"size\": [7, 8], \"counts\": " + Arrays.toString(counts(RING)) + "}}],"
                + "\"categories\": [{\"id\": 1, \"name\": \"donut\"}]}";
        Path in = Files.writeString(dir.resolve("rle.json"), coco);
        Path out = dir.resolve("rle.jsonl");
        ConversionResult r = new CocoToJsonl(Task.IMAGE_INSTANCE_SEGMENTATION, "AmlDatastore://ws/", 0).convert(in, out);
        assertThat(r.findings()).extracting(Finding::code).isEmpty();
        JsonNode label = new ObjectMapper().readTree(Files.readAllLines(out).get(0)).get("label");
        assertThat(label).hasSize(2);
        assertThat(label.get(0).get("polygon")).hasSize(2);
        assertThat(label.get(0).get("isCrowd").asInt()).isEqualTo(1);
        assertThat(label.get(0).get("polygon").toString()).isEqualTo(label.get(1).get("polygon").toString());
        assertThat(r.validation().errors()).isZero();
    }
}
