package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.convert.DatasetFixer;
import io.github.visionjsonl.internal.engine.SetAsideLines;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl fix}: opt-in repairs to a new file, with every change listed. */
@Command(name = "fix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Repairs what can be repaired into a new file and lists every change: coordinates within the tolerance "
                + "of [0, 1] clamped, boxes in pixels divided by the image size (when image_details has it), inverted "
                + "corners swapped, empty boxes dropped, class names trimmed, numbers, isCrowd and sizes written in "
                + "their proper form, unknown keys left out. A line with any other error is set aside and listed: "
                + "lines in = lines written + lines set aside.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line written, and the output has no error",
            "1:lines were set aside, or the output has an error",
            "2:usage error, an unreadable input, or an output that exists"})
final class FixCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.01",
            description = "How far outside [0, 1] a coordinate may be to be clamped. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--task", paramLabel = "TASK", description = "The task of the file; default: detected.")
    String task;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "1000",
            description = "List at most N lines set aside and N changes (all are counted). Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Parameters(paramLabel = "INPUT", description = "The JSONL file to repair (it is never changed).")
    Path input;

    @Mixin
    NewFile output;

    @Option(names = "--rejected", paramLabel = "FILE",
            description = "Also writes the lines set aside to this new file, one JSON object each: "
                    + "{\"line\": N, \"findings\": [...], \"text\": \"...\"} (as validate --rejected).")
    Path rejected;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetValidator.Builder b = DatasetValidator.builder();
        if (task != null) {
            b.task(Task.fromName(task).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--task: unknown task '" + task + "'")));
        }
        if (maxFindings < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-findings must be >= 0, was " + maxFindings);
        }
        DatasetFixer fixer;
        try {
            fixer = new DatasetFixer(b.build(), tolerance, maxFindings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), ErrorMessages.optionMessage("--tolerance", e.getMessage()));
        }
        DatasetFixer.FixResult r;
        SetAsideLines rejectedLines = null;
        try {
            if (rejected != null) {
                rejectedLines = new SetAsideLines(input, rejected, DatasetValidator.DEFAULT_MAX_LINE_LENGTH);
                SetAsideLines lines = rejectedLines;
                r = fixer.fix(input, output.path, s -> lines.write(s.line(), s.reasons()));
                rejectedLines.commit();
            } else {
                r = fixer.fix(input, output.path);
            }
        } catch (OutOfMemoryError e) {
            err.println("vision-jsonl: cannot repair " + input + ": out of memory (a heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more with -Xmx");
            return VisionJsonl.USAGE;
        } catch (IOException e) {
            return ErrorMessages.print(err, e, input.toString(), output.path, rejected);
        } catch (UncheckedIOException e) {
            return ErrorMessages.print(err, e.getCause(), input.toString(), output.path, rejected);
        } finally {
            closeQuietly(rejectedLines);
        }
        for (Finding f : r.changes()) {
            out.println(f.format(input.toString()));
        }
        for (DatasetFixer.SetAside s : r.setAside()) {
            out.println(input + ":" + s.line() + ": set aside: " + (s.reasons().isEmpty() ? "not a record"
                    : s.reasons().get(0).severity().label() + "[" + s.reasons().get(0).code() + "]: " + s.reasons().get(0).message()));
        }
        if (r.changeCount() > r.changes().size() || r.setAsideCount() > r.setAside().size()) {
            out.println("  listing the first " + r.changes().size() + " of " + r.changeCount() + " changes and "
                    + r.setAside().size() + " of " + r.setAsideCount() + " lines set aside (--max-findings)");
        }
        out.println(input + ": " + r.linesIn() + " lines in, " + r.linesOut() + " written to " + output + ", "
                + r.setAsideCount() + " set aside, " + r.changeCount() + " changes");
        out.print(TextReport.summary(r.validation()));
        out.flush();
        return r.setAsideCount() == 0 && r.validation().isValid() ? VisionJsonl.OK : VisionJsonl.FINDINGS;
    }

    private static void closeQuietly(SetAsideLines lines) {
        if (lines != null) {
            try {
                lines.close();
            } catch (IOException e) {
                // only a temporary file is left to remove; the repair's own outcome stands
            }
        }
    }
}
