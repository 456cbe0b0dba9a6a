package io.github.visionjsonl.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON form of a report, as the command line prints it with {@code --format json}:
 *
 * <pre>{@code
 * {"file":"train.jsonl","task":"image-object-detection","valid":false,"complete":true,
 *  "lines":120,"records":118,"validRecords":117,"errors":1,"warnings":0,"infos":0,
 *  "classes":{"can":12},"findingsTruncated":false,
 *  "findings":[{"line":7,"column":31,"pointer":"/label/0/topX","code":"coordinate-range",
 *               "severity":"error","message":"..."}]}
 * }</pre>
 *
 * Keys always appear, in this order; {@code task}, {@code line} and {@code column} are
 * {@code null} when unknown.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /** Writes one report as a JSON object. */
    public static void write(ValidationReport report, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("file", report.source());
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
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(report.classCounts()).entrySet()) {
            out.writeNumberField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
        out.writeBooleanField("findingsTruncated", report.findingsTruncated());
        out.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            write(f, out);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Writes one finding as a JSON object. */
    public static void write(Finding f, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (f.line() > 0) {
            out.writeNumberField("line", f.line());
        } else {
            out.writeNullField("line");
        }
        if (f.column() > 0) {
            out.writeNumberField("column", f.column());
        } else {
            out.writeNullField("column");
        }
        out.writeStringField("pointer", f.pointer());
        out.writeStringField("code", f.code());
        out.writeStringField("severity", f.severity().label());
        out.writeStringField("message", f.message());
        out.writeEndObject();
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
