package io.github.visionjsonl.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
    }

    private static JsonNode data(Document page) throws IOException {
        return new ObjectMapper().readTree(page.getElementById("report-data").data());
    }

    @Test
    void everyRuleThatFiredIsInTheTableWithItsCount() throws IOException {
        List<Path> files;
        try (var stream = Files.list(Path.of("samples/invalid"))) {
            files = stream.filter(p -> p.toString().endsWith(".jsonl")).sorted().limit(20).toList();
        }
        Path page = dir.resolve("report.html");
        List<ValidationReport> reports = HtmlReport.builder(DatasetValidator.create()).build().write(files, page);

        Document doc = parse(page);
        Set<String> fired = reports.stream().flatMap(r -> r.findings().stream()).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = doc.select("table.rules tr[data-rule]").stream().map(e -> e.attr("data-rule"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inTable).isEqualTo(fired).isNotEmpty();
        long coordinateRange = reports.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.code().equals("coordinate-range")).count();
        Element row = doc.selectFirst("tr[data-rule=coordinate-range]");
        assertThat(row.selectFirst("td.count").text()).isEqualTo(String.valueOf(coordinateRange));
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("docs/rules.md#coordinate-range");
        assertThat(doc.select(".verdict")).hasSize(files.size());
        Element coordinates = doc.selectFirst(".verdict[data-file$=coordinate-range.jsonl]");
        ValidationReport coordinateReport = reports.get(files.indexOf(Path.of("samples/invalid/coordinate-range.jsonl")));
        assertThat(coordinates.selectFirst(".runtime.drops").text())
                .isEqualTo(coordinateReport.runtime().describe(coordinateReport.task()))
                .startsWith("training would use 1 of 2 boxes");
        assertThat(doc.select(".verdict.invalid")).hasSizeGreaterThan(5);
    }

    @Test
    void theChartDataHoldsTheClassCountsOfTheReport() throws IOException {
        Path train = Path.of("samples/image-object-detection/train.jsonl");
        Path page = dir.resolve("report.html");
        ValidationReport report = HtmlReport.builder(DatasetValidator.create()).build().write(List.of(train), page).get(0);

        JsonNode classes = data(parse(page)).get("files").get(0).get("classes");
        assertThat(report.statistics().classes()).isNotEmpty();
        for (Map.Entry<String, ClassStatistics> e : report.statistics().classes().entrySet()) {
            assertThat(classes.get(e.getKey()).get(0).asLong()).as(e.getKey() + " images").isEqualTo(e.getValue().images());
            assertThat(classes.get(e.getKey()).get(1).asLong()).as(e.getKey() + " instances")
                    .isEqualTo(e.getValue().instances());
        }
        Document doc = parse(page);
        assertThat(doc.select("[data-chart]")).hasSize(Page.CHARTS.length);
        assertThat(doc.getElementById("gallery")).as("no gallery without images").isNull();
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 6, null);
        Path page = dir.resolve("report.html");
        HtmlReport.builder(DatasetValidator.create()).images(ImageOptions.under(root)).build().write(List.of(file), page);

        Document doc = parse(page);
        assertThat(doc.select("script[src], link[href], iframe, object, embed")).isEmpty();
        for (Element img : doc.select("img")) {
            assertThat(img.attr("src")).startsWith("data:image/");
        }
        assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
        assertThat(doc.select("script:not([type])")).hasSize(2); // ECharts, then the page's own script
    }

    @Test
    void theGalleryShowsAsManyThumbnailsAsAskedFlaggedLinesFirst() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 12, null);
        Path page = dir.resolve("report.html");
        DatasetValidator validator = DatasetValidator.builder().images(ImageOptions.under(root)).build();
        HtmlReport.builder(validator).images(ImageOptions.under(root)).gallery(5).build().write(List.of(file), page);

        Document doc = parse(page);
        List<Element> cards = doc.select("figure.card");
        assertThat(cards).hasSize(5);
        assertThat(cards.get(0).attr("data-line")).isEqualTo("3"); // coordinate-range comes first in the catalogue
        assertThat(cards.get(0).hasClass("flagged")).isTrue();
        Element missing = doc.selectFirst("figure.card[data-line=4]");
        assertThat(missing.selectFirst(".placeholder").text()).contains("004.jpg");
        assertThat(missing.text()).contains("image-missing");
        assertThat(doc.select("figure.card img")).hasSize(4);
        for (Element img : doc.select("figure.card img")) {
            assertThat(Integer.parseInt(img.attr("width"))).isLessThanOrEqualTo(HtmlReport.THUMBNAIL_SIZE);
            assertThat(Integer.parseInt(img.attr("height"))).isLessThanOrEqualTo(HtmlReport.THUMBNAIL_SIZE);
        }
        assertThat(doc.getElementById("gallery-count").text()).contains("5 thumbnails of 12 records; 7 left out");
    }

    @Test
    void theValidSampleIsTheSameOnEveryRun() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 30, null);
        HtmlReport report = HtmlReport.builder(DatasetValidator.create()).images(ImageOptions.under(root)).gallery(8).build();
        report.write(List.of(file), dir.resolve("a.html"));
        report.write(List.of(file), dir.resolve("b.html"));
        List<String> a = parse(dir.resolve("a.html")).select("figure.card").eachAttr("data-line");
        List<String> b = parse(dir.resolve("b.html")).select("figure.card").eachAttr("data-line");
        assertThat(a).hasSize(8).isEqualTo(b);
    }

    @Test
    void theImagesContentIsPlottedWhenItWasLookedAt() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 6, null);
        Path page = dir.resolve("report.html");
        ImageOptions images = ImageOptions.under(root).withContent(true);
        ValidationReport report = HtmlReport.builder(DatasetValidator.builder().images(images).build()).images(images)
                .build().write(List.of(file), page).get(0);
        JsonNode brightness = data(parse(page)).get("files").get(0).get("brightness");
        long plotted = 0;
        for (JsonNode c : brightness.get("counts")) {
            plotted += c.asLong();
        }
        assertThat(plotted).isEqualTo(report.statistics().imageContent().decoded()).isEqualTo(5);
    }

    @Test
    void classNamesAndMessagesAreTextNotMarkup() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        Path file = ReportFixtures.detection(root, 4, "<script>alert(1)</script>");
        Path page = dir.resolve("report.html");
        HtmlReport.builder(DatasetValidator.create()).images(ImageOptions.under(root)).build().write(List.of(file), page);

        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        Document doc = parse(page);
        for (Element script : doc.select("script")) {
            assertThat(script.data()).doesNotContain("<script>alert");
        }
        assertThat(doc.select("ul.legend li").eachText()).contains("<script>alert(1)</script>");
        assertThat(data(doc).get("files").get(0).get("classes").has("<script>alert(1)</script>")).isTrue();
    }

    @Test
    void aPairShowsBothFilesSideBySide() throws IOException {
        Path train = Path.of("samples/image-object-detection/train.jsonl");
        Path validation = Path.of("samples/image-object-detection/validation.jsonl");
        Path page = dir.resolve("pair.html");
        PairReport pair = HtmlReport.builder(DatasetValidator.create()).build().writePair(train, validation, page);

        assertThat(pair).isEqualTo(DatasetValidator.create().validatePair(train, validation));
        Document doc = parse(page);
        assertThat(doc.select(".verdict .role").eachText()).containsExactly("training", "validation");
        JsonNode files = data(doc).get("files");
        assertThat(files.get(0).get("role").asText()).isEqualTo("training");
        assertThat(files.get(1).get("classes").size()).isEqualTo(pair.validation().statistics().classes().size());
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        Path page = Files.writeString(dir.resolve("report.html"), "mine");
        HtmlReport report = HtmlReport.builder(DatasetValidator.create()).build();
        assertThatThrownBy(() -> report.write(List.of(Path.of("samples/image-classification/train.jsonl")), page))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(page)).isEqualTo("mine");
    }

    @Test
    void theReportsAreTheValidatorsOwn() throws IOException {
        Path train = Path.of("samples/invalid/coordinate-range.jsonl");
        ValidationReport viaPage = HtmlReport.builder(DatasetValidator.create()).build()
                .write(List.of(train), dir.resolve("r.html")).get(0);
        assertThat(viaPage).isEqualTo(DatasetValidator.create().validate(train));
    }
}
