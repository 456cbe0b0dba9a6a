package io.github.visionjsonl.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.DatasetStatistics;
import io.github.visionjsonl.report.Distribution;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers behind the page's charts, as one JSON document the page's script turns into
 * ECharts charts. Written inside a {@code <script type="application/json">} element, so every
 * character that could end the element or start markup ({@code <}, {@code >}, {@code &}) is
 * escaped as a JSON {@code \\u} escape, which the script's JSON.parse reads back unchanged.
 */
final class Charts {

    private static final JsonFactory JSON = new JsonFactory();

    private Charts() {
    }

    /** Writes the data of every section: {@code {"files": [...]}}. */
    static void write(List<PageData.Section> sections, Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.setCharacterEscapes(new HtmlSafe());
        g.writeStartObject();
        g.writeArrayFieldStart("files");
        for (PageData.Section s : sections) {
            section(s, g);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private static void section(PageData.Section s, JsonGenerator g) throws IOException {
        ValidationReport r = s.report;
        DatasetStatistics stats = r.statistics();
        g.writeStartObject();
        g.writeStringField("source", s.source);
        g.writeStringField("role", s.role);
        g.writeStringField("task", r.task() == null ? null : r.task().sdkName());
        g.writeObjectFieldStart("classes");
        for (Map.Entry<String, ClassStatistics> e : stats.classes().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            g.writeNumber(e.getValue().images());
            g.writeNumber(e.getValue().instances());
            g.writeNumber(e.getValue().crowdInstances());
            g.writeEndArray();
        }
        g.writeEndObject();
        boolean objects = r.task() == null || r.task().hasObjects();
        histogram(g, "objectsPerImage", stats.objectsPerImage(), 0);
        if (objects) {
            histogram(g, "boxWidth", stats.boxWidth(), 2);
            histogram(g, "boxHeight", stats.boxHeight(), 2);
            histogram(g, "boxArea", stats.boxArea(), 4);
            histogram(g, "pointsPerSegment", stats.pointsPerSegment(), 0);
            bins(g, "aspectRatio", ShapeStats.ASPECT_EDGES, s.shapes.aspect, 3);
            g.writeArrayFieldStart("centres");
            for (int y = 0; y < ShapeStats.GRID; y++) {
                for (int x = 0; x < ShapeStats.GRID; x++) {
                    if (s.shapes.centres[y][x] > 0) {
                        g.writeStartArray();
                        g.writeNumber(x);
                        g.writeNumber(y);
                        g.writeNumber(s.shapes.centres[y][x]);
                        g.writeEndArray();
                    }
                }
            }
            g.writeEndArray();
        }
        bins(g, "imageWidth", ShapeStats.SIDE_EDGES, s.shapes.widths, 0);
        bins(g, "imageHeight", ShapeStats.SIDE_EDGES, s.shapes.heights, 0);
        if (stats.imageContent() != null) {
            histogram(g, "brightness", stats.imageContent().brightness(), 0);
            histogram(g, "contrast", stats.imageContent().contrast(), 0);
            histogram(g, "sharpness", stats.imageContent().sharpness(), 0);
        }
        g.writeObjectFieldStart("urlForms");
        for (Map.Entry<String, Long> e : stats.urlSchemes().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A histogram as parallel lists of bin labels and counts; absent when it has no value. */
    private static void histogram(JsonGenerator g, String name, Distribution d, int decimals) throws IOException {
        if (d == null || d.count() == 0) {
            return;
        }
        double[] edges = d.edges().stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = d.counts().stream().mapToLong(Long::longValue).toArray();
        bins(g, name, edges, counts, decimals);
    }

    private static void bins(JsonGenerator g, String name, double[] edges, long[] counts, int decimals)
            throws IOException {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeArrayFieldStart("bins");
        for (int i = 0; i < counts.length; i++) {
            g.writeString(label(edges[i], edges[i + 1], decimals));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("counts");
        for (long c : counts) {
            g.writeNumber(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "0.1–0.2"}, {@code "≥ 16"}, {@code "< 0.06"}, {@code "3"}: a bin a person can read. */
    static String label(double from, double to, int decimals) {
        if (Double.isInfinite(to)) {
            return "≥ " + number(from);
        }
        if (from <= 0 && decimals > 0 && to > 0 && to < 1) {
            return "< " + number(to);
        }
        if (decimals == 0 && to - from <= 1) {
            return number(from);
        }
        return number(from) + "–" + number(to);
    }

    /** Two significant digits, plain where that stays short ({@code 0.0012}), else {@code 1.2e-5}. */
    static String number(double v) {
        if (v == 0 || v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros();
        return Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.1e", v).replace(".0e", "e") : d.toPlainString();
    }

    /** JSON escapes for text inside an HTML script element. */
    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
