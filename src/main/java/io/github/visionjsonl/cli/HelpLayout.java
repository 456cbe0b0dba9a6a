package io.github.visionjsonl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help's text laid out at spaces only. Picocli breaks words where a line-break iterator
 * allows it, inside {@code AmlDatastore://...} after the colon and inside {@code docs/rules.md}
 * after the dot, and what a user copies from the help then has a space in it; here a word
 * longer than the room left goes whole onto a line of its own.
 */
final class HelpLayout {

    /** The width of the help, as picocli's default. */
    static final int WIDTH = 80;
    /** The indent of a description's continued lines, beyond its column, as picocli does. */
    private static final int HANGING = 2;
    /** Required marker, short option, comma: the columns before the long option's (picocli's default layout). */
    private static final int SHORT_COLUMNS = 5;

    private HelpLayout() {
    }

    /** Sets the layout for the command and all its subcommands. */
    static void install(CommandLine cli) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commands(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, HelpLayout::exitCodes);
        cli.setUsageHelpWidth(WIDTH);
        for (CommandLine sub : cli.getSubcommands().values()) {
            install(sub);
        }
    }

    /**
     * The commands of a command, each with the first sentence of its description: what
     * {@code vision-jsonl} with no command prints, and the Commands section of the help.
     */
    static String commands(CommandSpec spec) {
        if (spec.subcommands().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int column = 0;
        for (String name : spec.subcommands().keySet()) {
            column = Math.max(column, name.length());
        }
        column += 4;
        for (Map.Entry<String, CommandLine> c : spec.subcommands().entrySet()) {
            String[] description = c.getValue().getCommandSpec().usageMessage().description();
            String summary = description.length == 0 ? "" : firstSentence(description[0]);
            StringBuilder head = new StringBuilder("  ").append(c.getKey());
            row(b, head, column, summary);
        }
        return b.toString();
    }

    private static String exitCodes(Help help) {
        Map<String, String> codes = help.commandSpec().usageMessage().exitCodeList();
        int column = 0;
        for (String code : codes.keySet()) {
            column = Math.max(column, code.length());
        }
        column += 2 + 3;
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> c : codes.entrySet()) {
            row(b, new StringBuilder("  ").append(c.getKey()), column, c.getValue());
        }
        return b.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        while (end >= 0 && (text.startsWith("e.g", end - 3) || text.startsWith("i.e", end - 3))) {
            end = text.indexOf(". ", end + 2);
        }
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String description(Help help) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            wrap(b, paragraph.replace("%n", "\n"), 0, 0);
        }
        return b.toString();
    }

    private static String parameters(Help help) {
        List<PositionalParamSpec> shown = new ArrayList<>();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                shown.add(p);
            }
        }
        Help.IParameterRenderer renderer = help.createDefaultParameterRenderer();
        StringBuilder b = new StringBuilder();
        int column = column(help);
        for (PositionalParamSpec p : shown) {
            table(b, renderer.render(p, help.parameterLabelRenderer(), help.colorScheme()), column);
        }
        return b.toString();
    }

    private static String options(Help help) {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec o : help.commandSpec().options()) {
            if (!o.hidden()) {
                shown.add(o);
            }
        }
        if (help.commandSpec().usageMessage().sortOptions()) {
            shown.sort(help.createDefaultOptionSort());
        }
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        StringBuilder b = new StringBuilder();
        int column = column(help);
        for (OptionSpec o : shown) {
            table(b, renderer.render(o, help.parameterLabelRenderer(), help.colorScheme()), column);
        }
        return b.toString();
    }

    /** Where descriptions start: after the widest long option, as picocli computes it. */
    private static int column(Help help) {
        CommandSpec spec = help.commandSpec();
        return SHORT_COLUMNS + help.calcLongOptionColumnWidth(spec.options(), spec.positionalParameters(), help.colorScheme());
    }

    /** One option or parameter: picocli's cells (marker, short name, comma, long name and label, description lines). */
    private static void table(StringBuilder b, Text[][] rows, int column) {
        for (int i = 0; i < rows.length; i++) {
            Text[] cells = rows[i];
            StringBuilder head = new StringBuilder();
            if (i == 0) {
                cell(head, cells[0], 2);
                cell(head, cells[1], 2);
                cell(head, cells[2], 1);
                head.append(' ').append(cells[3].plainString());
            }
            row(b, head, column, cells.length > 4 ? cells[4].plainString() : "");
        }
    }

    private static void cell(StringBuilder head, Text text, int width) {
        String s = text.plainString();
        head.append(s);
        head.append(" ".repeat(Math.max(0, width - s.length())));
    }

    /** A head and its description from the column on, on the next line when the head reaches the column. */
    private static void row(StringBuilder b, StringBuilder head, int column, String description) {
        String h = head.toString().stripTrailing();
        if (h.length() >= column) {
            b.append(h).append('\n');
            if (description.isEmpty()) {
                return;
            }
            h = "";
        }
        b.append(h).append(" ".repeat(column - h.length()));
        wrap(b, description, column, column + HANGING);
    }

    /**
     * Wraps text at spaces to {@link #WIDTH}, the first line already indented to {@code first},
     * the next ones to {@code next}; a word longer than the room stays whole.
     */
    static void wrap(StringBuilder b, String text, int first, int next) {
        int used = first;
        boolean lineStart = true;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineStart && used + 1 + word.length() > WIDTH) {
                b.append('\n').append(" ".repeat(next));
                used = next;
                lineStart = true;
            }
            if (!lineStart) {
                b.append(' ');
                used++;
            }
            b.append(word);
            used += word.length();
            lineStart = false;
        }
        b.append('\n');
    }
}
