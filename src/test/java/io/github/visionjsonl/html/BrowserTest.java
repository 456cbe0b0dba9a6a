package io.github.visionjsonl.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a report in a real browser: headless Chromium, from a file:// URL, with the network
 * closed by the page's own policy. On a developer machine without Chromium it is skipped; in CI
 * ({@code CI} set, as {@code .ci/run} runs) a missing browser fails it.
 */
class BrowserTest {

    private static Path chromium;
    private static Path page;
    private static Path work;

    @BeforeAll
    static void reportAndBrowser() throws IOException {
        chromium = findChromium();
        if (chromium == null) {
            if (System.getenv("CI") != null) {
                fail("Chromium is not installed; .ci/run installs Debian's chromium (apt-get install chromium)");
            }
            Assumptions.abort("no Chromium on this machine (CI installs it)");
        }
        work = Files.createDirectories(Path.of("target", "browser-test"));
        Path root = Files.createTempDirectory(work, "data");
        Path file = ReportFixtures.detection(root, 24, null);
        page = root.resolve("report.html");
        DatasetValidator validator = DatasetValidator.builder().images(ImageOptions.under(root)).build();
        HtmlReport.builder(validator).images(ImageOptions.under(root)).gallery(12).build().write(List.of(file), page);
    }

    private static Path findChromium() {
        String own = System.getenv("CHROMIUM");
        List<String> names = new ArrayList<>();
        if (own != null) {
            names.add(own);
        }
        names.addAll(List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));
        for (String name : names) {
            if (name.contains(File.separator) && Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private record Run(String out, String err) {
    }

    private static Run chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0", "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish in 120 s: " + Files.readString(err));
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theChartsRenderWithoutAnError() throws Exception {
        Run run = chromium("--dump-dom");
        Document dom = Jsoup.parse(run.out());
        Element html = dom.selectFirst("html");
        assertThat(html.attr("data-errors")).as("script errors; Chromium said:%n%s", run.err()).isEqualTo("[]");
        int plotted = Integer.parseInt(html.attr("data-charts"));
        assertThat(plotted).as("charts drawn").isGreaterThanOrEqualTo(8);
        int canvases = 0;
        for (Element plot : dom.select("[data-chart]")) {
            Element canvas = plot.selectFirst("canvas");
            if (canvas != null) {
                assertThat(Integer.parseInt(canvas.attr("width"))).as(plot.attr("data-chart")).isPositive();
                assertThat(Integer.parseInt(canvas.attr("height"))).as(plot.attr("data-chart")).isPositive();
                canvases++;
            }
        }
        assertThat(canvases).isEqualTo(plotted);
        assertThat(run.err()).doesNotContain("Uncaught").doesNotContain("Refused to");
        assertThat(dom.select("figure.card")).hasSize(12);
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Path shot = work.resolve("report.png");
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,2200", "--hide-scrollbars");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("screenshot at %s", shot).isNotNull();
        Set<Integer> colours = new HashSet<>();
        long notBackground = 0;
        int background = image.getRGB(image.getWidth() - 2, image.getHeight() / 2);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    notBackground++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(200);
        assertThat(notBackground * 9.0 / (image.getWidth() * image.getHeight())).as("share drawn").isGreaterThan(0.2);
    }
}
