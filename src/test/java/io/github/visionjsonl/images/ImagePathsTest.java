package io.github.visionjsonl.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.convert.ConversionResult;
import io.github.visionjsonl.convert.JsonlToCoco;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How image names map to files: as the operating system resolves them, and never past the root. */
class ImagePathsTest {

    @TempDir
    Path tmp;
    Path root;
    DatasetValidator validator;

    @BeforeEach
    void tree() throws IOException {
        root = tmp.resolve("store");
        ImageFiles.write(root.resolve("sub/ok.png"), ImageFiles.encode("png", 40, 30));
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.createSymbolicLink(root.resolve("dirlink"), root.resolve("sub/deeper"));
        ImageFiles.write(tmp.resolve("outside/ok.png"), ImageFiles.encode("png", 40, 30));
        Files.createSymbolicLink(root.resolve("outlink"), tmp.resolve("outside/deeper"));
        Files.createDirectories(tmp.resolve("outside/deeper"));
        validator = DatasetValidator.builder().images(ImageOptions.under(root)).build();
    }

    private List<Finding> findings(String url) throws IOException {
        String line = "{\"image_url\": \"" + url + "\", \"label\": \"can\"}\n";
        ValidationReport r = validator.validate(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "p.jsonl");
        return r.findings().stream().filter(f -> f.rule().isImageRule()).toList();
    }

    @Test
    void parentStepsAfterALinkAreTheLinkTargetsParent() throws IOException {
        // dirlink/.. is sub (where the link leads), not the root: the file exists, as the OS says.
        assertThat(Files.exists(root.resolve("dirlink/../ok.png"))).isTrue();
        assertThat(findings("AmlDatastore://ws/dirlink/../ok.png")).isEmpty();
        assertThat(findings("dirlink/../ok.png")).isEmpty();
        // A name that is missing that way is reported as named.
        assertThat(findings("dirlink/../none.png")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.IMAGE_MISSING);
            assertThat(f.message()).contains("dirlink/../none.png");
        });
    }

    @Test
    void parentStepsThatLeaveAreRefusedWhereverTheyLead() throws IOException {
        assertThat(findings("outlink/../ok.png")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.IMAGE_PATH_ESCAPE);
            assertThat(f.message()).contains("a symbolic link to " + tmp.toRealPath().resolve("outside/ok.png"));
        });
        // Refused by its text alone, even where a link would bring it back inside.
        assertThat(findings("dirlink/../../../store/sub/ok.png")).extracting(Finding::rule)
                .containsExactly(RuleCode.IMAGE_PATH_ESCAPE);
        assertThat(findings("../outside/ok.png")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'..' leads out of"));
    }

    @Test
    void whatIsAbsoluteIsTheSystemsCall() throws IOException {
        boolean windows = FileSystems.getDefault().getSeparator().equals("\\");
        if (windows) {
            assertThat(findings("C:x.png")).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_PATH_ESCAPE);
            assertThat(findings("\\\\x.png")).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_PATH_ESCAPE);
        } else {
            // On Linux and macOS "C:x.png" is a file name like any other.
            assertThat(findings("C:x.png")).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_MISSING);
            ImageFiles.write(root.resolve("C:x.png"), ImageFiles.encode("png", 40, 30));
            assertThat(findings("C:x.png")).isEmpty();
            assertThat(findings("AmlDatastore://ws/C:x.png")).isEmpty();
        }
        assertThat(findings("/etc/hostname.png")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("an absolute path"));
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        assertThat(findings("sub")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.IMAGE_UNREADABLE);
            assertThat(f.message()).contains("is not a regular file but a directory");
        });
        assertThat(findings(".")).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_UNREADABLE);
        assumeTrue(ImageRootRaceTest.mkfifo(root.resolve("sub/fifo.png")), "mkfifo is needed here");
        List<Finding> fifo = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> findings("sub/fifo.png"));
        assertThat(fifo).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.IMAGE_UNREADABLE);
            assertThat(f.message()).contains("not a regular file but a FIFO");
        });
    }

    @Test
    void linksInsideTheRootAreFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("sublink"), root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("sub/alias.png"), root.resolve("sub/ok.png"));
        assertThat(findings("sublink/ok.png")).isEmpty();
        assertThat(findings("sublink/alias.png")).isEmpty();
        assertThat(findings("sub/ok.png/x.png")).extracting(Finding::rule).containsExactly(RuleCode.IMAGE_MISSING);
    }

    @Test
    void jsonlToCocoOpensImagesTheSameWay() throws Exception {
        Path jsonl = Files.writeString(tmp.resolve("nosize.jsonl"), Stream.of("dirlink/../ok.png", "outlink/../ok.png")
                .map(u -> "{\"image_url\": \"AmlDatastore://ws/" + u + "\", \"label\": [{\"label\": \"can\", "
                        + "\"topX\": 0.25, \"topY\": 0.5, \"bottomX\": 0.75, \"bottomY\": 1.0}]}\n")
                .collect(Collectors.joining()));
        ConversionResult r = new JsonlToCoco(DatasetValidator.create(), root).convert(jsonl, tmp.resolve("out.json"));
        // The first resolves inside (sub/ok.png, 40x30); the second leads out, so its size is not read.
        assertThat(Files.readString(tmp.resolve("out.json"))).contains("\"width\":40");
        assertThat(r.records()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_SKIPPED);
    }
}
