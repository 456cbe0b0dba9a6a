package io.github.visionjsonl.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line inside the test's JVM, as the CLI tests make it: the exit code and
 * what the command printed on standard output and standard error.
 */
record CliRun(int exit, String out, String err) {

    /** Runs the command line with an empty standard input. */
    static CliRun run(String... args) {
        return withInput(InputStream.nullInputStream(), args);
    }

    /** Runs the command line with {@code in} as what {@code -} reads. */
    static CliRun withInput(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisionJsonl.run(args, in, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
