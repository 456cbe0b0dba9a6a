package io.github.visionjsonl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -o/--output} of the commands that write a file: always a new one, never over an existing file. */
final class NewFile {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "The new file to write (never over an existing one).")
    Path path;

    @Override
    public String toString() {
        return String.valueOf(path);
    }
}
