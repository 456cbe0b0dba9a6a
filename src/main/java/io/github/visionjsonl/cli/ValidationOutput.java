package io.github.visionjsonl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.report.Baseline;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.SarifReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} writes besides its text: the JSON and SARIF reports of its results
 * ({@link ValidateCommand.Entry}, {@link ValidateCommand.MLTableEntry} and
 * {@link ValidateCommand.Failure}, in the order read) and the baseline of {@code --write-baseline}.
 */
final class ValidationOutput {

    private ValidationOutput() {
    }

    /** Writes the reports as found to a new baseline file; returns the exit code. */
    static int writeBaseline(List<Object> results, Path writeBaseline, PrintWriter err) {
        List<ValidationReport> found = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof ValidateCommand.Entry entry) {
                found.add(entry.found());
                if (entry.found().findingsTruncated()) {
                    err.println("vision-jsonl: --write-baseline: " + entry.found().source() + " has "
                            + entry.found().findingCount() + " findings; the baseline holds the first "
                            + entry.found().findings().size());
                }
            }
        }
        try {
            Baseline.write(found, writeBaseline);
            return VisionJsonl.OK;
        } catch (IOException e) {
            err.println("vision-jsonl: cannot write baseline " + writeBaseline + ": " + ValidateCommand.reason(writeBaseline.toString(), e));
            return VisionJsonl.USAGE;
        } finally {
            err.flush();
        }
    }

    /** Writes the results as one JSON report, or an array of them when there are several. */
    static void writeJson(PrintWriter out, List<Object> results) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            if (results.size() != 1) {
                g.writeStartArray();
            }
            for (Object r : results) {
                if (r instanceof ValidateCommand.Entry entry && entry.baselined() != null) {
                    JsonReport.write(entry.baselined(), entry.role(), g);
                } else if (r instanceof ValidateCommand.Entry entry) {
                    JsonReport.write(entry.report(), entry.role(), g);
                } else if (r instanceof ValidateCommand.MLTableEntry m) {
                    g.writeStartObject();
                    g.writeStringField("file", m.report().mltable().toString());
                    g.writeStringField("kind", "mltable");
                    g.writeBooleanField("valid", m.report().errors() == 0);
                    g.writeStringField("invalidLines", m.report().dropsInvalidLines() ? "drop" : "error");
                    g.writeArrayFieldStart("jsonlFiles");
                    for (ValidationReport f : m.report().files()) {
                        g.writeString(f.source());
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("findings");
                    for (Finding f : m.report().findings()) {
                        JsonReport.write(f, g);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                } else if (r instanceof ValidateCommand.Failure failure) {
                    g.writeStartObject();
                    g.writeStringField("file", failure.file());
                    g.writeStringField("error", failure.reason());
                    g.writeEndObject();
                }
            }
            if (results.size() != 1) {
                g.writeEndArray();
            }
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the reports as one SARIF log, their locations relative to {@code sarifRoot}. */
    static void writeSarif(PrintWriter out, List<Object> results, Path sarifRoot) {
        List<ValidationReport> reports = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof ValidateCommand.Entry entry) {
                reports.add(entry.report());
            }
        }
        try {
            // One line: a log of many results is read by tools, and indentation would double its size.
            JsonGenerator g = new JsonFactory().createGenerator(out);
            SarifReport.write(reports, sarifRoot == null ? Path.of("") : sarifRoot, g);
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
