package io.github.visionjsonl.spi;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.dataset.CrossLines;
import io.github.visionjsonl.internal.engine.PartRuns;
import io.github.visionjsonl.internal.engine.ValidationRun;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.reading.internal.LineSource;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Validating one dataset in parts: deciding its task, reading a part, putting the parts' results
 * together into the report the core gives for the whole dataset. Thread-safe (no state).
 *
 * <p>A dataset is its lines in order; a part is a run of consecutive whole lines, given as a
 * stream of their bytes and the count of lines before them. The caller: decides the task from
 * the dataset's start ({@link #detectTask}); reads every part gathering its facts
 * ({@link #read} without knowledge); brings the images' facts together by fingerprint (the first
 * line of a fingerprint is its image's first, every later line repeats it) and runs
 * {@link #datastoreStarts} over the parts' sightings; reads again, knowing the lines before
 * them, the parts with repeating lines or a datastore start that reports; and assembles the last
 * result of each part, in order ({@link #assemble}).
 */
public final class Parts {

    private Parts() {
    }

    /**
     * Decides the task as a whole run does: the first record whose label tells it, after any
     * number of {@code label: []} lines. Reads no further than that line.
     *
     * @param datasetStart the dataset's bytes from its start (the caller closes it)
     */
    public static TaskStart detectTask(EngineSettings settings, InputStream datasetStart) throws IOException {
        ValidatorConfig config = settings.config();
        if (config.task() != null) {
            return new TaskStart(config.task(), 0);
        }
        LineSource lines = new LineSource(datasetStart, config.maxLineLength(), 0, true);
        try (ValidationRun run = PartRuns.part(config, lines, "-", null, 0, false, nothingKnown(), null)) {
            Task task = run.readUntilTask();
            return new TaskStart(task, task == null ? 0 : run.taskLine());
        }
    }

    /**
     * Reads one part with the core's per-line engine.
     *
     * @param part the part's bytes: whole lines, the last one with or without its newline (closed here)
     * @param source the dataset's name, as the report will give it
     * @param linesBefore the count of the dataset's lines before the part; 0 for the first part,
     *     whose task is detected as a whole run detects it
     * @param startOfInput whether the bytes start a file (gzip and a byte order mark are then recognized)
     * @param task the dataset's task ({@link #detectTask}); not used for the first part
     * @param knowledge what the lines before the part held, or {@code null} to gather the part's facts
     * @param everyFinding told every finding of the part's lines (formatted), or {@code null}
     * @param training for a part of a validation file, its training file (whose images the
     *     knowledge tells), else null
     */
    public static PartResult read(EngineSettings settings, InputStream part, String source, long linesBefore,
            boolean startOfInput, TaskStart task, PartKnowledge knowledge, Consumer<Finding> everyFinding,
            Training training) throws IOException {
        ValidatorConfig config = settings.config();
        CrossLines cross = knowledge == null ? CrossLines.gathering() : knowledge.cross();
        LineSource lines = new LineSource(part, config.maxLineLength(), linesBefore, startOfInput);
        boolean first = linesBefore == 0;
        try (ValidationRun run = PartRuns.part(config, lines, source, first ? null : task.task(),
                first ? 0 : task.line(), everyFinding != null, cross, training == null ? null : training.side())) {
            if (everyFinding == null) {
                run.runToEnd();
            } else {
                ValidatedLine line;
                while ((line = run.next()) != null) {
                    for (Finding f : line.findings()) {
                        everyFinding.accept(f);
                    }
                }
            }
            int n = cross.imageCount();
            long[] fingerprints = new long[n];
            long[] imageLines = new long[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                fingerprints[i] = cross.fingerprint(i);
                imageLines[i] = cross.line(i);
                labels[i] = cross.labelHash(i);
            }
            return new PartResult(new PartShare(run.partial()), fingerprints, imageLines, labels,
                    new DatastoreSightings(cross.sightings()), cross.unseenNames());
        }
    }

    /**
     * Runs the mixed-datastores check over every part's sightings, in the dataset's order: for
     * each part, where the check stands at its start and whether it reports in the part (the
     * part is then read again, knowing it).
     */
    public static List<DatastoreStart> datastoreStarts(EngineSettings settings, List<DatastoreSightings> sightings) {
        return CrossLines.datastoreStarts(settings.config(), sightings.stream().map(s -> s.sightings).toList())
                .stream().map(DatastoreStart::new).toList();
    }

    /**
     * The report on the whole dataset from its parts' results, in the dataset's order: what a
     * run over the whole dataset on one machine gives, with the checks of the whole file made here.
     */
    public static ValidationReport assemble(EngineSettings settings, String source, TaskStart task,
            Iterable<PartShare> parts, Training training) throws IOException {
        ValidationRun run = PartRuns.assembly(settings.config(), source, task.task(), task.line(),
                settings.maxDroppedPercent(), training == null ? null : training.side());
        for (PartShare p : parts) {
            run.absorb(p.partial);
        }
        return run.assemble();
    }

    /**
     * Every finding of the checks of the whole file (class balance, few samples, case variants,
     * no objects, mixed label types, an empty dataset), also those the report has no room for.
     */
    public static List<Finding> wholeFileFindings(EngineSettings settings, String source, TaskStart task,
            Iterable<PartShare> parts, Training training) throws IOException {
        EngineSettings all = new EngineSettings(settings.task(), settings.severities(), settings.disabled(),
                Integer.MAX_VALUE, settings.failFast(), settings.maxLineLength(), settings.fewSamples(),
                settings.imbalanceRatio(), settings.duplicateBoxIou(), settings.images(), settings.maxDroppedPercent());
        ValidationRun run = PartRuns.assembly(all.config(), source, task.task(), task.line(),
                settings.maxDroppedPercent(), training == null ? null : training.side());
        for (PartShare p : parts) {
            run.absorb(p.partial.withoutKeptFindings());
        }
        return run.assemble().findings();
    }

    private static CrossLines nothingKnown() {
        return CrossLines.knowing(new long[0], new long[0], new int[0], null);
    }
}
