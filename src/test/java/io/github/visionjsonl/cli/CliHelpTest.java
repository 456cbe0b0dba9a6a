package io.github.visionjsonl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Usage errors, the help and its layout, the exit codes the help and the README document. */
class CliHelpTest {

    private static final String VALID = "samples/image-object-detection/train.jsonl";

    @Test
    void aUsageErrorIsItsMessageAndOneLineToTheHelp() {
        CliRun r = CliRun.run("validate", "--bogus", VALID);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("vision-jsonl: Unknown option: '--bogus'\n"
                + "Run 'vision-jsonl validate --help' for the options.\n");

        assertThat(CliRun.run("generate", "--records", "3", "--invalid-rate", "2", "-o", "x.jsonl").err())
                .isEqualTo("vision-jsonl: --invalid-rate must be in [0, 1], was 2.0\n"
                        + "Run 'vision-jsonl generate --help' for the options.\n");
        assertThat(CliRun.run("predictions", "to-labels", "--task", "detection").err())
                .endsWith("Run 'vision-jsonl predictions to-labels --help' for the options.\n").doesNotContain("Usage:");
        CliRun typo = CliRun.run("valdate", VALID);
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: vision-jsonl validate").doesNotContain("Usage:");
    }

    @Test
    void noCommandListsTheCommands() {
        CliRun r = CliRun.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("vision-jsonl: 'vision-jsonl' needs a command, one of:\n")
                .contains("  validate ", "  generate ", "  convert ", "  fix ", "  predictions ", "  evaluate ", "  help ")
                .endsWith("Run 'vision-jsonl COMMAND --help' for the options of one.\n")
                .doesNotContain("Usage:", "--version");

        CliRun predictions = CliRun.run("predictions");
        assertThat(predictions.exit()).isEqualTo(2);
        assertThat(predictions.err()).startsWith("vision-jsonl: 'vision-jsonl predictions' needs a command, one of:\n")
                .contains("  validate ", "  to-labels ").doesNotContain("Usage:");
    }

    @Test
    void helpTakesTheWholePathOfACommand() {
        CliRun r = CliRun.run("help", "predictions", "to-labels");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: vision-jsonl predictions to-labels ").contains("--min-score");
        assertThat(CliRun.run("help", "validate").out()).startsWith("Usage: vision-jsonl validate ");
        assertThat(CliRun.run("help").out()).startsWith("Usage: vision-jsonl ");
        assertThat(CliRun.run("help", "--help").out()).startsWith("Usage: vision-jsonl help ");
        CliRun unknown = CliRun.run("help", "predictions", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("vision-jsonl: 'vision-jsonl predictions' has no command 'nope'; "
                + "its commands: validate, to-labels\n");
    }

    @Test
    void theHelpNeverBreaksAWordAUserMightCopy() {
        for (CommandSpec spec : commands()) {
            String help = help(spec);
            Set<String> words = new LinkedHashSet<>(Arrays.asList(help.split("\\s+")));
            List<String> expected = new ArrayList<>();
            for (String line : spec.usageMessage().description()) {
                expected.addAll(Arrays.asList(line.split(" +")));
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                for (String line : a.renderedDescription()) {
                    expected.addAll(Arrays.asList(line.split(" +")));
                }
            }
            expected.removeIf(String::isEmpty);
            assertThat(words).as(spec.qualifiedName()).containsAll(expected);
            for (String line : help.split("\n")) {
                assertThat(line.length() <= HelpLayout.WIDTH || !line.strip().contains(" "))
                        .as(spec.qualifiedName() + ": " + line).isTrue();
            }
        }
        assertThat(CliRun.run("convert", "--help").out()).contains("AmlDatastore://workspaceblobstore/fridge/images/",
                "docs/converters.md");
        assertThat(CliRun.run("--help").out()).doesNotContain("docs/converters.\n");
    }

    @Test
    void everyCommandListsTheExitCodesOfTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Command line");
        Matcher row = Pattern.compile("(?m)^\\| (\\d) \\| ").matcher(readme.substring(section, readme.indexOf("\n## ", section + 1)));
        Set<String> documented = new LinkedHashSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactly("0", "1", "2", "3");
        for (CommandSpec spec : commands()) {
            Set<String> codes = exitCodes(help(spec));
            assertThat(documented).as(spec.qualifiedName()).containsAll(codes);
            if (!spec.usageMessage().exitCodeList().isEmpty()) {
                assertThat(codes).as(spec.qualifiedName()).contains("0", "2", "3");
                assertThat(help(spec)).as(spec.qualifiedName())
                        .contains("\n  3   internal error (a bug: please report it with the command and the input)\n");
            }
        }
        assertThat(exitCodes(CliRun.run("--help").out())).containsExactly("0", "1", "2", "3");
    }

    @Test
    void theReadmeSampleIsWhatValidatePrints() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\n", readme.indexOf("such line with its line")) + 4;
        String sample = readme.substring(start, readme.indexOf("```", start));
        assertThat(CliRun.run("validate", "samples/invalid/coordinate-range.jsonl").out()).isEqualTo(sample);
    }

    /** Every command, from the model picocli reads off the annotations. */
    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(new CommandLine(new VisionJsonl(InputStream.nullInputStream())).getCommandSpec(), all);
        return all;
    }

    /** The codes of a help's Exit codes section. */
    private static Set<String> exitCodes(String help) {
        Set<String> codes = new LinkedHashSet<>();
        int section = help.indexOf("Exit codes:\n");
        if (section >= 0) {
            Matcher m = Pattern.compile("(?m)^  (\\d)   ").matcher(help.substring(section));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> all) {
        all.add(spec);
        spec.subcommands().values().forEach(c -> collect(c.getCommandSpec(), all));
    }

    private static String help(CommandSpec spec) {
        List<String> path = new ArrayList<>(Arrays.asList(spec.qualifiedName().split(" ")));
        path.remove(0);
        path.add("--help");
        return CliRun.run(path.toArray(String[]::new)).out();
    }
}
