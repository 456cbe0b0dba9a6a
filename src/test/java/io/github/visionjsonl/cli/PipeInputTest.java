package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that cannot seek or tell their size: named pipes, {@code <(cat f)}, standard input. */
class PipeInputTest {

    private static final Path INVALID = Path.of("samples/invalid/coordinate-range.jsonl");
    private static final Path VALID = Path.of("samples/image-object-detection/train.jsonl");

    @Test
    void aNamedPipeIsValidatedLikeTheFileItCarries(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir.resolve("in.jsonl"));
        String expected = run("validate", INVALID.toString()).replace(INVALID.toString(), fifo.toString());
        CompletableFuture<Void> writer = feed(fifo, Files.readAllBytes(INVALID));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = VisionJsonl.run(new String[] {"validate", fifo.toString()}, InputStream.nullInputStream(),
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(err.toString()).isEmpty();
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).isEqualTo(expected);
        } finally {
            release(fifo, writer);
        }
    }

    @Test
    void progressOfAPipeCountsTheBytesRead(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir.resolve("in.jsonl"));
        byte[] content = Files.readAllBytes(VALID);
        CompletableFuture<Void> writer = feed(fifo, content);
        List<Progress> seen = new ArrayList<>();
        try {
            ValidationReport report = DatasetValidator.create().validate(fifo, seen::add);
            assertThat(report.isValid()).isTrue();
        } finally {
            release(fifo, writer);
        }
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.percent()).isEqualTo(-1);
        assertThat(last.bytesRead()).isEqualTo(content.length);
        assertThat(ValidateCommand.progressLine("in.jsonl", last)).startsWith("in.jsonl: 0.0 MB read, 32 records");
        assertThat(ValidateCommand.progressLine("f", new Progress(10, 10, 50, 200, 1))).startsWith("f:  25.0% 10 records");
    }

    @Test
    void aStreamThatCannotTellWhatIsAvailableIsReadToTheEnd() throws Exception {
        // What a FileChannel on a pipe does when asked its position.
        InputStream pipe = new FilterInputStream(new ByteArrayInputStream(Files.readAllBytes(INVALID))) {
            @Override
            public int available() throws IOException {
                throw new IOException("Illegal seek");
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
        ValidationReport report = DatasetValidator.create().validate(pipe, "-");
        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.errors()).isEqualTo(4);
    }

    @Test
    void aFileAppearingAtTheOutputDuringFixIsNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir.resolve("in.jsonl"));
        Path target = dir.resolve("fixed.jsonl");
        byte[] content = Files.readAllBytes(VALID);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content, 0, content.length / 2);
                out.flush();
                awaitTemporaryFile(dir);
                Files.writeString(target, "intruder");
                out.write(content, content.length / 2, content.length - content.length / 2);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = VisionJsonl.run(new String[] {"fix", fifo.toString(), "-o", target.toString()},
                    InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err));
            writer.get(10, TimeUnit.SECONDS);
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("vision-jsonl: " + target + " appeared while the output was being "
                    + "written; it was left as it is and the output was not written: choose another output\n");
        } finally {
            release(fifo, writer);
        }
        assertThat(Files.readString(target)).isEqualTo("intruder");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.jsonl", "fixed.jsonl");
        }
    }

    private static void awaitTemporaryFile(Path dir) throws IOException, InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("fix never began its output");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        VisionJsonl.run(args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private static Path fifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo: " + e.getMessage());
            throw e;
        }
        assertThat(p.waitFor()).as("mkfifo").isZero();
        return path;
    }

    private static CompletableFuture<Void> feed(Path fifo, byte[] content) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A writer still waiting for a reader (the test failed before reading) is let go, not left hanging. */
    private static void release(Path fifo, CompletableFuture<Void> writer) throws IOException {
        if (!writer.isDone()) {
            try (InputStream drain = new FileInputStream(fifo.toFile())) {
                drain.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
