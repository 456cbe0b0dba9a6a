package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.fail;

import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of a line is O(n log n) or better in the line's size: a line of each hostile shape
 * is validated at sizes n, 2n and 4n, and the two doublings must not take more than 2.5 times
 * the time each, on average: 4n at most 6.25 times n (a quadratic check takes 16 times). The
 * average, because one doubling alone can cost 3 times when the line's maps outgrow a cache.
 * Times are only compared with each other, within the test, never with a bound: each is the
 * test thread's processor time, the best of several runs after a warm-up, at sizes where one run
 * takes some milliseconds.
 *
 * <p>{@code -Dvisionjsonl.scaling.runs=N} takes the best of N runs (default 5; 7 for a long run).
 */
class ScalingTest {

    /** Doubling the line may cost this factor: linear is 2, n log n a little more, quadratic 4. */
    private static final double MAX_RATIO = 2.5;
    private static final int RUNS = Integer.getInteger("visionjsonl.scaling.runs", 5);
    private static final int ATTEMPTS = 3;

    /** One thread, the test's: its processor time leaves out other processes of a shared machine. */
    private static final DatasetValidator VALIDATOR = DatasetValidator.builder().threads(1).maxLineLength(64 << 20).build();
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final String URL = "\"image_url\": \"AmlDatastore://ds/1.jpg\"";

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("identical boxes", 8_000, (IntFunction<String>) n -> boxes(n, i -> "can", i -> 0.0)),
                Arguments.of("boxes of distinct classes", 4_000, (IntFunction<String>) n -> boxes(n, i -> "c" + i,
                        i -> i * 1e-7)),
                Arguments.of("stacked boxes", 4_000, (IntFunction<String>) n -> stacked(n)),
                Arguments.of("multi-label names", 4_000, (IntFunction<String>) n -> names(n, i -> "class_" + i)),
                Arguments.of("repeated multi-label names", 40_000, (IntFunction<String>) n -> names(n, i -> "can")),
                Arguments.of("unknown keys", 16_000, (IntFunction<String>) n -> keys(n, i -> "extra_" + i)),
                Arguments.of("duplicate keys", 20_000, (IntFunction<String>) n -> keys(n, i -> "extra")),
                Arguments.of("polygon points", 50_000, (IntFunction<String>) n -> polygon(n)),
                Arguments.of("polygons", 20_000, (IntFunction<String>) n -> polygons(n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void doublingALineAtMostAboutDoublesItsTime(String shape, int n, IntFunction<String> line) {
        byte[][] lines = new byte[3][];
        for (int k = 0; k < 3; k++) {
            lines[k] = line.apply(n << k).getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < 3; i++) {
            validate(lines[0]);
            validate(lines[1]);
        }
        String times = "";
        // The machine is shared: a measurement disturbed by another process is taken again, and
        // only a check that is slow every time fails.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[] t = best(lines);
            times += String.format(Locale.ROOT, "%n%s: %.1f, %.1f, %.1f ms at n = %d, %d, %d", shape, t[0] / 1e6,
                    t[1] / 1e6, t[2] / 1e6, n, 2 * n, 4 * n);
            if (t[2] / t[0] < MAX_RATIO * MAX_RATIO) {
                return;
            }
        }
        fail("doubling the line twice more than %s times its time twice, every time:%s", MAX_RATIO, times);
    }

    /** The best time of each line over several rounds, taken in turn so that a slow moment hits all alike. */
    private static double[] best(byte[][] lines) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < RUNS; round++) {
            for (int k = 0; k < lines.length; k++) {
                // A collection left over from the line before is not this line's time.
                System.gc();
                long start = THREAD.getCurrentThreadCpuTime();
                validate(lines[k]);
                best[k] = Math.min(best[k], THREAD.getCurrentThreadCpuTime() - start);
            }
        }
        return best;
    }

    private static ValidationReport validate(byte[] line) {
        try {
            return VALIDATOR.validate(new ByteArrayInputStream(line), "scale.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String boxes(int n, IntFunction<String> label, IntToDoubleFunction shift) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": [");
        for (int i = 0; i < n; i++) {
            double x = 0.1 + shift.applyAsDouble(i);
            b.append(i == 0 ? "" : ", ").append("{\"label\": \"").append(label.apply(i)).append("\", \"topX\": ").append(x)
                    .append(", \"topY\": 0.1, \"bottomX\": ").append(x + 0.4).append(", \"bottomY\": 0.5}");
        }
        return b.append("]}\n").toString();
    }

    /** Boxes of one class one above the other: one column, none a duplicate of another. */
    private static String stacked(int n) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": [");
        double h = 1.0 / n;
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"label\": \"can\", \"topX\": 0.1, \"topY\": ").append(i * h)
                    .append(", \"bottomX\": 0.9, \"bottomY\": ").append((i + 1) * h).append("}");
        }
        return b.append("]}\n").toString();
    }

    private static String names(int n, IntFunction<String> name) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "\"" : ", \"").append(name.apply(i)).append('"');
        }
        return b.append("]}\n").toString();
    }

    private static String keys(int n, IntFunction<String> key) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": \"can\"");
        for (int i = 0; i < n; i++) {
            b.append(", \"").append(key.apply(i)).append("\": ").append(i);
        }
        return b.append("}\n").toString();
    }

    private static String polygon(int n) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": [{\"label\": \"can\", \"polygon\": [[");
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            b.append(i == 0 ? "" : ", ").append(0.5 + 0.4 * Math.cos(angle)).append(", ").append(0.5 + 0.4 * Math.sin(angle));
        }
        return b.append("]]}]}\n").toString();
    }

    private static String polygons(int n) {
        StringBuilder b = new StringBuilder("{").append(URL).append(", \"label\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"label\": \"can\", \"polygon\": [[0.1, 0.1, 0.5, 0.1, 0.5, 0.5]]}");
        }
        return b.append("]}\n").toString();
    }
}
