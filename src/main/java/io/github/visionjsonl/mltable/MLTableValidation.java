package io.github.visionjsonl.mltable;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Checks an MLTable (an AutoML v2 data asset: a YAML file named {@code MLTable} beside its JSONL)
 * the way the job's loader reads it, then validates every local JSONL file it names. Used by
 * {@code DatasetValidator.validateMLTable}; stateless.
 */
public final class MLTableValidation {

    /** The file name of an MLTable. */
    public static final String FILE_NAME = "MLTable";

    /** Validates one JSONL file, as the caller's validator does. */
    @FunctionalInterface
    public interface JsonlCheck {
        /** The report on one file. */
        ValidationReport validate(Path file) throws IOException;
    }

    private MLTableValidation() {
    }

    /** Whether a path is an MLTable file or a folder that holds one. */
    public static boolean isMLTable(Path path) {
        return Files.isDirectory(path) ? Files.isRegularFile(path.resolve(FILE_NAME))
                : path.getFileName() != null && path.getFileName().toString().equals(FILE_NAME) && Files.isRegularFile(path);
    }

    /**
     * Checks an MLTable and the JSONL files it names.
     *
     * @param path the MLTable file, or the folder that holds it
     * @param severities the user's severity of a rule given a suggested one ({@code null} when off)
     * @param jsonl validates each JSONL file found
     * @throws IOException when the MLTable cannot be read, or a JSONL file it names cannot
     */
    public static MLTableReport validate(Path path, BiFunction<RuleCode, Severity, Severity> severities, JsonlCheck jsonl)
            throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no MLTable file");
        }
        Findings findings = new Findings(severities);
        MLTableShape shape = new MLTableShape(findings, file);
        long size = Files.size(file);
        if (size > YamlReader.MAX_BYTES) {
            findings.add(RuleCode.MLTABLE_SYNTAX, null, 0, 0, "", "mltable-syntax.size", "size", size,
                    "limit", YamlReader.MAX_BYTES);
        } else {
            try {
                shape.check(YamlReader.read(Files.readAllBytes(file)));
            } catch (YamlReader.Failure f) {
                findings.add(RuleCode.MLTABLE_SYNTAX, null, f.line, f.column, "", f.messageKey, f.params);
            }
        }
        List<ValidationReport> reports = new ArrayList<>();
        for (Path jsonlFile : shape.files()) {
            reports.add(explainInvalidLines(jsonl.validate(jsonlFile), shape.dropsInvalidLines(), file));
        }
        return new MLTableReport(file, findings.sorted(), reports, shape.dropsInvalidLines());
    }

    /** Says in each {@code json-syntax} finding what {@code invalid_lines} makes the job do with the line. */
    private static ValidationReport explainInvalidLines(ValidationReport r, boolean drop, Path mltable) {
        if (r.findings(RuleCode.JSON_SYNTAX).isEmpty()) {
            return r;
        }
        List<Finding> findings = new ArrayList<>(r.findings().size());
        for (Finding f : r.findings()) {
            findings.add(f.rule() != RuleCode.JSON_SYNTAX ? f : new Finding(f.line(), f.column(), f.pointer(), f.rule(),
                    f.severity(), Messages.format(drop ? "json-syntax.mltable-drop" : "json-syntax.mltable-error",
                            "message", f.message(), "mltable", mltable.toString()), f.lineHash()));
        }
        return r.withFindings(findings);
    }

    /** The MLTable's findings, at the user's severities. */
    static final class Findings {
        private final BiFunction<RuleCode, Severity, Severity> severities;
        private final List<Finding> list = new ArrayList<>();

        Findings(BiFunction<RuleCode, Severity, Severity> severities) {
            this.severities = severities;
        }

        void add(RuleCode rule, Severity suggested, int line, int column, String pointer, String key, Object... params) {
            Severity severity = severities.apply(rule, suggested);
            if (severity != null) {
                list.add(new Finding(Math.max(0, line), Math.max(0, column), pointer, rule, severity,
                        Messages.format(key, params)));
            }
        }

        List<Finding> sorted() {
            List<Finding> all = new ArrayList<>(list);
            all.sort(Comparator.<Finding>comparingLong(f -> f.line() == 0 ? Long.MAX_VALUE : f.line())
                    .thenComparingInt(Finding::column));
            return all;
        }
    }
}
