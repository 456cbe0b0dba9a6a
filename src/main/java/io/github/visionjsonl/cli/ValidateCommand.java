package io.github.visionjsonl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl validate}: checks files and prints the findings. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Validates AutoML-for-Images JSONL files, line by line, and prints every finding as "
                + "FILE:LINE:COL: SEVERITY[CODE]: MESSAGE, then a summary per file.",
            "Plain and gzip-compressed files are read; '-' reads standard input. "
                + "Rule codes and what they mean: docs/rules.md.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail-on severity",
            "1:a finding at or above the fail-on severity",
            "2:usage error, or an input that cannot be read"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    VisionJsonl parent;

    @Option(names = "--task", paramLabel = "TASK",
            description = "The task of the files: image-classification, image-classification-multilabel, "
                    + "image-object-detection or image-instance-segmentation (or classification, multilabel, "
                    + "detection, segmentation). Default: detected from the first record whose label shows it.")
    String task;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. "
                    + "json prints one object per file, an array for several files.")
    Format format;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "1000",
            description = "How many findings to keep and print per file; all are still counted. Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Option(names = "--rule", paramLabel = "CODE=SEVERITY",
            description = "Changes a rule's severity (error, warning, info) or turns it off (off). "
                    + "Repeatable, e.g. --rule unknown-field=error --rule blank-line=off.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit with 1 when a finding is at least this severe: error, warning or info. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--fail-fast", description = "Stop reading a file at its first line with an error.")
    boolean failFast;

    @Option(names = "--max-line-length", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Longest line read; longer lines are reported and skipped. Default: ${DEFAULT-VALUE} (16 MiB).")
    int maxLineLength;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSONL files (.jsonl or .jsonl.gz), or - for standard input.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetValidator validator = buildValidator();
        Severity threshold = parse(() -> Severity.parse(failOn), "--fail-on");
        int exit = VisionJsonl.OK;
        List<Object> results = new ArrayList<>();
        for (String file : files) {
            try {
                ValidationReport report = file.equals("-")
                        ? validator.validate(parent.stdin, "-")
                        : validator.validate(Path.of(file));
                results.add(report);
                if (report.hasFindingsAtLeast(threshold)) {
                    exit = Math.max(exit, VisionJsonl.FINDINGS);
                }
                if (format == Format.text) {
                    out.print(TextReport.format(report));
                    out.flush();
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                String reason = reason(file, e);
                err.println("vision-jsonl: cannot read " + file + ": " + reason);
                err.flush();
                results.add(new String[] {file, reason});
                exit = VisionJsonl.USAGE;
            }
        }
        if (format == Format.json) {
            writeJson(out, results);
        }
        return exit;
    }

    private static String reason(String file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace(file + " ", "");
    }

    private void writeJson(PrintWriter out, List<Object> results) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            if (results.size() != 1) {
                g.writeStartArray();
            }
            for (Object r : results) {
                if (r instanceof ValidationReport report) {
                    JsonReport.write(report, g);
                } else {
                    String[] failure = (String[]) r;
                    g.writeStartObject();
                    g.writeStringField("file", failure[0]);
                    g.writeStringField("error", failure[1]);
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
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DatasetValidator buildValidator() {
        DatasetValidator.Builder b = DatasetValidator.builder();
        if (task != null) {
            b.task(Task.fromName(task).orElseThrow(() -> usage("--task: unknown task '" + task
                    + "'; expected image-classification, image-classification-multilabel, "
                    + "image-object-detection or image-instance-segmentation")));
        }
        for (String rule : rules) {
            int eq = rule.indexOf('=');
            if (eq < 0) {
                throw usage("--rule: expected CODE=SEVERITY (e.g. unknown-field=error), was '" + rule + "'");
            }
            String code = rule.substring(0, eq);
            String value = rule.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            RuleCode r = RuleCode.fromCode(code).orElseThrow(() -> usage("--rule: unknown rule '" + code
                    + "'; see docs/rules.md for the codes"));
            if (value.equals("off")) {
                b.disable(r);
            } else {
                b.severity(r, parse(() -> Severity.parse(value), "--rule " + code));
            }
        }
        if (maxFindings < 0) {
            throw usage("--max-findings must be >= 0, was " + maxFindings);
        }
        if (maxLineLength <= 0 || maxLineLength > (1 << 30)) {
            throw usage("--max-line-length must be in [1, 1073741824], was " + maxLineLength);
        }
        return b.maxFindings(maxFindings).failFast(failFast).maxLineLength(maxLineLength).build();
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
