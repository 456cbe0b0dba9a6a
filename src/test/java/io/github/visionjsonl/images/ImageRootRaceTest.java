package io.github.visionjsonl.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.internal.ImageRoot;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images root holds while the tree changes under the checks: a folder inside swapped for a
 * link to an outside folder (with an image of another size, or a FIFO, under the same name), and
 * a file swapped for a FIFO. No check may read outside, and none may hang.
 *
 * <p>{@code -Dvisionjsonl.race.checks=N} runs N checks against each swapper (default 5,000;
 * 20,000 for a long run).
 */
class ImageRootRaceTest {

    private static final int CHECKS = Integer.getInteger("visionjsonl.race.checks", 5_000);

    @TempDir
    Path tmp;

    @Test
    void aFolderSwappedForALinkOutsideIsNeverReadThrough() throws Exception {
        Path root = tmp.resolve("store");
        ImageFiles.write(root.resolve("d/x.png"), ImageFiles.encode("png", 40, 30));
        ImageFiles.write(tmp.resolve("outside/x.png"), ImageFiles.encode("png", 77, 55));
        Files.createDirectories(tmp.resolve("outside-fifo"));
        assumeTrue(mkfifo(tmp.resolve("outside-fifo/x.png")), "mkfifo is needed for this test");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < CHECKS; i++) {
            lines.append("{\"image_url\": \"AmlDatastore://ws/d/x.png\", \"image_details\": {\"width\": 40, \"height\": 30},"
                    + " \"label\": \"can\"}\n");
        }
        byte[] content = lines.toString().getBytes(StandardCharsets.UTF_8);
        DatasetValidator validator = DatasetValidator.builder().images(ImageOptions.under(root).withThreads(2))
                .maxFindings(CHECKS * 2).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        Thread swapper = new Thread(() -> {
            Path dir = root.resolve("d");
            Path kept = root.resolve("d.real");
            Path link = root.resolve("d.link");
            try {
                while (!stop.get()) {
                    Files.createSymbolicLink(link, tmp.resolve(swaps.get() % 2 == 0 ? "outside" : "outside-fifo"));
                    Files.move(dir, kept, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, dir, StandardCopyOption.ATOMIC_MOVE);
                    Thread.onSpinWait();
                    Files.delete(dir);
                    Files.move(kept, dir, StandardCopyOption.ATOMIC_MOVE);
                    swaps.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "swapper");
        swapper.setDaemon(true);
        swapper.start();
        ValidationReport report;
        try {
            report = assertTimeoutPreemptively(Duration.ofMinutes(1),
                    () -> validator.validate(new ByteArrayInputStream(content), "race.jsonl"));
        } finally {
            stop.set(true);
            swapper.join();
        }
        assertThat(swaps.get()).isGreaterThan(100);
        assertThat(report.findings()).noneMatch(f -> f.message().contains("77x55"));
        // A folder caught between a link and a folder again is refused as changed.
        assertThat(report.findings()).filteredOn(f -> f.rule().isImageRule()).allMatch(f ->
                EnumSet.of(RuleCode.IMAGE_MISSING, RuleCode.IMAGE_PATH_ESCAPE).contains(f.rule())
                        || f.rule() == RuleCode.IMAGE_UNREADABLE && f.message().contains("changed while it was checked"));
        assertThat(report.findings()).noneMatch(f -> f.message().contains("took longer"));
        // The check did happen while the folder was a link, and said so.
        assertThat(report.findings(RuleCode.IMAGE_PATH_ESCAPE)).isNotEmpty();
        assertThat(report.validRecords()).isGreaterThan(0);
    }

    @Test
    void aFileSwappedForAFifoIsAFindingNotAHang() throws Exception {
        Path root = tmp.resolve("store");
        byte[] png = ImageFiles.encode("png", 40, 30);
        Path realMaster = ImageFiles.write(root.resolve("masters/x.png"), png);
        Path fifoMaster = root.resolve("masters/fifo");
        assumeTrue(mkfifo(fifoMaster), "mkfifo is needed for this test");
        Path name = root.resolve("d/x.png");
        Files.createDirectories(name.getParent());
        Files.createLink(name, realMaster);
        ImageRoot images = new ImageRoot(root, Duration.ofMillis(200));
        AtomicBoolean stop = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            Path next = root.resolve("d/.next");
            try {
                for (long i = 0; !stop.get(); i++) {
                    Files.createLink(next, i % 2 == 0 ? fifoMaster : realMaster);
                    Files.move(next, name, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "swapper");
        swapper.setDaemon(true);
        swapper.start();
        Set<ImageRoot.Reason> allowed = EnumSet.of(ImageRoot.Reason.NOT_REGULAR, ImageRoot.Reason.UNREADABLE,
                ImageRoot.Reason.MISSING);
        long[] opened = {0};
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
                for (int i = 0; i < CHECKS / 4; i++) {
                    try (ImageRoot.Opened file = images.open("d/x.png")) {
                        // Whatever was opened is the image or was refused: never a FIFO being read.
                        assertThat(file.channel().size()).isEqualTo(png.length);
                        opened[0]++;
                    } catch (ImageRoot.Refusal r) {
                        assertThat(r.reason()).isIn(allowed);
                    }
                }
            });
        } finally {
            stop.set(true);
            swapper.join();
            releaseStuckOpens(fifoMaster);
        }
        assertThat(opened[0]).isGreaterThan(0);
    }

    /**
     * Opens any reader stuck on the FIFO, so that its helper thread ends: opened for reading and
     * writing, which on Linux never blocks, and done before the test returns (a writer thread left
     * behind would recreate the FIFO's name as a plain file once the temporary folder is deleted).
     */
    private static void releaseStuckOpens(Path fifo) {
        try (RandomAccessFile both = new RandomAccessFile(fifo.toFile(), "rw")) {
            both.getFD().sync();
        } catch (IOException e) {
            // no FIFO left to open: nothing to release
        }
    }

    static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
