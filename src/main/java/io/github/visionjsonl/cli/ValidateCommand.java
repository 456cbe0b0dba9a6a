package io.github.visionjsonl.cli;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.LineSplit;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.html.HtmlReport;
import io.github.visionjsonl.mltable.MLTableReport;
import io.github.visionjsonl.mltable.MLTableValidation;
import io.github.visionjsonl.reading.Progress;
import io.github.visionjsonl.report.Baseline;
import io.github.visionjsonl.report.BaselinedReport;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.TextReport;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vision-jsonl validate}: checks files and prints the findings. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Validates AutoML-for-Images JSONL files, line by line, and prints every finding as "
                + "FILE:LINE:COL: SEVERITY[CODE]: MESSAGE, then a summary per file.",
            "Plain and gzip-compressed files are read; '-' reads standard input. "
                + "Rule codes and what they mean: docs/rules.md.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail-on severity",
            "1:a finding at or above the fail-on severity",
            "2:usage error, or an input that cannot be read",
            VisionJsonl.INTERNAL_ERROR})
class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    /**
     * A report as shown (its new findings with --baseline, at most --max-findings), with its role
     * in a pair ({@code null} for a single file), what a baseline made of it ({@code null} without
     * one), and the report as found, for --write-baseline.
     */
    record Entry(ValidationReport report, String role, BaselinedReport baselined, ValidationReport found) {
    }

    /** An MLTable's own verdict (its files follow as entries). */
    record MLTableEntry(MLTableReport report) {
    }

    /** A file that could not be read. */
    record Failure(String file, String reason) {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    VisionJsonl parent;

    /** The baseline read from --baseline, or null. */
    Baseline baseline;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (task, rules, thresholds, max-findings, fail-on, images, threads). "
                    + "Default: vision-jsonl.yaml, .yml or .json in the current folder or a parent, up to the "
                    + "repository's root. Options given here override it.")
    Path configFile;

    @Option(names = "--no-config", description = "Reads no configuration file.")
    boolean noConfig;

    @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.Listing.class,
            description = "The task of the files: image-classification, image-classification-multilabel, "
                    + "image-object-detection or image-instance-segmentation (or classification, multilabel, "
                    + "detection, segmentation). Default: detected from the first record whose label shows it.")
    Task task;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. "
                    + "json prints one object per file, an array for several files; "
                    + "sarif prints one SARIF 2.1.0 log for code scanning.")
    Format format;

    @Option(names = "--sarif-root", paramLabel = "DIR",
            description = "With --format sarif: the folder the files are named relative to (the checkout). "
                    + "Default: the current folder.")
    Path sarifRoot;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "1000",
            description = "How many findings to keep and print per file; all are still counted. Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Option(names = "--max-per-rule", paramLabel = "N", defaultValue = "10",
            description = "Text output: how many findings of one rule to print per file, then a count of the rest; "
                    + "0 prints every kept finding. Default: ${DEFAULT-VALUE}.")
    int maxPerRule;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings of this baseline (written by --write-baseline) are reported as baselined: counted, "
                    + "listed in JSON, not printed in text, never failing the run; only new findings count.")
    Path baselineFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Writes every finding (up to 1,000,000 a file) to FILE, a new file, as a baseline for --baseline.")
    Path writeBaseline;

    @Option(names = "--rule", paramLabel = "CODE=SEVERITY",
            description = "Changes a rule's severity (error, warning, info) or turns it off (off). "
                    + "Repeatable, e.g. --rule unknown-field=error --rule blank-line=off.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit with 1 when a finding is at least this severe: error, warning or info. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--fail-fast", description = "Stop reading a file at its first line with an error.")
    boolean failFast;

    @Option(names = "--max-line-length", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Longest line read; longer lines are reported and skipped. Default: ${DEFAULT-VALUE} (16 MiB).")
    int maxLineLength;

    @Option(names = "--train", paramLabel = "FILE",
            description = "A training file to validate together with --validation: both are checked, and the "
                    + "validation file also against it (same images, unseen and missing classes).")
    String train;

    @Option(names = "--validation", paramLabel = "FILE", description = "The validation file of --train.")
    String validation;

    @Option(names = "--images-root", paramLabel = "DIR",
            description = "Checks the image files too, with DIR standing for the datastore: AmlDatastore://ds/a.jpg "
                    + "and azureml://.../datastores/ds/paths/a.jpg are DIR/a.jpg, a bare path a.jpg is DIR/a.jpg.")
    Path imagesRoot;

    @Option(names = "--datastore-root", paramLabel = "NAME=DIR",
            description = "A folder for one datastore's images instead of --images-root. Repeatable.")
    List<String> datastoreRoots = new ArrayList<>();

    @Option(names = "--decode", description = "With --images-root: decode every image fully, not only its header (slower).")
    boolean decode;

    @Option(names = "--image-content",
            description = "With --images-root: look inside the images (decodes them): the same bytes under two names, "
                    + "near-duplicates (also across --train and --validation), blank, dark, bright, low-contrast, blurry, "
                    + "grey and oddly shaped images.")
    boolean imageContent;

    @Option(names = "--near-duplicate-distance", paramLabel = "BITS",
            description = "With --image-content: perceptual hashes at most BITS of 64 apart are near-duplicates (0 to 16). "
                    + "Default: 6.")
    Integer nearDuplicateDistance;

    @Option(names = "--image-threshold", paramLabel = "NAME=VALUE",
            description = "With --image-content: one threshold of the image-content rules: dark, bright, low-contrast, "
                    + "blurry, blank, grayscale, odd-aspect (defaults and reasons: docs/rules.md). Repeatable.")
    List<String> imageThresholds = new ArrayList<>();

    @Option(names = "--image-threads", paramLabel = "N",
            description = "With --images-root: images read at once. Default: the count of cores.")
    Integer imageThreads;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads that parse and check lines (the order of lines and findings does not change). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--few-samples", paramLabel = "N", defaultValue = "5",
            description = "A class with fewer images is a few-samples warning. Default: ${DEFAULT-VALUE}.")
    int fewSamples;

    @Option(names = "--imbalance-ratio", paramLabel = "R", defaultValue = "50",
            description = "Largest to smallest class (in images) above which class-imbalance is reported. Default: ${DEFAULT-VALUE}.")
    double imbalanceRatio;

    @Option(names = "--duplicate-box-iou", paramLabel = "IOU", defaultValue = "0.95",
            description = "Same-class boxes of one image overlapping above this IoU are a duplicate-box. Default: ${DEFAULT-VALUE}.")
    double duplicateBoxIou;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also writes the HTML report (verdicts, rules, charts, with --images-root a gallery) to FILE, "
                    + "a new file; the same as 'vision-jsonl report -o FILE'.")
    Path html;

    @Option(names = "--gallery", paramLabel = "N", defaultValue = "100",
            description = "With --html: at most N thumbnails in the gallery. Default: ${DEFAULT-VALUE}.")
    int gallery;

    @Option(names = "--rules-url", paramLabel = "URL", defaultValue = "docs/rules.md",
            description = "With --html: where the page links each rule to (URL#code). Default: ${DEFAULT-VALUE}.")
    String rulesUrl;

    @Option(names = "--max-dropped", paramLabel = "PERCENT",
            description = "Exit with 1 when training would drop more than this share of the boxes, polygons or "
                    + "(classification) images, whatever the severities of the rules that drop them.")
    Double maxDropped;

    @Option(names = "--accepted", paramLabel = "OUT.jsonl",
            description = "Writes every line without an error to this new file, byte for byte (one FILE only).")
    Path acceptedOut;

    @Option(names = "--rejected", paramLabel = "OUT.jsonl",
            description = "Writes every line with an error to this new file, as {\"line\": N, \"findings\": [...], "
                    + "\"text\": \"...\"} (one FILE only).")
    Path rejectedOut;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "JSONL files (.jsonl or .jsonl.gz), - for standard input, "
            + "or an MLTable (the file named MLTable, or its folder): the MLTable is checked, then every JSONL it names.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((train == null) != (validation == null)) {
            throw usage("--train and --validation go together");
        }
        if (files.isEmpty() && train == null) {
            throw usage("nothing to validate: give FILE... or --train FILE --validation FILE");
        }
        if ((acceptedOut != null || rejectedOut != null) && (files.size() != 1 || train != null || files.get(0).equals("-")
                || MLTableValidation.isMLTable(Path.of(files.get(0))))) {
            throw usage("--accepted and --rejected take exactly one JSONL FILE (not standard input, an MLTable or --train)");
        }
        if (sarifRoot != null && format != Format.sarif) {
            throw usage("--sarif-root goes with --format sarif");
        }
        Integer configError = ConfigOptions.apply(this, err);
        if (configError != null) {
            return configError;
        }
        if (baselineFile != null) {
            try {
                baseline = Baseline.read(baselineFile);
            } catch (IOException | RuntimeException e) {
                err.println("vision-jsonl: cannot read baseline " + baselineFile + ": " + reason(baselineFile.toString(), e));
                err.flush();
                return VisionJsonl.USAGE;
            }
        }
        if (writeBaseline != null && Files.exists(writeBaseline)) {
            err.println("vision-jsonl: --write-baseline: " + writeBaseline + " exists; refusing to overwrite it");
            err.flush();
            return VisionJsonl.USAGE;
        }
        DatasetValidator validator = ValidatorOptions.build(this);
        if (parent.engine != null) {
            Optional<String> refused = parent.engine.refusal(validator);
            if (refused.isPresent()) {
                throw usage(refused.get() + " (set by the options or the configuration file)");
            }
        }
        Severity threshold = ValidatorOptions.parse(this, () -> Severity.parse(failOn), "--fail-on");
        boolean showProgress = format == Format.text && System.console() != null;
        List<Object> results = new ArrayList<>();
        int exit = VisionJsonl.OK;
        if (html != null) {
            exit = withPage(validator, threshold, out, err, results);
            if (format == Format.json) {
                ValidationOutput.writeJson(out, results);
            }
            return exit;
        }
        for (String file : files) {
            try {
                ValidationReport report;
                if (!file.equals("-") && MLTableValidation.isMLTable(Path.of(file))) {
                    exit = Math.max(exit, mltable(validator.validateMLTable(Path.of(file)), threshold, out, results));
                    continue;
                }
                if (file.equals("-")) {
                    report = showProgress ? validator.validate(parent.stdin, "-", -1, p -> progress(err, file, p))
                            : validator.validate(parent.stdin, "-");
                } else if (parent.engine != null) {
                    report = parent.engine.validate(validator, file);
                } else if (acceptedOut != null || rejectedOut != null) {
                    report = validateSplit(validator, file, err);
                    if (report == null) {
                        return VisionJsonl.USAGE;
                    }
                } else if (showProgress) {
                    report = validator.validate(Path.of(file), p -> progress(err, file, p));
                } else {
                    report = validator.validate(Path.of(file));
                }
                if (showProgress) {
                    err.print("\r\033[K");
                    err.flush();
                }
                exit = Math.max(exit, verdict(report, threshold, out, results, null));
            } catch (IOException | InvalidPathException e) {
                exit = unreadable(file, e, err, results);
            } catch (OutOfMemoryError e) {
                exit = outOfMemory(file, err, results);
            }
        }
        if (train != null && parent.engine != null) {
            try {
                PairReport pair = parent.engine.validatePair(validator, train, validation);
                exit = Math.max(exit, verdict(pair.training(), threshold, out, results, "training"));
                exit = Math.max(exit, verdict(pair.validation(), threshold, out, results, "validation"));
            } catch (IOException e) {
                String named = e instanceof FileSystemException fs ? fs.getFile() : null;
                exit = unreadable(named != null ? named : train, e, err, results);
            }
        } else if (train != null) {
            WatchedInput[] streams = new WatchedInput[2];
            try {
                streams[0] = WatchedInput.open(train);
                streams[1] = WatchedInput.open(validation);
                PairReport pair = validator.validatePair(streams[0], train, streams[1], validation);
                exit = Math.max(exit, verdict(pair.training(), threshold, out, results, "training"));
                exit = Math.max(exit, verdict(pair.validation(), threshold, out, results, "validation"));
            } catch (IOException | InvalidPathException e) {
                String which = streams[0] == null ? train : streams[1] == null || streams[1].started ? validation : train;
                exit = unreadable(which, e, err, results);
            } catch (OutOfMemoryError e) {
                exit = outOfMemory(train, err, results);
            } finally {
                WatchedInput.close(streams);
            }
        }
        if (writeBaseline != null) {
            exit = Math.max(exit, ValidationOutput.writeBaseline(results, writeBaseline, err));
        }
        if (format == Format.text && results.size() > 1) {
            out.println(RunTotal.of(results));
            out.flush();
        }
        if (format == Format.json) {
            ValidationOutput.writeJson(out, results);
        } else if (format == Format.sarif) {
            ValidationOutput.writeSarif(out, results, sarifRoot);
        }
        return exit;
    }

    /** Validates the files (or the pair) once, writing the page from the same pass; prints as usual. */
    private int withPage(DatasetValidator validator, Severity threshold, PrintWriter out, PrintWriter err,
            List<Object> results) {
        if (files.contains("-")) {
            throw usage("the HTML report reads files, not standard input ('-')");
        }
        if (gallery < 0) {
            throw usage("--gallery must be >= 0, was " + gallery);
        }
        if (Files.exists(html, LinkOption.NOFOLLOW_LINKS)) {
            err.println("vision-jsonl: " + html + " exists; refusing to overwrite it");
            return VisionJsonl.USAGE;
        }
        HtmlReport.Builder page = HtmlReport.builder(validator).gallery(gallery).rulesUrl(rulesUrl);
        if (imagesRoot != null) {
            page.images(ValidatorOptions.imageOptions(this));
        }
        int exit = VisionJsonl.OK;
        String reading = train != null && files.isEmpty() ? train : String.join(", ", files);
        try {
            if (train != null && files.isEmpty()) {
                PairReport pair = page.build().writePair(Path.of(train), Path.of(validation), html);
                exit = Math.max(exit, verdict(pair.training(), threshold, out, results, "training"));
                exit = Math.max(exit, verdict(pair.validation(), threshold, out, results, "validation"));
            } else if (train == null) {
                for (ValidationReport report : page.build().write(files.stream().map(Path::of).toList(), html)) {
                    exit = Math.max(exit, verdict(report, threshold, out, results, null));
                }
            } else {
                throw usage("the HTML report is of FILE... or of --train and --validation, not both at once");
            }
        } catch (IOException e) {
            return ErrorMessages.isAbout(e, html) ? ErrorMessages.print(err, e, reading, html) : unreadable(reading, e, err, results);
        } catch (InvalidPathException e) {
            return unreadable(reading, e, err, results);
        } catch (OutOfMemoryError e) {
            return outOfMemory(reading, err, results);
        }
        if (format == Format.text) {
            err.println("vision-jsonl: wrote " + html);
            err.flush();
        }
        return exit;
    }

    private int verdict(ValidationReport found, Severity threshold, PrintWriter out, List<Object> results, String role) {
        BaselinedReport baselined = baseline == null ? null : baseline.apply(found, maxFindings);
        ValidationReport report = baselined != null ? baselined.report() : atMost(found, maxFindings);
        results.add(new Entry(report, role, baselined, found));
        if (format == Format.text) {
            out.print(TextReport.format(report, maxPerRule));
            if (baselined != null) {
                out.println("  " + baselined.baselined().size() + " baselined " + (baselined.baselined().size() == 1
                        ? "finding" : "findings") + " not shown, " + baselined.fixed() + " fixed since the baseline (--baseline)");
            }
            out.flush();
        }
        return report.hasFindingsAtLeast(threshold) || report.runtime().exceedsMaxDropped()
                ? VisionJsonl.FINDINGS : VisionJsonl.OK;
    }

    /** Prints an MLTable's findings and each of its files' reports; the exit code they make. */
    private int mltable(MLTableReport report, Severity threshold, PrintWriter out, List<Object> results) {
        results.add(new MLTableEntry(report));
        if (format == Format.text) {
            out.print(report.format());
            out.flush();
        }
        int exit = report.findings().stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0)
                ? VisionJsonl.FINDINGS : VisionJsonl.OK;
        for (ValidationReport file : report.files()) {
            exit = Math.max(exit, verdict(file, threshold, out, results, null));
        }
        return exit;
    }

    /** Validates one file into the accepted and rejected outputs; null when an output exists or cannot be written. */
    private ValidationReport validateSplit(DatasetValidator validator, String file, PrintWriter err) throws IOException {
        try {
            return validator.validate(Path.of(file), new LineSplit(acceptedOut, rejectedOut));
        } catch (IOException e) {
            if (!ErrorMessages.isAbout(e, acceptedOut, rejectedOut)) {
                throw e;
            }
            ErrorMessages.print(err, e, file, acceptedOut, rejectedOut);
            return null;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The report with its first {@code max} findings, when more were kept for a baseline. */
    private static ValidationReport atMost(ValidationReport r, int max) {
        if (r.findings().size() <= max) {
            return r;
        }
        return r.withFindings(r.findings().subList(0, max));
    }

    private static int unreadable(String file, Exception e, PrintWriter err, List<Object> results) {
        String reason = reason(file, e);
        err.println("vision-jsonl: cannot read " + file + ": " + reason);
        err.flush();
        results.add(new Failure(file, reason));
        return VisionJsonl.USAGE;
    }

    private static int outOfMemory(String file, PrintWriter err, List<Object> results) {
        String reason = "out of memory: duplicate-image-url and conflicting-labels keep about 19 bytes per image; "
                + "give Java more heap (VISION_JSONL_JAVA_OPTS=-Xmx1g) or turn them off (--rule duplicate-image-url=off "
                + "--rule conflicting-labels=off) for memory that does not grow with the file";
        err.println("vision-jsonl: cannot validate " + file + ": " + reason);
        err.flush();
        results.add(new Failure(file, reason));
        return VisionJsonl.USAGE;
    }

    private static void progress(PrintWriter err, String file, Progress p) {
        err.print("\r\033[K" + progressLine(file, p));
        err.flush();
    }

    /** How far the run has come: the share of the file, or the bytes read when the size is unknown (a pipe). */
    static String progressLine(String file, Progress p) {
        String done = p.percent() >= 0 ? String.format(Locale.ROOT, "%5.1f%%", p.percent())
                : String.format(Locale.ROOT, "%,.1f MB read,", p.bytesRead() / 1e6);
        return String.format(Locale.ROOT, "%s: %s %,d records, %,.0f records/s", file, done, p.records(), p.recordsPerSecond());
    }

    static String reason(String file, Exception e) {
        return e instanceof IOException io ? ErrorMessages.readReason(io, file) : "not a valid file name: " + e.getMessage();
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
