package io.github.visionjsonl.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SARIF 2.1.0 form of reports, for code scanning (GitHub, GitLab, Azure DevOps): one run of
 * vision-jsonl, its rules (the whole catalogue, each with its section of docs/rules.md as help),
 * each file an artifact and each kept finding a result at its line and column.
 *
 * <p>Files are named relative to a root folder (the checkout), through the base id
 * {@value #ROOT_BASE_ID}. Each result has a partial fingerprint made of its rule, its pointer and
 * the hash of its line's bytes, so a finding keeps its identity when lines are inserted or
 * removed above it. The output is written as it goes, finding by finding.
 */
public final class SarifReport {

    /** The base id the artifacts' URIs are relative to. */
    public static final String ROOT_BASE_ID = "SRCROOT";
    /** The key of the fingerprint in each result's {@code partialFingerprints}. */
    public static final String FINGERPRINT = "visionJsonlFinding/v1";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String INFORMATION_URI = "https://github.com/visionjsonl/vision-jsonl";

    private SarifReport() {
    }

    /**
     * Writes one SARIF log with one run over the reports (several files, or the two of a pair).
     *
     * @param root the folder the files are named relative to; a file outside it gets an absolute URI
     */
    public static void write(List<ValidationReport> reports, Path root, JsonGenerator out) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Map<String, Integer> artifacts = new LinkedHashMap<>();
        for (ValidationReport r : reports) {
            artifacts.putIfAbsent(uri(r.source(), base), artifacts.size());
        }
        out.writeStartObject();
        out.writeStringField("$schema", SCHEMA);
        out.writeStringField("version", "2.1.0");
        out.writeArrayFieldStart("runs");
        out.writeStartObject();
        writeTool(out);
        out.writeObjectFieldStart("originalUriBaseIds");
        out.writeObjectFieldStart(ROOT_BASE_ID);
        String rootUri = base.toUri().toString();
        out.writeStringField("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
        out.writeEndObject();
        out.writeEndObject();
        out.writeArrayFieldStart("artifacts");
        for (String uri : artifacts.keySet()) {
            out.writeStartObject();
            writeArtifactLocation(uri, -1, out);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("results");
        for (ValidationReport r : reports) {
            String uri = uri(r.source(), base);
            int index = artifacts.get(uri);
            for (Finding f : r.findings()) {
                writeResult(f, uri, index, out);
            }
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
    }

    /** One report as a SARIF string, its file named relative to the current folder. */
    public static String toSarif(ValidationReport report) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            write(List.of(report), Path.of(""), g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The fingerprint of a finding: rule, pointer and the hash of its line's bytes. */
    public static String fingerprint(Finding f) {
        String hex = Long.toHexString(f.lineHash());
        return f.code() + ":" + f.pointer() + ":" + "0".repeat(16 - hex.length()) + hex;
    }

    /** The SARIF level of a severity. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static void writeTool(JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("tool");
        out.writeObjectFieldStart("driver");
        out.writeStringField("name", "vision-jsonl");
        out.writeStringField("version", RuleDocs.version());
        out.writeStringField("informationUri", INFORMATION_URI);
        out.writeArrayFieldStart("rules");
        for (RuleCode rule : RuleCode.values()) {
            RuleDocs.Section doc = RuleDocs.of(rule);
            out.writeStartObject();
            out.writeStringField("id", rule.code());
            out.writeStringField("name", ruleName(rule));
            out.writeObjectFieldStart("shortDescription");
            out.writeStringField("text", doc.summary());
            out.writeEndObject();
            out.writeObjectFieldStart("fullDescription");
            out.writeStringField("text", doc.description());
            out.writeEndObject();
            out.writeStringField("helpUri", INFORMATION_URI + "/blob/main/docs/rules.md#" + rule.code());
            out.writeObjectFieldStart("help");
            out.writeStringField("text", doc.markdown());
            out.writeStringField("markdown", doc.markdown());
            out.writeEndObject();
            out.writeObjectFieldStart("defaultConfiguration");
            out.writeStringField("level", level(rule.defaultSeverity()));
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeResult(Finding f, String uri, int artifact, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("ruleId", f.code());
        out.writeNumberField("ruleIndex", f.rule().ordinal());
        out.writeStringField("level", level(f.severity()));
        out.writeObjectFieldStart("message");
        out.writeStringField("text", f.message());
        out.writeEndObject();
        out.writeArrayFieldStart("locations");
        out.writeStartObject();
        out.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(uri, artifact, out);
        if (f.line() > 0) {
            out.writeObjectFieldStart("region");
            out.writeNumberField("startLine", f.line());
            if (f.column() > 0) {
                out.writeNumberField("startColumn", f.column());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndArray();
        out.writeObjectFieldStart("partialFingerprints");
        out.writeStringField(FINGERPRINT, fingerprint(f));
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeArtifactLocation(String uri, int index, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart(index < 0 ? "location" : "artifactLocation");
        out.writeStringField("uri", uri);
        if (!isAbsolute(uri)) {
            out.writeStringField("uriBaseId", ROOT_BASE_ID);
        }
        if (index >= 0) {
            out.writeNumberField("index", index);
        }
        out.writeEndObject();
    }

    private static boolean isAbsolute(String uri) {
        return uri.startsWith("file:");
    }

    /** The file's URI relative to the root when inside it, else absolute. */
    static String uri(String source, Path root) {
        Path file;
        try {
            file = Path.of(source).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return encode(source);
        }
        if (!file.startsWith(root)) {
            return file.toUri().toString();
        }
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(file)) {
            parts.add(part.toString());
        }
        return encode(String.join("/", parts));
    }

    private static String encode(String relative) {
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            return relative.replace("%", "%25").replace(" ", "%20");
        }
    }

    /** {@code coordinate-range} as {@code CoordinateRange}: the rule's name for people. */
    private static String ruleName(RuleCode rule) {
        StringBuilder b = new StringBuilder();
        for (String part : rule.code().split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        return b.toString();
    }
}
