package io.github.visionjsonl.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vision-jsonl} command. Exit codes: 0 when the command did its work and found
 * nothing that fails it, 1 when it found something that does, 2 for a usage error, an input
 * that cannot be read or an output that cannot be written, 3 for a bug.
 */
@Command(name = "vision-jsonl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks AutoML-for-Images JSON Lines datasets before you train on them.",
        subcommands = {ValidateCommand.class, ReportCommand.class, RenderCommand.class, GenerateCommand.class, ConvertCommand.class, FixCommand.class, PredictionsCommand.class, EvaluateCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, and no finding that fails the command (see the command's --help)",
            "1:a finding that fails the command (validate: one at or above --fail-on)",
            "2:usage error, unreadable input, or an output that exists or is unwritable",
            VisionJsonl.INTERNAL_ERROR})
public final class VisionJsonl implements Callable<Integer> {

    /** The exit code 3 line of every command's help. */
    static final String INTERNAL_ERROR = "3:internal error (a bug: please report it with the command and the input)";

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
    final InputStream stdin;
    /** What validates each file of {@code validate}, or null for the validator itself. */
    final DatasetEngine engine;

    VisionJsonl(InputStream stdin) {
        this(stdin, null);
    }

    private VisionJsonl(InputStream stdin, DatasetEngine engine) {
        this.stdin = stdin;
        this.engine = engine;
    }

    @Override
    public Integer call() {
        return commandRequired(spec.commandLine());
    }

    /** What a command that needs a subcommand prints without one: its commands, and where the help is. */
    static int commandRequired(CommandLine cli) {
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        err.println("vision-jsonl: '" + name + "' needs a command, one of:");
        err.print(HelpLayout.commands(cli.getCommandSpec()));
        err.println("Run '" + name + " COMMAND --help' for the options of one.");
        err.flush();
        return USAGE;
    }

    /**
     * A usage error: its message, the commands picocli suggests for a misspelt one, and one line
     * pointing to the help (as git and cargo do), rather than the whole help.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("vision-jsonl: " + TaskConverter.message(e));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    /** Any command can end with exit code 3 (the execution handler below): every help that lists codes says so. */
    private static void listInternalError(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        if (!usage.exitCodeList().isEmpty()) {
            Map<String, String> codes = new LinkedHashMap<>(usage.exitCodeList());
            int colon = INTERNAL_ERROR.indexOf(':');
            codes.putIfAbsent(INTERNAL_ERROR.substring(0, colon), INTERNAL_ERROR.substring(colon + 1));
            usage.exitCodeList(codes);
        }
        cli.getSubcommands().values().forEach(VisionJsonl::listInternalError);
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
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return run(args, in, out, err, null);
    }

    /**
     * Runs the command line with {@code engine} validating each FILE of {@code validate} (an
     * engine on a cluster, {@link io.github.visionjsonl.spi}); the rest is unchanged.
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err,
            DatasetEngine engine) {
        CommandLine cli = new CommandLine(new VisionJsonl(in, engine));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler(VisionJsonl::usageError);
        HelpLayout.install(cli);
        listInternalError(cli);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("vision-jsonl: internal error: " + e
                    + " (a bug: please report it with the command and the input)");
            command.getErr().flush();
            return INTERNAL;
        });
        return cli.execute(args);
    }
}
