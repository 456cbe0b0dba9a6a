package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}, {@code validate --html} and {@code render} from the command line. */
class ReportCliTest {

    @TempDir
    Path dir;

    @Test
    void reportPrintsWhatValidatePrintsAndWritesThePage() throws Exception {
        Path page = dir.resolve("report.html");
        CliRun report = CliRun.run("report", "samples/invalid/coordinate-range.jsonl", "-o", page.toString());
        CliRun validate = CliRun.run("validate", "samples/invalid/coordinate-range.jsonl");
        assertThat(report.exit()).isEqualTo(1).isEqualTo(validate.exit());
        assertThat(report.out()).isEqualTo(validate.out());
        assertThat(report.err()).contains("wrote " + page);
        Document doc = Jsoup.parse(Files.readString(page));
        assertThat(doc.select("tr[data-rule=coordinate-range]")).hasSize(1);
    }

    @Test
    void validateHtmlOfAPairAndAnExistingPage() throws Exception {
        Path page = dir.resolve("pair.html");
        String[] pair = {"--train", "samples/image-object-detection/train.jsonl", "--validation",
            "samples/image-object-detection/validation.jsonl"};
        CliRun first = CliRun.run("validate", "--html", page.toString(), pair[0], pair[1], pair[2], pair[3]);
        assertThat(first.exit()).isZero();
        assertThat(Jsoup.parse(Files.readString(page)).select(".verdict")).hasSize(2);
        CliRun again = CliRun.run("validate", "--html", page.toString(), pair[0], pair[1], pair[2], pair[3]);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists; refusing to overwrite it");
    }

    @Test
    void renderDrawsTheChosenLines() {
        Path out = dir.resolve("drawn");
        CliRun r = CliRun.run("render", "--images-root", "samples/invalid/images", "--lines", "1-2", "-o", out.toString(),
                "samples/invalid/images/image-size-mismatch.jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("1-001.png")).exists();
        assertThat(out.resolve("2-002.png")).exists();
        assertThat(r.out()).contains("2 of 2 chosen lines drawn");
    }

    @Test
    void renderSaysWhichLinesItCouldNotDraw() {
        CliRun r = CliRun.run("render", "--images-root", "samples/invalid/images", "--lines", "2", "-o",
                dir.resolve("x").toString(), "samples/invalid/images/image-missing.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(":2: not drawn:");
        assertThat(CliRun.run("render", "--images-root", "samples/invalid/images", "--lines", "3-1", "-o",
                dir.resolve("y").toString(), "samples/invalid/images/image-missing.jsonl").exit()).isEqualTo(2);
    }
}
