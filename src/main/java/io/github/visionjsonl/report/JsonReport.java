package io.github.visionjsonl.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.visionjsonl.internal.files.JsonNumbers;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a report, as the command line prints it with {@code --format json}:
 *
 * <pre>{@code
 * {"file":"train.jsonl","task":"image-object-detection","valid":false,"complete":true,
 *  "lines":120,"records":118,"validRecords":117,"errors":1,"warnings":0,"infos":0,
 *  "classes":{"can":12},"stats":{...},
 *  "runtime":{"images":118,"imagesKept":117,"annotations":240,"annotationsKept":239,
 *             "dropped":{"coordinate-range":1},"backgroundImages":0},
 *  "lineVerdicts":{"accepted":117,"rejected":1,"blank":2},
 *  "rules":{"coordinate-range":{"severity":"error","count":1}},"findingsTruncated":false,
 *  "findings":[{"line":7,"column":31,"pointer":"/label/0/topX","code":"coordinate-range",
 *               "severity":"error","message":"..."}]}
 * }</pre>
 *
 * Keys always appear, in this order; {@code task}, {@code line} and {@code column} are
 * {@code null} when unknown.
 */
public final class JsonReport {

    /** The order of a report's findings: by line and column, findings about the whole file last. */
    private static final Comparator<Finding> BY_LINE = Comparator
            .<Finding>comparingLong(f -> f.line() == 0 ? Long.MAX_VALUE : f.line()).thenComparingInt(Finding::column);

    private JsonReport() {
    }

    /**
     * Escapes UTF-16 surrogates (backslash, u, four hex digits): a line may hold a lone one (JSON allows the
     * escape), which no encoder can write as a character (it became {@code ?}). Pairs are
     * escaped too, which reads back as the same character.
     */
    private static final CharacterEscapes SURROGATES = new CharacterEscapes() {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    };

    /** Writes one report as a JSON object. */
    public static void write(ValidationReport report, JsonGenerator out) throws IOException {
        write(report, null, out);
    }

    /**
     * Writes one report as a JSON object with a {@code "role"} key ({@code "training"} or
     * {@code "validation"}) after {@code "file"} when the role is not null.
     */
    public static void write(ValidationReport report, String role, JsonGenerator out) throws IOException {
        write(report, role, null, out);
    }

    /**
     * Writes a report seen through a baseline: the counts of its new findings, then
     * {@code "baselined"} and {@code "fixed"} counts, and every kept finding by line, each with
     * {@code "baselined": true} or {@code false}.
     */
    public static void write(BaselinedReport baselined, String role, JsonGenerator out) throws IOException {
        write(baselined.report(), role, baselined, out);
    }

