package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void reportPrintsWhatValidatePrintsAndWritesThePage() throws Exception {
        Path page = dir.resolve("report.html");
        Result report = run("report", "samples/invalid/coordinate-range.jsonl", "-o", page.toString());
        Result validate = run("validate", "samples/invalid/coordinate-range.jsonl");
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
        Result first = run("validate", "--html", page.toString(), pair[0], pair[1], pair[2], pair[3]);
        assertThat(first.exit()).isZero();
        assertThat(Jsoup.parse(Files.readString(page)).select(".verdict")).hasSize(2);
        Result again = run("validate", "--html", page.toString(), pair[0], pair[1], pair[2], pair[3]);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists; refusing to overwrite it");
    }

    @Test
    void renderDrawsTheChosenLines() {
        Path out = dir.resolve("drawn");
        Result r = run("render", "--images-root", "samples/invalid/images", "--lines", "1-2", "-o", out.toString(),
                "samples/invalid/images/image-size-mismatch.jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("1-001.png")).exists();
        assertThat(out.resolve("2-002.png")).exists();
        assertThat(r.out()).contains("2 of 2 chosen lines drawn");
    }

    @Test
    void renderSaysWhichLinesItCouldNotDraw() {
        Result r = run("render", "--images-root", "samples/invalid/images", "--lines", "2", "-o",
                dir.resolve("x").toString(), "samples/invalid/images/image-missing.jsonl");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(":2: not drawn:");
        assertThat(run("render", "--images-root", "samples/invalid/images", "--lines", "3-1", "-o",
                dir.resolve("y").toString(), "samples/invalid/images/image-missing.jsonl").exit()).isEqualTo(2);
    }
}
