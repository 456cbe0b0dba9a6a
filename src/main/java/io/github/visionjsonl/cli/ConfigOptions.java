package io.github.visionjsonl.cli;

import io.github.visionjsonl.config.ConfigException;
import io.github.visionjsonl.config.ConfigFile;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The configuration file of {@code validate}: found or given, read, and taken for the options not given. */
final class ConfigOptions {

    private ConfigOptions() {
    }

    /**
     * Reads the configuration file (given, or found from the current folder) and gives the
     * options not given on the command line its values; rules it names come before --rule ones.
     *
     * @return null to go on, or the exit code after a one-line error
     */
    static Integer apply(ValidateCommand c, PrintWriter err) {
        if (c.noConfig && c.configFile != null) {
            throw c.usage("--config and --no-config exclude each other");
        }
        Path file = c.noConfig ? null : c.configFile != null ? c.configFile : ConfigFile.find(Path.of("")).orElse(null);
        if (file == null) {
            return null;
        }
        ConfigFile config;
        try {
            config = ConfigFile.read(file);
        } catch (ConfigException e) {
            err.println("vision-jsonl: " + e.getMessage());
            err.flush();
            return VisionJsonl.USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("vision-jsonl: cannot read config " + file + ": " + ValidateCommand.reason(file.toString(), e));
            err.flush();
            return VisionJsonl.USAGE;
        }
        CommandLine.ParseResult given = c.spec.commandLine().getParseResult();
        if (c.task == null) {
            c.task = config.task().orElse(null);
        }
        List<String> configured = new ArrayList<>();
        config.severities().forEach((rule, severity) -> configured.add(rule.code() + "=" + severity.label()));
        config.disabled().forEach(rule -> configured.add(rule.code() + "=off"));
        c.rules.addAll(0, configured);
        if (!given.hasMatchedOption("--max-findings")) {
            c.maxFindings = config.maxFindings().orElse(c.maxFindings);
        }
        if (!given.hasMatchedOption("--fail-on")) {
            c.failOn = config.failOn().map(Severity::label).orElse(c.failOn);
        }
        if (!given.hasMatchedOption("--threads")) {
            c.threads = config.threads().orElse(c.threads);
        }
        if (!given.hasMatchedOption("--few-samples")) {
            c.fewSamples = config.fewSamples().orElse(c.fewSamples);
        }
        if (!given.hasMatchedOption("--imbalance-ratio")) {
            c.imbalanceRatio = config.imbalanceRatio().orElse(c.imbalanceRatio);
        }
        if (!given.hasMatchedOption("--duplicate-box-iou")) {
            c.duplicateBoxIou = config.duplicateBoxIou().orElse(c.duplicateBoxIou);
        }
        if (c.imagesRoot == null && config.imagesRoot().isPresent()) {
            c.imagesRoot = config.imagesRoot().get();
            List<String> roots = new ArrayList<>();
            config.datastoreRoots().forEach((name, dir) -> roots.add(name + "=" + dir));
            c.datastoreRoots.addAll(0, roots);
            c.decode |= config.decode();
        }
        return null;
    }
}
