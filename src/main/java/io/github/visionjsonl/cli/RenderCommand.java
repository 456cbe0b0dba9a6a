package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.html.ImageRendering;
import io.github.visionjsonl.images.ImageOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl render}: the annotations of chosen lines drawn onto their images, full size. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Draws the boxes and polygons of chosen lines onto their images at full size and writes them as PNG "
                + "files (LINE-NAME.png) into OUTDIR: the report's drawing, for spot checks and other tools. "
                + "Existing files are never replaced.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every chosen line was drawn",
            "1:some chosen line could not be drawn (no record, no image, not decodable)",
            "2:usage error, or an input that cannot be read",
            VisionJsonl.INTERNAL_ERROR})
final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--images-root", required = true, paramLabel = "DIR",
            description = "The folder standing for the datastore, as for validate --images-root.")
    Path imagesRoot;

    @Option(names = "--datastore-root", paramLabel = "NAME=DIR",
            description = "A folder for one datastore's images instead of --images-root. Repeatable.")
    List<String> datastoreRoots = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "The folder for the PNG files (made when absent).")
    Path outDir;

    @Option(names = "--lines", paramLabel = "LIST",
            description = "The lines to draw, e.g. 3,7-9 (1-based). Default: the first 20 lines.")
    String lines;

    @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.class,
            description = "The task of the file, as for validate.")
    Task task;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The JSONL file (.jsonl or .jsonl.gz).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LongPredicate chosen = lines == null ? line -> line <= 20 : LineRanges.parse(lines, this::usage);
        if (!Files.isDirectory(imagesRoot)) {
            throw usage("--images-root: " + imagesRoot + " is not a folder");
        }
        ImageOptions images = ImageOptions.under(imagesRoot);
        for (String root : datastoreRoots) {
            int eq = root.indexOf('=');
            if (eq <= 0 || eq == root.length() - 1) {
                throw usage("--datastore-root: expected NAME=DIR, was '" + root + "'");
            }
            images = images.withDatastoreRoot(root.substring(0, eq), Path.of(root.substring(eq + 1)));
        }
        DatasetValidator.Builder validator = DatasetValidator.builder();
        if (task != null) {
            validator.task(task);
        }
        List<ImageRendering.Rendered> drawn;
        try {
            drawn = ImageRendering.render(validator.build(), file, images, chosen, outDir);
        } catch (IOException e) {
            return ErrorMessages.print(err, e, file.toString(), outDir);
        } catch (UncheckedIOException e) {
            return ErrorMessages.print(err, e.getCause(), file.toString(), outDir);
        }
        int failed = 0;
        for (ImageRendering.Rendered r : drawn) {
            if (r.file() != null) {
                out.println(file + ":" + r.line() + ": " + r.file());
            } else {
                failed++;
                err.println(file + ":" + r.line() + ": not drawn: " + r.problem());
            }
        }
        out.println((drawn.size() - failed) + " of " + drawn.size() + " chosen lines drawn into " + outDir);
        out.flush();
        err.flush();
        return failed > 0 ? VisionJsonl.FINDINGS : VisionJsonl.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
