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
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
            "1:converted, but the input had an error finding or the output has an error",
            "2:usage error, an unreadable input, or an output that exists"})
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

    @Option(names = "--task", paramLabel = "TASK",
            description = "detection or segmentation (coco, yolo); default detection.")
    String task;

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
        Task t = task == null ? Task.IMAGE_OBJECT_DETECTION : Task.fromName(task).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "--task: unknown task '" + task + "'"));
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
                case coco -> new CocoToJsonl(t, baseUrl).convert(input, output.path);
                case voc -> new VocToJsonl(baseUrl, VocToJsonl.Difficult.valueOf(difficult.toUpperCase(Locale.ROOT)))
                        .convert(input, output.path);
                case yolo -> new YoloToJsonl(t, baseUrl, yoloNames).convert(input, output.path);
                case folders -> new FoldersToJsonl(baseUrl).folders(input, output.path);
                case csv -> new FoldersToJsonl(baseUrl).csv(input, output.path);
                case jsonl -> new JsonlToCoco(DatasetValidator.create(), imagesRoot).convert(input, output.path);
            };
            for (Finding f : result.findings()) {
                out.println(f.format(input + (f.pointer().isEmpty() || f.pointer().startsWith("line ") ? "" : "#" + f.pointer())));
            }
            out.println(output + ": " + result.records() + (to == To.coco ? " images written" : " records written"));
            if (result.validation() != null && to == To.jsonl) {
                out.print(TextReport.summary(result.validation()));
            }
            out.flush();
            boolean inputError = result.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            boolean outputError = result.validation() != null && !result.validation().isValid();
            return inputError || outputError ? VisionJsonl.FINDINGS : VisionJsonl.OK;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            return ErrorMessages.print(err, e, input.toString(), output.path);
        } catch (UncheckedIOException e) {
            return ErrorMessages.print(err, e.getCause(), input.toString(), output.path);
        }
    }
}
