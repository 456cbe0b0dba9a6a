package io.github.visionjsonl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vision-jsonl} command. Exit codes: 0 when no finding reaches the fail-on severity,
 * 1 when one does, 2 for a usage error or an input that cannot be read.
 */
@Command(name = "vision-jsonl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks AutoML-for-Images JSON Lines datasets before you train on them.",
        subcommands = {ValidateCommand.class, ReportCommand.class, RenderCommand.class, GenerateCommand.class, ConvertCommand.class, FixCommand.class, PredictionsCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail-on severity",
            "1:a finding at or above the fail-on severity",
            "2:usage error, or an input that cannot be read",
            "3:internal error (a bug: please report it with the input)"})
public final class VisionJsonl implements Runnable {

    /** Exit code: nothing reached the fail-on severity. */
    public static final int OK = 0;
    /** Exit code: a finding reached the fail-on severity. */
    public static final int FINDINGS = 1;
    /** Exit code: usage error or unreadable input. */
    public static final int USAGE = 2;
    /** Exit code: a bug in vision-jsonl. */
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code -} reads. */
    final java.io.InputStream stdin;

    VisionJsonl(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns the exit code (for tests and
     * embedding); {@code in} is what the file name {@code -} reads.
     */
    public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VisionJsonl(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("vision-jsonl: internal error: " + e
                    + " (a bug: please report it with the command and the input)");
            command.getErr().flush();
            return INTERNAL;
        });
        return cli.execute(args);
    }
}
