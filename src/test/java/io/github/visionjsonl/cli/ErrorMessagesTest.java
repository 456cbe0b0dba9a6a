package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.visionjsonl.internal.files.AtomicOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failing command says: what failed, on which file the user named, what to do; never internals. */
class ErrorMessagesTest {

    private static final String VALID = "samples/image-object-detection/train.jsonl";
    private static final String PREDICTIONS = """
            {"filename": "/tmp/a", "boxes": [{"box": {"topX": 0.2, "topY": 0.2, "bottomX": 0.4, "bottomY": 0.6}, "label": "can", "score": 0.9}]}
            """;

    @Test
    void anOutputInAMissingFolderNamesTheFolderNotATemporaryFile(@TempDir Path dir) throws IOException {
        Path fixed = dir.resolve("nodir/sub/fixed.jsonl");
        CliRun fix = CliRun.run("fix", VALID, "-o", fixed.toString());
        assertThat(fix.exit()).isEqualTo(2);
        assertThat(fix.err()).isEqualTo("vision-jsonl: cannot write " + fixed + ": folder " + dir.resolve("nodir")
                + " does not exist; create it first or choose another output\n");

        Path predictions = Files.writeString(dir.resolve("p.json"), PREDICTIONS);
        Path labels = dir.resolve("nodir/p.jsonl");
        CliRun toLabels = CliRun.run("predictions", "to-labels", "--task", "detection", "--min-score", "0.5",
                predictions.toString(), "-o", labels.toString());
        assertThat(toLabels.exit()).isEqualTo(2);
        assertThat(toLabels.err()).startsWith("vision-jsonl: cannot write " + labels + ": folder " + dir.resolve("nodir")
                + " does not exist").doesNotContain("cannot read", ".tmp");

        for (String option : new String[] {"--html", "--accepted", "--rejected"}) {
            Path written = dir.resolve("nodir/out-" + option.substring(2));
            CliRun r = CliRun.run("validate", option, written.toString(), VALID);
            assertThat(r.exit()).as(option).isEqualTo(2);
            assertThat(r.err()).as(option).isEqualTo("vision-jsonl: cannot write " + written + ": folder "
                    + dir.resolve("nodir") + " does not exist; create it first or choose another output\n");
        }
        Path fixed2 = dir.resolve("fixed2.jsonl");
        Path rejected = dir.resolve("nodir/rejected.jsonl");
        assertThat(CliRun.run("fix", VALID, "-o", fixed2.toString(), "--rejected", rejected.toString()).err())
                .startsWith("vision-jsonl: cannot write " + rejected + ": folder ");

        Path coco = dir.resolve("nodir/coco.json");
        assertThat(CliRun.run("convert", "--from", "jsonl", "--to", "coco", VALID, "-o", coco.toString()).err())
                .startsWith("vision-jsonl: cannot write " + coco + ": folder ").doesNotContain(".tmp");
        assertThat(CliRun.run("generate", "--records", "3", "-o", coco.toString()).err())
                .startsWith("vision-jsonl: cannot write " + coco + ": folder ").doesNotContain(".tmp");
    }

    @Test
    void aMissingInputSaysSoOnce(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jsonl");
        CliRun fix = CliRun.run("fix", missing.toString(), "-o", dir.resolve("out.jsonl").toString());
        assertThat(fix.exit()).isEqualTo(2);
        assertThat(fix.err()).isEqualTo("vision-jsonl: cannot read " + missing + ": no such file; check the path\n");
        assertThat(CliRun.run("predictions", "validate", missing.toString()).err())
                .isEqualTo("vision-jsonl: cannot read " + missing + ": no such file; check the path\n");
        assertThat(CliRun.run("evaluate", "--truth", missing.toString(), "--predictions", VALID, "--task", "detection").err())
                .isEqualTo("vision-jsonl: cannot read " + missing + ": no such file; check the path\n");
        assertThat(CliRun.run("validate", missing.toString()).err())
                .isEqualTo("vision-jsonl: cannot read " + missing + ": no such file; check the path\n");
    }

