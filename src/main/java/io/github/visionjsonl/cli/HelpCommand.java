package io.github.visionjsonl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vision-jsonl help [COMMAND...]}: the help of a command given by its whole path, such as
 * {@code help predictions to-labels} (picocli's own help command takes one name only, and shows
 * the help of {@code predictions} for that).
 */
@Command(name = "help", helpCommand = true,
        description = "Shows the help of a command, e.g. help validate or help predictions to-labels.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommands.")
    List<String> commands = new ArrayList<>();

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : commands) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "'" + command.getCommandSpec().qualifiedName() + "' has no command '"
                        + name + "'; its commands: " + String.join(", ", command.getSubcommands().keySet()));
            }
            command = sub;
        }
        command.usage(out, colors);
        out.flush();
    }
}