    private static void write(ValidationReport report, String role, BaselinedReport baselined, JsonGenerator out)
            throws IOException {
        if (out.getCharacterEscapes() == null) {
            out.setCharacterEscapes(SURROGATES);
        }
        out.writeStartObject();
        out.writeStringField("file", report.source());
        if (role != null) {
            out.writeStringField("role", role);
        }
        if (report.task() == null) {
            out.writeNullField("task");
        } else {
            out.writeStringField("task", report.task().sdkName());
        }
        out.writeBooleanField("valid", report.isValid());
        out.writeBooleanField("complete", report.complete());
        out.writeNumberField("lines", report.lines());
        out.writeNumberField("records", report.records());
        out.writeNumberField("validRecords", report.validRecords());
        out.writeNumberField("errors", report.errors());
        out.writeNumberField("warnings", report.warnings());
        out.writeNumberField("infos", report.infos());
        out.writeObjectFieldStart("classes");
        for (Map.Entry<String, Long> e : new TreeMap<>(report.classCounts()).entrySet()) {
            out.writeNumberField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
        writeStatistics(report.statistics(), out);
        writeRuntime(report.runtime(), out);
        out.writeObjectFieldStart("lineVerdicts");
        out.writeNumberField("accepted", report.lineVerdicts().accepted());
        out.writeNumberField("rejected", report.lineVerdicts().rejected());
        out.writeNumberField("blank", report.lineVerdicts().blank());
        out.writeEndObject();
        writeRuleCounts(report, out);
        if (baselined != null) {
            out.writeNumberField("baselined", baselined.baselined().size());
            out.writeNumberField("fixed", baselined.fixed());
        }
        out.writeBooleanField("findingsTruncated", report.findingsTruncated());
        out.writeArrayFieldStart("findings");
        if (baselined == null) {
            for (Finding f : report.findings()) {
                write(f, out);
            }
        } else {
            writeMerged(report.findings(), baselined.baselined(), out);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Writes the {@code stats} object: per class, objects per image, box shapes, polygon points, URL forms. */
    private static void writeStatistics(DatasetStatistics stats, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("stats");
        out.writeObjectFieldStart("classes");
        for (Map.Entry<String, ClassStatistics> e : stats.classes().entrySet()) {
            out.writeObjectFieldStart(e.getKey());
            out.writeNumberField("images", e.getValue().images());
            out.writeNumberField("instances", e.getValue().instances());
            out.writeNumberField("crowd", e.getValue().crowdInstances());
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeNumberField("imagesWithoutObjects", stats.imagesWithoutObjects());
        write("objectsPerImage", stats.objectsPerImage(), out);
        write("boxWidth", stats.boxWidth(), out);
        write("boxHeight", stats.boxHeight(), out);
        write("boxArea", stats.boxArea(), out);
        write("pointsPerSegment", stats.pointsPerSegment(), out);
        out.writeObjectFieldStart("urlSchemes");
        for (Map.Entry<String, Long> e : stats.urlSchemes().entrySet()) {
            out.writeNumberField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
        if (stats.imageContent() != null) {
            writeImageContent(stats.imageContent(), out);
        }
        out.writeEndObject();
    }

    /** Writes the {@code imageContent} object of {@code --image-content}: pixels and duplicate groups. */
    private static void writeImageContent(ImageContentStatistics c, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("imageContent");
        out.writeNumberField("images", c.images());
        out.writeNumberField("decoded", c.decoded());
        write("brightness", c.brightness(), out);
        write("contrast", c.contrast(), out);
        write("sharpness", c.sharpness(), out);
        out.writeNumberField("duplicateGroups", c.duplicateGroups());
        out.writeNumberField("duplicates", c.duplicates());
        out.writeNumberField("nearDuplicates", c.nearDuplicates());
        out.writeArrayFieldStart("firstDuplicateGroups");
        for (List<Long> group : c.firstGroups()) {
            out.writeStartArray();
            for (long line : group) {
                out.writeNumber(line);
            }
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Writes the {@code runtime} object: what training would keep. */
    private static void writeRuntime(RuntimeView runtime, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("runtime");
        out.writeNumberField("images", runtime.images());
        out.writeNumberField("imagesKept", runtime.imagesKept());
        out.writeNumberField("annotations", runtime.annotations());
        out.writeNumberField("annotationsKept", runtime.annotationsKept());
        out.writeObjectFieldStart("dropped");
        for (Map.Entry<RuleCode, Long> e : runtime.dropped().entrySet()) {
            out.writeNumberField(e.getKey().code(), e.getValue());
        }
        out.writeEndObject();
        out.writeNumberField("backgroundImages", runtime.backgroundImages());
        out.writeEndObject();
    }

    /** Writes the {@code rules} object: per rule that gave a finding, its most severe severity and its count. */
    private static void writeRuleCounts(ValidationReport report, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("rules");
        for (Map.Entry<RuleCode, RuleCount> e : report.ruleCounts().entrySet()) {
            out.writeObjectFieldStart(e.getKey().code());
            out.writeStringField("severity", e.getValue().severity().label());
            out.writeNumberField("count", e.getValue().count());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** Writes a distribution, or nothing when it has no value. */
    private static void write(String name, Distribution d, JsonGenerator out) throws IOException {
        if (d.count() == 0) {
            return;
        }
        out.writeObjectFieldStart(name);
        out.writeNumberField("count", d.count());
        JsonNumbers.finiteOrNull(out, "min", d.min());
        JsonNumbers.finiteOrNull(out, "max", d.max());
        JsonNumbers.finiteOrNull(out, "mean", d.mean());
        JsonNumbers.finiteOrNull(out, "stddev", d.stddev());
        JsonNumbers.finiteOrNull(out, "p5", d.p5());
        JsonNumbers.finiteOrNull(out, "p50", d.p50());
        JsonNumbers.finiteOrNull(out, "p95", d.p95());
        out.writeArrayFieldStart("edges");
        for (double e : d.edges()) {
            out.writeNumber(e);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("counts");
        for (long c : d.counts()) {
            out.writeNumber(c);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Writes the new and the baselined findings in one list by line, as they were found. */
    private static void writeMerged(List<Finding> fresh, List<Finding> old, JsonGenerator out) throws IOException {
        int i = 0;
        int j = 0;
        while (i < fresh.size() || j < old.size()) {
            boolean takeOld = i == fresh.size() || j < old.size() && BY_LINE.compare(old.get(j), fresh.get(i)) < 0;
            Finding f = takeOld ? old.get(j++) : fresh.get(i++);
            writeFields(f, out);
            out.writeBooleanField("baselined", takeOld);
            out.writeEndObject();
        }
    }

    /** Writes one finding as a JSON object. */
    public static void write(Finding f, JsonGenerator out) throws IOException {
        writeFields(f, out);
        out.writeEndObject();
    }

    private static void writeFields(Finding f, JsonGenerator out) throws IOException {
        out.writeStartObject();
        JsonNumbers.positiveOrNull(out, "line", f.line());
        JsonNumbers.positiveOrNull(out, "column", f.column());
        out.writeStringField("pointer", f.pointer());
        out.writeStringField("code", f.code());
        out.writeStringField("severity", f.severity().label());
        out.writeStringField("message", f.message());
    }

    /** One report as a JSON string. */
    public static String toJson(ValidationReport report) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            write(report, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
