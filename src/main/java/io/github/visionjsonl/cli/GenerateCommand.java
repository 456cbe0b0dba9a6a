package io.github.visionjsonl.cli;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vision-jsonl generate}: writes a realistic dataset with a controlled share of broken lines. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Writes a realistic AutoML-for-Images JSONL dataset: datastore URLs in the three forms, image_details, "
                + "1 to 8 boxes or polygons (6 to 200 points) per image. With --invalid-rate, that share of the lines "
                + "has one fault each (a syntax error, pixel coordinates, a missing key, ...). The same options and "
                + "seed give the same bytes.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error, or the output exists or cannot be written"})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "image-object-detection", converter = TaskConverter.class,
            description = "The task of the records. Default: ${DEFAULT-VALUE}.")
    Task task;

    @Option(names = "--records", paramLabel = "N", required = true, description = "How many lines to write.")
    long records;

    @Option(names = "--invalid-rate", paramLabel = "R", defaultValue = "0",
            description = "Share of broken lines, from 0 to 1. Default: ${DEFAULT-VALUE}.")
    double invalidRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "20",
            description = "How many classes the labels come from. Default: ${DEFAULT-VALUE}.")
    int classes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The new file to write (never over an existing file, not even one created meanwhile), or - for standard output.")
    String output;

    @Override
    public Integer call() {
        DatasetGenerator.Builder b = DatasetGenerator.builder().task(task).seed(seed);
        CommandLine cli = spec.commandLine();
        ErrorMessages.option(cli, "--records", () -> b.records(records));
        ErrorMessages.option(cli, "--invalid-rate", () -> b.invalidRate(invalidRate));
        ErrorMessages.option(cli, "--classes", () -> b.classes(classes));
        DatasetGenerator generator = b.build();
        try {
            if (output.equals("-")) {
                generator.write(System.out);
            } else {
                generator.write(Path.of(output));
            }
            return VisionJsonl.OK;
        } catch (IOException e) {
            if (output.equals("-")) {
                spec.commandLine().getErr().println("vision-jsonl: cannot write to standard output: " + e.getMessage());
                return VisionJsonl.USAGE;
            }
            return ErrorMessages.print(spec.commandLine().getErr(), e, output, Path.of(output));
        }
    }
}
