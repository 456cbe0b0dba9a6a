package io.github.visionjsonl.html;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the page: verdicts, the rules table, chart containers, the gallery, and the scripts
 * and data that draw the charts. Everything the user's data can put into the page (file names,
 * class names, messages) passes through {@link #esc} or the JSON data's HTML-safe escapes.
 */
final class Page {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The charts the script draws, in page order: id, title. */
    static final String[][] CHARTS = {
        {"classes", "Images and instances per class"},
        {"objectsPerImage", "Objects per image"},
        {"boxWidth", "Box width (fraction of the image width)"},
        {"boxHeight", "Box height (fraction of the image height)"},
        {"boxArea", "Box area (fraction of the image area)"},
        {"aspectRatio", "Box aspect ratio (width / height, in pixels where the image size is known)"},
        {"centres", "Box centres (where in the image, 20 x 20 cells)"},
        {"pointsPerSegment", "Polygon points per segment"},
        {"imageSizes", "Image sizes (pixels, from image_details)"},
        {"urlForms", "Image URL forms"},
        {"brightness", "Image brightness (mean luminance, 0 black to 255 white; --image-content)"},
        {"contrast", "Image contrast (luminance standard deviation; --image-content)"},
        {"sharpness", "Image sharpness (variance of the Laplacian, log scale; --image-content)"},
    };

    private final PageData data;

    Page(PageData data) {
        this.data = data;
    }

    void write(Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // The page may load nothing from anywhere: images are data URIs, scripts and styles inline.
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>vision-jsonl report: " + esc(String.join(", ", sources())) + "</title>\n<style>\n");
        w.write(resource("page.css"));
        w.write("</style>\n</head>\n<body>\n<header><h1>vision-jsonl report</h1>\n<p class=\"sub\">"
                + esc(String.join(", ", sources())) + "</p>\n<nav><a href=\"#verdicts\">Verdicts</a> "
                + "<a href=\"#rules\">Rules that fired</a> <a href=\"#charts\">Charts</a>"
                + (data.images != null ? " <a href=\"#gallery\">Gallery</a>" : "") + "</nav></header>\n<main>\n");
        verdicts(w);
        rules(w);
        charts(w);
        if (data.images != null) {
            gallery(w);
        }
        w.write("</main>\n<script type=\"application/json\" id=\"report-data\">");
        Charts.write(data.sections, w);
        w.write("</script>\n<script>\n");
        w.write(resourceAt(ECHARTS).replace("</script", "<\\/script"));
        w.write("\n</script>\n<script>\n");
        w.write(resource("page.js"));
        w.write("\n</script>\n</body>\n</html>\n");
    }

    private List<String> sources() {
        return data.sections.stream().map(s -> s.source).toList();
    }

    private void verdicts(Writer w) throws IOException {
        w.write("<section id=\"verdicts\"><h2>Verdicts</h2>\n");
        for (PageData.Section s : data.sections) {
            ValidationReport r = s.report;
            w.write("<div class=\"verdict " + (r.isValid() ? "valid" : "invalid") + "\" data-file=\"" + esc(s.source)
                    + "\">\n<div class=\"mark\">" + (r.isValid() ? "VALID" : "INVALID") + "</div>\n<div><h3>"
                    + esc(s.source) + (s.role == null ? "" : " <span class=\"role\">" + esc(s.role) + "</span>")
                    + "</h3>\n<p>" + esc(r.task() == null ? "task unknown" : r.task().sdkName()) + (r.complete() ? ""
                    : " · reading stopped early") + "</p>\n<dl>");
            stat(w, "lines", r.lines());
            stat(w, "records", r.records());
            stat(w, "valid records", r.validRecords());
            stat(w, "errors", r.errors());
            stat(w, "warnings", r.warnings());
            stat(w, "infos", r.infos());
            stat(w, "classes", r.statistics().classes().size());
            w.write("</dl>");
            if (r.runtime() != null) {
                w.write("<p class=\"runtime" + (r.runtime().annotationsKept() < r.runtime().annotations() ? " drops" : "")
                        + "\">" + esc(r.runtime().describe(r.task())) + "</p>");
            }
            w.write("</div></div>\n");
        }
        w.write("</section>\n");
    }

    private static void stat(Writer w, String name, long value) throws IOException {
        w.write("<div><dt>" + name + "</dt><dd>" + String.format(Locale.ROOT, "%,d", value) + "</dd></div>");
    }

    private void rules(Writer w) throws IOException {
        w.write("<section id=\"rules\"><h2>Rules that fired</h2>\n");
        Map<RuleCode, long[]> counts = new EnumMap<>(RuleCode.class);
        Map<RuleCode, List<String>> first = new EnumMap<>(RuleCode.class);
        Map<RuleCode, Severity> severities = new EnumMap<>(RuleCode.class);
        for (PageData.Section s : data.sections) {
            // Every finding is counted per rule, also those past --max-findings; the kept ones give the lines.
            s.report.ruleCounts().forEach((rule, count) -> {
                counts.computeIfAbsent(rule, r -> new long[1])[0] += count.count();
                severities.merge(rule, count.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            });
            for (Finding f : s.report.findings()) {
                List<String> lines = first.computeIfAbsent(f.rule(), r -> new ArrayList<>());
                if (lines.size() < 5) {
                    lines.add(f.line() > 0 ? s.source + ":" + f.line() : s.source);
                }
            }
        }
        if (counts.isEmpty()) {
            w.write("<p class=\"none\">No rule fired: every line of every file passed every check.</p>\n</section>\n");
            return;
        }
        w.write("<table class=\"rules\"><thead><tr><th>rule</th><th>severity</th><th>count</th><th>first lines</th>"
                + "</tr></thead><tbody>\n");
        List<RuleCode> order = new ArrayList<>(counts.keySet());
        order.sort((a, b) -> severities.get(a) != severities.get(b)
                ? severities.get(a).compareTo(severities.get(b)) : Long.compare(counts.get(b)[0], counts.get(a)[0]));
        for (RuleCode rule : order) {
            String severity = severities.get(rule).label();
            w.write("<tr data-rule=\"" + rule.code() + "\"><td><a href=\"" + esc(data.rulesUrl) + "#" + rule.code()
                    + "\"><code>" + rule.code() + "</code></a></td><td class=\"" + severity + "\">" + severity
                    + "</td><td class=\"count\">" + String.format(Locale.ROOT, "%,d", counts.get(rule)[0])
                    + "</td><td>" + esc(String.join(", ", first.getOrDefault(rule, List.of()))) + "</td></tr>\n");
        }
        w.write("</tbody></table>\n");
        w.write("</section>\n");
    }

    private void charts(Writer w) throws IOException {
        w.write("<section id=\"charts\"><h2>Charts</h2>\n<div class=\"charts\">\n");
        for (String[] chart : CHARTS) {
            w.write("<figure class=\"chart\"><figcaption>" + esc(chart[1]) + "</figcaption><div class=\"plot\" "
                    + "data-chart=\"" + chart[0] + "\"></div></figure>\n");
        }
        w.write("</div>\n</section>\n");
    }

    private void gallery(Writer w) throws IOException {
        List<LineSample> samples = data.sections.stream().map(s -> s.sample).toList();
        List<LineSample.Entry> entries = LineSample.gallery(samples, data.gallery);
        TreeSet<String> classSet = new TreeSet<>();
        for (PageData.Section s : data.sections) {
            classSet.addAll(s.report.statistics().classes().keySet());
        }
        List<String> classes = List.copyOf(classSet);
        w.write("<section id=\"gallery\"><h2>Gallery</h2>\n<p class=\"note\">First the lines that fired each rule (up "
                + "to 5 a rule), then a sample of valid lines that is the same on every run; at most " + data.gallery
                + " thumbnails of at most " + HtmlReport.THUMBNAIL_SIZE + " pixels. Boxes and polygons are drawn in their "
                + "class's colour; crowd objects dashed.</p>\n<ul class=\"legend\">");
        for (String c : classes) {
            Color colour = AnnotatedImages.colour(c, classes);
            w.write("<li><span style=\"background:#" + String.format(Locale.ROOT, "%06x", colour.getRGB() & 0xffffff)
                    + "\"></span>" + esc(c) + "</li>");
        }
        w.write("</ul>\n<div class=\"cards\">\n");
        Gallery gallery = new Gallery(data.images, classes);
        int shown = 0;
        for (LineSample.Entry e : entries) {
            Gallery.Card card = gallery.card(e);
            shown++;
            w.write("<figure class=\"card" + (e.findings().isEmpty() ? "" : " flagged") + "\" data-line=\"" + e.line()
                    + "\">");
            if (card.dataUri() != null) {
                w.write("<img alt=\"" + esc(e.source() + ":" + e.line()) + "\" width=\"" + card.width() + "\" height=\""
                        + card.height() + "\" src=\"" + card.dataUri() + "\">");
            } else {
                w.write("<div class=\"placeholder\">" + esc(card.problem()) + "</div>");
            }
            w.write("<figcaption><b>" + esc(e.source() + ":" + e.line()) + "</b>");
            if (card.note() != null) {
                w.write("<div class=\"exif\">" + esc(card.note()) + "</div>");
            }
            if (!e.findings().isEmpty()) {
                w.write("<ul>");
                for (Finding f : e.findings()) {
                    w.write("<li class=\"" + f.severity().label() + "\">" + f.severity().label() + "[" + f.code() + "]: "
                            + esc(f.message()) + "</li>");
                }
                w.write("</ul>");
            }
            w.write("</figcaption></figure>\n");
        }
        w.write("</div>\n");
        long records = data.sections.stream().mapToLong(s -> s.report.records()).sum();
        w.write("<p class=\"note\" id=\"gallery-count\">" + shown + " thumbnails of " + records + " records"
                + (records > shown ? "; " + (records - shown) + " left out (--gallery N shows up to N)" : "")
                + ".</p>\n</section>\n");
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        return resourceAt("/io/github/visionjsonl/html/" + name);
    }

    private static String resourceAt(String path) {
        // The webjar's file is another jar's: from a named module only the class loader finds it.
        try (InputStream in = path.startsWith("/META-INF/")
                ? Page.class.getClassLoader().getResourceAsStream(path.substring(1))
                : Page.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path"
                        + (path.contains("echarts") ? ": add org.webjars.npm:echarts:5.3.1 to use HtmlReport" : ""));
            }
            StringBuilder b = new StringBuilder(1 << 16);
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0;) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
