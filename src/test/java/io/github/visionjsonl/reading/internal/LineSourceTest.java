package io.github.visionjsonl.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.RandomReads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the reader splits lines, whatever pieces the stream hands out. */
class LineSourceTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A stream that hands out its bytes in the given pieces. */
    private static InputStream pieces(String... parts) {
        List<byte[]> list = Arrays.stream(parts).map(LineSourceTest::ascii).toList();
        return new InputStream() {
            int part;
            int at;

            @Override
            public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (part < list.size() && at == list.get(part).length) {
                    part++;
                    at = 0;
                }
                if (part == list.size()) {
                    return -1;
                }
                int n = Math.min(len, list.get(part).length - at);
                System.arraycopy(list.get(part), at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void aSkippedLineIsMeasuredWithoutItsCarriageReturnWhereverTheReadsEnd() throws IOException {
        // The \r ends one read and the \n starts the next: the length is the line's own.
        String line = "x".repeat(70_000);
        LineSource lines = new LineSource(pieces(line + "\r", "\nok\n"), 1000);
        assertThat(lines.next()).isTrue();
        assertThat(lines.tooLong()).isTrue();
        assertThat(lines.skippedLength()).isEqualTo(70_000);
        assertThat(lines.next()).isTrue();
        assertThat(lines.length()).isEqualTo(2);
        LineSource returnAlone = new LineSource(pieces(line, "\r", "\nok\n"), 1000);
        assertThat(returnAlone.next()).isTrue();
        assertThat(returnAlone.skippedLength()).isEqualTo(70_000);
        LineSource noReturn = new LineSource(pieces(line, "x\n"), 1000);
        assertThat(noReturn.next()).isTrue();
        assertThat(noReturn.skippedLength()).isEqualTo(70_001);
        LineSource inOneRead = new LineSource(new ByteArrayInputStream(ascii(line + "\r\nok\n")), 1000);
        assertThat(inOneRead.next()).isTrue();
        assertThat(inOneRead.skippedLength()).isEqualTo(70_000);
    }

    /** A stream that hands out 1 to {@code most} bytes per read, at random. */
    private static InputStream randomReads(byte[] bytes, long seed, int most) {
        Random random = new Random(seed);
        return RandomReads.of(bytes, () -> 1 + random.nextInt(most));
    }

    @Test
    void aLineOfTheLimitsLengthIsKeptWhereverItsTerminatorIsSplit() throws IOException {
        int limit = 1000;
        String exact = "x".repeat(limit);
        String over = "y".repeat(limit + 1);
        // the \r at the end of one read and the \n at the start of the next, at the buffer's first fill or later
        for (String before : new String[] {"", "a\n", "z".repeat(70_000) + "\n"}) {
            LineSource split = new LineSource(pieces(before + exact + "\r", "\nok\n"), limit);
            if (!before.isEmpty()) {
                assertThat(split.next()).isTrue();
            }
            assertThat(split.next()).isTrue();
            assertThat(split.tooLong()).as(before.length() + " bytes before").isFalse();
            assertThat(split.length()).isEqualTo(limit);
        }
        byte[] file = ascii(exact + "\r\n" + over + "\r\n" + exact + "\n" + over + "\n" + exact + "\r\n" + exact + "\r");
        for (int seed = 0; seed < 200; seed++) {
            LineSource lines = new LineSource(randomReads(file, seed, 1 + seed % 1500), limit);
            for (int i = 0; i < 6; i++) {
                assertThat(lines.next()).as("seed %d line %d", seed, i + 1).isTrue();
                boolean tooLong = i == 1 || i == 3;
                assertThat(lines.tooLong()).as("seed %d line %d", seed, i + 1).isEqualTo(tooLong);
                assertThat(tooLong ? lines.skippedLength() : lines.length()).isEqualTo(tooLong ? limit + 1 : limit);
            }
            assertThat(lines.next()).isFalse();
        }
    }
}