    @Test
    void aCorruptGzipIsNamedAsSuchInEveryCommandThatReadsOne(@TempDir Path dir) throws IOException {
        Path corrupt = corruptGzip(dir.resolve("bad.jsonl.gz"));
        String expected = "vision-jsonl: cannot read " + corrupt
                + ": the gzip data is corrupt or cut short; check the file with gzip -t, or copy it again\n";
        for (String[] args : new String[][] {
            {"validate", corrupt.toString()},
            {"fix", corrupt.toString(), "-o", dir.resolve("fixed.jsonl").toString()},
            {"convert", "--from", "jsonl", "--to", "coco", corrupt.toString(), "-o", dir.resolve("coco.json").toString()},
            {"evaluate", "--truth", corrupt.toString(), "--predictions", VALID, "--task", "detection"}}) {
            CliRun r = CliRun.run(args);
            assertThat(r.err()).as(args[0]).isEqualTo(expected);
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
        }
        Path truncated = dir.resolve("cut.jsonl.gz");
        byte[] whole = gzip(Files.readAllBytes(Path.of(VALID)));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(CliRun.run("validate", truncated.toString()).err()).contains("the gzip data is corrupt or cut short");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.jsonl.gz", "cut.jsonl.gz");
        }
    }

    @Test
    void theFileOfAPairThatCannotBeReadIsTheOneNamed(@TempDir Path dir) throws IOException {
        Path corrupt = corruptGzip(dir.resolve("bad.jsonl.gz"));
        CliRun train = CliRun.run("validate", "--train", corrupt.toString(), "--validation", VALID);
        assertThat(train.exit()).isEqualTo(2);
        assertThat(train.err()).startsWith("vision-jsonl: cannot read " + corrupt + ": the gzip data is corrupt");
        CliRun validation = CliRun.run("validate", "--train", VALID, "--validation", corrupt.toString());
        assertThat(validation.err()).startsWith("vision-jsonl: cannot read " + corrupt + ": the gzip data is corrupt");
        Path missing = dir.resolve("missing.jsonl");
        assertThat(CliRun.run("validate", "--train", VALID, "--validation", missing.toString()).err())
                .isEqualTo("vision-jsonl: cannot read " + missing + ": no such file; check the path\n");
        assertThat(CliRun.run("validate", "--train", dir.toString(), "--validation", VALID).err())
                .isEqualTo("vision-jsonl: cannot read " + dir + ": is a directory, not a JSONL file\n");
    }

    @Test
    void optionValuesOutOfRangeNameTheOption() {
        assertThat(CliRun.run("generate", "--records", "3", "--invalid-rate", "2", "-o", "x.jsonl").err())
                .startsWith("vision-jsonl: --invalid-rate must be in [0, 1], was 2.0\n");
        assertThat(CliRun.run("generate", "--records", "-1", "-o", "x.jsonl").err()).startsWith("vision-jsonl: --records must be >= 0, was -1\n");
        assertThat(CliRun.run("generate", "--records", "3", "--classes", "0", "-o", "x.jsonl").err())
                .startsWith("vision-jsonl: --classes must be in [1, 1000], was 0\n");
        assertThat(CliRun.run("validate", "--few-samples", "-1", VALID).err()).startsWith("vision-jsonl: --few-samples must be >= 0, was -1\n");
        assertThat(CliRun.run("validate", "--threads", "0", VALID).err()).startsWith("vision-jsonl: --threads must be in [1, 64], was 0\n");
        assertThat(CliRun.run("validate", "--imbalance-ratio", "0.5", VALID).err()).startsWith("vision-jsonl: --imbalance-ratio must be >= 1");
        assertThat(CliRun.run("validate", "--duplicate-box-iou", "0", VALID).err()).startsWith("vision-jsonl: --duplicate-box-iou must be in (0, 1]");
        assertThat(CliRun.run("fix", "--tolerance", "0.7", VALID, "-o", "x.jsonl").err()).startsWith("vision-jsonl: --tolerance must be in [0, 0.5), was 0.7\n");
        assertThat(Files.exists(Path.of("x.jsonl"))).isFalse();
    }

    @Test
    void aDanglingSymbolicLinkAtTheOutputIsRefused(@TempDir Path dir) throws IOException {
        Path link = dir.resolve("fixed.jsonl");
        try {
            Files.createSymbolicLink(link, dir.resolve("nowhere.jsonl"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links: " + e);
        }
        CliRun r = CliRun.run("fix", VALID, "-o", link.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vision-jsonl: " + link + " " + AtomicOutput.DANGLING_LINK + "\n");
        assertThat(Files.exists(dir.resolve("nowhere.jsonl"))).isFalse();
    }

    @Test
    void everyOutputGetsThePermissionsOfAPlainNewFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path predictions = Files.writeString(dir.resolve("p.json"), PREDICTIONS);
        String[][] commands = {
            {"fix", VALID, "-o", dir.resolve("fixed.jsonl").toString()},
            {"convert", "--from", "jsonl", "--to", "coco", VALID, "-o", dir.resolve("coco.json").toString()},
            {"generate", "--records", "5", "-o", dir.resolve("generated.jsonl").toString()},
            {"validate", "--format", "json", "--html", dir.resolve("report.html").toString(), VALID},
            {"validate", "--format", "json", "--accepted", dir.resolve("accepted.jsonl").toString(), VALID},
            {"predictions", "to-labels", "--task", "detection", "--min-score", "0.5", predictions.toString(), "-o",
                dir.resolve("labels.jsonl").toString()}};
        for (String[] args : commands) {
            CliRun r = CliRun.run(args);
            assertThat(r.err()).as(args[0]).isEmpty();
            assertThat(Files.getPosixFilePermissions(Path.of(args[args.length - 1]))).as(args[0]).isEqualTo(expected);
        }
    }

    @Test
    void eachKindOfFailureGetsItsOwnWordsAndNoInternals() {
        Path output = Path.of("out", "fixed.jsonl");
        assertThat(ErrorMessages.describe(new MalformedInputException(1), "names.txt"))
                .isEqualTo("cannot read names.txt: not UTF-8 text; save it as UTF-8");
        assertThat(ErrorMessages.describe(new AccessDeniedException("train.jsonl"), "other"))
                .isEqualTo("cannot read train.jsonl: permission denied; check the file's permissions");
        assertThat(ErrorMessages.describe(new AccessDeniedException("out/.fixed.jsonl.0123abcd.tmp"), "in.jsonl", output))
                .isEqualTo("cannot write " + output + ": no permission to create files in folder out; choose a folder you can write to");
        assertThat(ErrorMessages.describe(new ZipException("invalid distance too far back"), "a.jsonl.gz"))
                .doesNotContain("distance").contains("gzip");
        assertThat(ErrorMessages.describe(new EOFException("Unexpected end of ZLIB input stream"), "a.jsonl.gz"))
                .doesNotContain("ZLIB").contains("cut short");
        assertThat(ErrorMessages.describe(new NoSuchFileException("in.jsonl"), "in.jsonl", output))
                .isEqualTo("cannot read in.jsonl: no such file; check the path");
        assertThat(ErrorMessages.describe(new IOException("Is a directory"), "data"))
                .isEqualTo("cannot read data: is a folder, not a file");
        assertThat(ErrorMessages.describe(new java.nio.file.FileSystemException(output.toString(), null, "Read-only file system"),
                "in.jsonl", output)).isEqualTo("cannot write " + output + ": read-only file system; choose another output");
        assertThat(ErrorMessages.describe(new java.nio.file.FileAlreadyExistsException("r.html", null, "refusing to overwrite it"),
                "in.jsonl", Path.of("r.html"))).isEqualTo("r.html exists; refusing to overwrite it");
        assertThat(ErrorMessages.optionMessage("--iou", "an IoU threshold must be in (0, 1], was 2.0"))
                .isEqualTo("--iou: an IoU threshold must be in (0, 1], was 2.0");
    }

    private static Path corruptGzip(Path file) throws IOException {
        byte[] gz = gzip(Files.readAllBytes(Path.of(VALID)));
        for (int i = 30; i < gz.length - 20; i += 7) {
            gz[i] ^= 0x55;
        }
        return Files.write(file, gz);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
