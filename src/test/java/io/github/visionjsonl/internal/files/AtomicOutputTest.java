package io.github.visionjsonl.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs: never over a file, not even one that appears during the write; the umask's permissions. */
class AtomicOutputTest {

    private static final byte[] CONTENT = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void writesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.jsonl");
        AtomicOutput.write(target, out -> out.write(CONTENT));
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(listing(dir)).containsExactly("out.jsonl");
    }

    @Test
    void theOutputHasThePermissionsOfAPlainNewFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path target = dir.resolve("out.jsonl");
        AtomicOutput.write(target, out -> out.write(CONTENT));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);

        Path begun = AtomicOutput.begin(dir.resolve("other.jsonl"));
        assertThat(Files.getPosixFilePermissions(begun)).as("the temporary file itself").isEqualTo(expected);
    }

    @Test
    void aFileThatAppearsDuringTheWriteIsNotReplaced(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> AtomicOutput.write(target, out -> {
            out.write(CONTENT);
            Files.writeString(target, "intruder");
        })).isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getReason()).isEqualTo(AtomicOutput.APPEARED));
        assertThat(Files.readString(target)).isEqualTo("intruder");
        assertThat(listing(dir)).containsExactly("out.jsonl");
    }

    @Test
    void anExistingTargetIsRefusedBeforeWriting(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "keep me");
        assertThatThrownBy(() -> AtomicOutput.begin(target)).isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getReason()).isEqualTo(AtomicOutput.EXISTS));
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(listing(dir)).containsExactly("out.jsonl");
    }

    @Test
    void aDanglingSymbolicLinkIsRefusedAndItsTargetNotCreated(@TempDir Path dir) throws IOException {
        Path nowhere = dir.resolve("nowhere.jsonl");
        Path link = dir.resolve("out.jsonl");
        try {
            Files.createSymbolicLink(link, nowhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links: " + e);
        }
        assertThatThrownBy(() -> AtomicOutput.write(link, out -> out.write(CONTENT)))
                .isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getReason()).isEqualTo(AtomicOutput.DANGLING_LINK));
        assertThat(Files.exists(nowhere)).isFalse();
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path later = dir.resolve("later.jsonl");
        assertThatThrownBy(() -> AtomicOutput.write(later, out -> Files.createSymbolicLink(later, nowhere)))
                .isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getReason()).isEqualTo(AtomicOutput.DANGLING_LINK));
        assertThat(Files.exists(nowhere)).isFalse();
        assertThat(listing(dir)).containsExactlyInAnyOrder("out.jsonl", "later.jsonl");
    }

    @Test
    void withoutHardLinksTheOutputIsCopiedToANewFileNeverOverOne(@TempDir Path dir) throws IOException {
        // The zip file system has no hard links: the copy to a file created new is what commits there.
        Path zip = dir.resolve("outputs.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path target = fs.getPath("/out.jsonl");
            AtomicOutput.write(target, out -> out.write(CONTENT));
            assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);

            Path raced = fs.getPath("/raced.jsonl");
            assertThatThrownBy(() -> AtomicOutput.write(raced, out -> {
                out.write(CONTENT);
                Files.writeString(raced, "intruder");
            })).isInstanceOf(FileAlreadyExistsException.class);
            assertThat(Files.readString(raced)).isEqualTo("intruder");
            try (Stream<Path> files = Files.list(fs.getPath("/"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.jsonl", "raced.jsonl");
            }
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
