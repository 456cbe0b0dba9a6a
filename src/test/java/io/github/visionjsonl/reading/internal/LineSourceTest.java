package io.github.visionjsonl.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
}
