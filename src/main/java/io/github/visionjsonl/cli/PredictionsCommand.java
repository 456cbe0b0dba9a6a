package io.github.visionjsonl.cli;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.predict.PredictionReader;
import io.github.visionjsonl.predict.PseudoLabels;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.rules.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl predictions}: check scoring responses, turn them into labels. */
@Command(name = "predictions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Scoring responses of a deployed model: one JSON object, a JSON array, or one per line.", ""},
        subcommands = {PredictionsCommand.Validate.class, PredictionsCommand.ToLabels.class})
final class PredictionsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return VisionJsonl.commandRequired(spec.commandLine());
    }

    /**
     * Reads a CSV of {@code filename,image_url} rows (a header row is skipped); a file that is not
     * one is a usage error naming the option and the file.
     */
    static Map<String, String> mapping(CommandLine cli, Path csv) {
        Map<String, String> map = new HashMap<>();
        if (csv == null) {
            return map;
        }
        String notMapping = "--mapping " + csv + ": ";
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                n++;
                int comma = row.indexOf(',');
                if (row.isBlank() || row.startsWith("filename,")) {
                    continue;
                }
                if (comma <= 0 || row.indexOf('\0') >= 0) {
                    throw new CommandLine.ParameterException(cli, notMapping + "line " + n
                            + " is not a filename,image_url row: the mapping is a CSV of such rows");
                }
                map.put(row.substring(0, comma).strip(), row.substring(comma + 1).strip());
            }
        } catch (CharacterCodingException e) {
            throw new CommandLine.ParameterException(cli, notMapping
                    + "not UTF-8 text, so not a CSV mapping of filename,image_url rows");
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(cli, notMapping + "no such file");
        } catch (AccessDeniedException e) {
            throw new CommandLine.ParameterException(cli, notMapping + "permission denied");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cli, notMapping + "cannot read it: " + e.getMessage());
        }
        return map;
    }

    /** {@code vision-jsonl predictions validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Checks scoring responses: probs and labels of equal length, probabilities in [0, 1] "
                + "(summing to 1 with --task classification), no label twice, scores in [0, 1], boxes and polygons "
                + "normalized and ordered.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no error", "1:an error finding", "2:usage error or unreadable input"})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.class,
                description = "The model's task: responses of another task's shape are errors, multi-class probabilities must sum to 1.")
        Task task;

        @Parameters(paramLabel = "FILE", description = "The predictions file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                PredictionReader.Result r = new PredictionReader(task).read(file);
                for (Finding f : r.findings()) {
                    out.println(f.format(file + (f.line() > 0 || f.pointer().isEmpty() ? "" : "#" + f.pointer())));
                }
                out.println(file + ": " + r.predictions().size() + " predictions (" + r.valid().size() + " valid), "
                        + r.errors() + " errors");
                out.flush();
                return r.errors() > 0 ? VisionJsonl.FINDINGS : VisionJsonl.OK;
            } catch (IOException e) {
                return ErrorMessages.print(spec.commandLine().getErr(), e, file.toString());
            }
        }
    }

    /** {@code vision-jsonl predictions to-labels}. */
    @Command(name = "to-labels", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Turns predictions into a training JSONL: what scores at least --min-score becomes a label. "
                + "Image URLs come from the predictions' image_url or --mapping. An image with nothing at --min-score "
                + "is left out (written with an empty label, it would teach the model that the image shows nothing); "
                + "--keep-empty writes it as a background image.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written, no error", "1:written, with errors in the input or the output",
                "2:usage error, unreadable input, or an output that exists"})
    static final class ToLabels implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--task", required = true, paramLabel = "TASK", converter = TaskConverter.class,
                description = "The model's task.")
        Task task;

        @Option(names = "--min-score", required = true, paramLabel = "S",
                description = "The lowest probability or score kept, in [0, 1].")
        double minScore;

        @Option(names = "--keep-empty",
                description = "Write the images with nothing at --min-score with an empty label (background images; "
                    + "not for classification, whose label cannot be empty).")
        boolean keepEmpty;

        @Option(names = "--mapping", paramLabel = "CSV", description = "filename,image_url rows for responses without image_url.")
        Path mapping;

        @Parameters(paramLabel = "FILE", description = "The predictions file.")
        Path file;

        @Mixin
        NewFile output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--min-score must be in [0, 1], was " + minScore);
            }
            Task t = task;
            try {
                PseudoLabels.Result r = new PseudoLabels(t, minScore, mapping(spec.commandLine(), mapping), keepEmpty)
                        .write(file, output.path);
                for (Finding f : r.findings()) {
                    out.println(f.format(file.toString()));
                }
                String leftOut = r.emptyLeftOut() == 0 ? "" : ", " + r.emptyLeftOut() + (r.emptyLeftOut() == 1 ? " image" : " images")
                        + " with nothing at --min-score " + minScore + " left out"
                        + (t == Task.IMAGE_CLASSIFICATION ? "" : " (--keep-empty keeps them)");
                out.println(output + ": " + r.records() + " records written" + leftOut);
                out.print(TextReport.summary(r.validation()));
                out.flush();
                boolean error = r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
                return error || !r.validation().isValid() ? VisionJsonl.FINDINGS : VisionJsonl.OK;
            } catch (IOException e) {
                return ErrorMessages.print(spec.commandLine().getErr(), e, file.toString(), output.path);
            } catch (UncheckedIOException e) {
                return ErrorMessages.print(spec.commandLine().getErr(), e.getCause(), file.toString(), output.path);
            }
        }
    }
}
