package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.convert.CocoToJsonl;
import io.github.visionjsonl.convert.ConversionResult;
import io.github.visionjsonl.convert.FoldersToJsonl;
import io.github.visionjsonl.convert.JsonlToCoco;
import io.github.visionjsonl.convert.VocToJsonl;
import io.github.visionjsonl.convert.YoloToJsonl;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl convert}: from COCO, VOC, YOLO, class folders or CSV to JSONL, and from JSONL to COCO. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Converts a dataset to AutoML JSONL (from coco, voc, yolo, folders, csv) or JSONL to COCO. The output is a "
                + "new file, written atomically, never over an existing one; a JSONL output is validated and its "
                + "report printed. What the converter noticed in the input (clamped values, left-out annotations) "
                + "comes first, as convert-* findings. Formulas: docs/converters.md.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:converted, and the output has no error",
            "1:converted, but the input had an error finding or the output has an error, or nothing was converted",
            "2:usage error, an unreadable input, an output that exists, or not enough memory"})
final class ConvertCommand implements Callable<Integer> {

    enum From { coco, voc, yolo, folders, csv, jsonl }

    enum To { jsonl, coco }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    From from;

    @Option(names = "--to", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    To to;

    @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.class,
            description = "detection or segmentation (coco, yolo); default detection.")
    Task task;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "",
            description = "Prefix of every image URL, e.g. AmlDatastore://workspaceblobstore/fridge/images/")
    String baseUrl;

    @Option(names = "--names", paramLabel = "FILE", description = "yolo: class names, one per line, or a data.yaml with names:")
    Path names;

    @Option(names = "--voc-difficult", paramLabel = "WHAT", defaultValue = "keep",
            description = "voc: objects marked difficult are kept (keep), left out (skip) or marked isCrowd (crowd). Default: ${DEFAULT-VALUE}.")
    String difficult;

    @Option(names = "--images-root", paramLabel = "DIR",
            description = "jsonl to coco: image sizes from the image files under DIR where image_details has none.")
    Path imagesRoot;

    @Option(names = "--box-as-polygon",
            description = "coco --task segmentation: an annotation without a usable segmentation gets its bbox as a "
                + "4-point polygon (default: it is left out, with a finding).")
    boolean boxAsPolygon;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "1000",
            description = "Show at most N findings of the conversion, and N of the output. Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Parameters(paramLabel = "INPUT", description = "The input file or folder.")
    Path input;

    @Mixin
    NewFile output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((from == From.jsonl) != (to == To.coco)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to coco needs --from jsonl, and --from jsonl needs --to coco");
        }
        if (!Files.exists(input)) {
            err.println("vision-jsonl: cannot read " + input + ": no such file or folder; check the path");
            return VisionJsonl.USAGE;
        }
        if (maxFindings < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-findings must be >= 0, was " + maxFindings);
        }
        Task t = task == null ? Task.IMAGE_OBJECT_DETECTION : task;
        List<String> yoloNames = null;
        if (from == From.yolo) {
            if (names == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from yolo needs --names FILE");
            }
            try {
                yoloNames = YoloToJsonl.readNames(names);
            } catch (IOException e) {
                return ErrorMessages.print(err, e, names.toString());
            }
        }
        try {
            ConversionResult result = switch (from) {
                case coco -> new CocoToJsonl(t, baseUrl).boxAsPolygon(boxAsPolygon).convert(input, output.path);
                case voc -> new VocToJsonl(baseUrl, VocToJsonl.Difficult.valueOf(difficult.toUpperCase(Locale.ROOT)))
                        .convert(input, output.path);
                case yolo -> new YoloToJsonl(t, baseUrl, yoloNames).convert(input, output.path);
                case folders -> new FoldersToJsonl(baseUrl).folders(input, output.path);
                case csv -> new FoldersToJsonl(baseUrl).csv(input, output.path);
                case jsonl -> new JsonlToCoco(DatasetValidator.create(), imagesRoot, baseUrl).convert(input, output.path);
            };
            print(result, out);
            boolean inputError = result.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            boolean outputError = result.validation() != null && !result.validation().isValid();
            return inputError || outputError || result.records() == 0 ? VisionJsonl.FINDINGS : VisionJsonl.OK;
        } catch (OutOfMemoryError e) {
            err.println("vision-jsonl: cannot convert " + input + ": out of memory (a heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more with -Xmx, or split the input");
            return VisionJsonl.USAGE;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (NotDirectoryException e) {
            err.println("vision-jsonl: cannot convert " + input + ": --from " + from + " reads a folder, and "
                    + e.getFile() + " is a file");
            return VisionJsonl.USAGE;
        } catch (IOException e) {
            return ErrorMessages.print(err, e, input.toString(), output.path);
        } catch (UncheckedIOException e) {
            return ErrorMessages.print(err, e.getCause(), input.toString(), output.path);
        }
    }

    /**
     * The findings as validate prints them, capped at --max-findings: the conversion's on the input
     * (file#pointer, or file:line for JSONL), then the written file's on its lines, then the counts.
     */
    private void print(ConversionResult result, PrintWriter out) {
        result.findings().stream().limit(maxFindings).forEach(f -> out.println(f.pointer().startsWith("line ")
                ? new Finding(Long.parseLong(f.pointer().substring(5)), 0, "", f.rule(), f.severity(), f.message())
                        .format(input.toString())
                : f.format(input + (f.pointer().isEmpty() || f.line() > 0 ? "" : "#" + f.pointer()))));
        if (result.findingCount() > Math.min(maxFindings, result.findings().size())) {
            out.println("  showing the first " + Math.min(maxFindings, result.findings().size()) + " of "
                    + result.findingCount() + " findings of the conversion (--max-findings)");
        }
        ValidationReport written = to == To.jsonl ? result.validation() : null;
        if (written != null) {
            written.findings().stream().limit(maxFindings).forEach(f -> out.println(f.format(written.source())));
        }
        out.println(output + ": " + result.records() + (to == To.coco ? " images written" : " records written"));
        if (written != null) {
            out.print(TextReport.summary(written));
            if (!written.findingsTruncated() && written.findingCount() > maxFindings) {
                out.println("  showing the first " + maxFindings + " of " + written.findingCount() + " findings (--max-findings)");
            }
        }
        if (result.records() == 0) {
            out.println("  nothing was converted: every " + (from == From.jsonl ? "line" : "image")
                    + " of the input was left out (the findings above say why)");
        }
        out.flush();
    }
}
