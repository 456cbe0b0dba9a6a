package io.github.visionjsonl.mltable;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on an MLTable data asset: the MLTable's own findings (with its lines and columns)
 * and one report per JSONL file its {@code paths} name.
 *
 * @param mltable the MLTable file
 * @param findings the findings on the MLTable itself, by line
 * @param files the report of every local JSONL file found through {@code paths}, in order
 * @param dropsInvalidLines whether {@code read_json_lines} says {@code invalid_lines: drop}
 *     (then a line that is not JSON is dropped; by default it fails the whole job)
 */
public record MLTableReport(Path mltable, List<Finding> findings, List<ValidationReport> files,
        boolean dropsInvalidLines) {

    /** Copies the lists. */
    public MLTableReport {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
    }

    /** The count of error findings on the MLTable itself. */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** Whether the MLTable has no error and every JSONL file is valid. */
    public boolean isValid() {
        return errors() == 0 && files.stream().allMatch(ValidationReport::isValid);
    }

    /**
     * The MLTable's findings, one per line as a compiler prints them, then a summary line:
     * {@code data/MLTable: MLTable, 1 JSONL file, invalid_lines: error, 0 errors, 0 warnings - OK}.
     * The files' own reports are not included.
     */
    public String format() {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append(f.format(mltable.toString())).append('\n');
        }
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors() - warnings;
        b.append(mltable).append(": MLTable, ").append(files.size()).append(files.size() == 1 ? " JSONL file" : " JSONL files")
                .append(", invalid_lines: ").append(dropsInvalidLines ? "drop" : "error").append(", ")
                .append(errors()).append(errors() == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings");
        if (infos > 0) {
            b.append(", ").append(infos).append(infos == 1 ? " info" : " infos");
        }
        return b.append(errors() == 0 ? " - OK" : " - INVALID").append('\n').toString();
    }

    /** Whether the MLTable or one of its files has a finding at least as severe as this one. */
    public boolean hasFindingsAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(severity) <= 0)
                || files.stream().anyMatch(r -> r.hasFindingsAtLeast(severity));
    }
}
