package io.github.visionjsonl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -o/--output} of the commands that write a file: always a new one, never over an existing file. */
final class NewFile {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "The new file to write (never over an existing one).")
    Path path;

    /** Says that the file exists already; the exit code of that usage error. */
    int refuseExisting(PrintWriter err) {
        err.println("vision-jsonl: " + path + " exists; refusing to overwrite it");
        return VisionJsonl.USAGE;
    }

    @Override
    public String toString() {
        return String.valueOf(path);
    }
}
