package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.dataset.CrossLines;
import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.reading.internal.LineSource;
import java.io.IOException;

/**
 * The runs of an input read in parts on several machines ({@code spi}): a run over one part,
 * and the run that assembles the parts' results into the input's report.
 */
public final class PartRuns {

    private PartRuns() {
    }

    /**
     * A run over one part: its first line is the line after {@code lines}' start, the task is
     * the input's ({@code null} while unknown: then it is detected here, as in a whole run), and
     * the checks across lines go through {@code cross}. What only the whole input shows is left
     * to the {@link #assembly}.
     *
     * @param taskLine the line the task was detected from (for messages), 0 when given
     * @param training for a part of a validation file, its training file (its images are told
     *     through {@code cross}), else null
     */
    public static ValidationRun part(ValidatorConfig config, LineSource lines, String source, Task task, long taskLine,
            boolean yieldLines, CrossLines cross, DatasetChecks.TrainingSide training) throws IOException {
        ValidationRun run = new ValidationRun(config, lines, source, yieldLines, training, false, null, cross);
        run.takeTask(task, taskLine);
        return run;
    }

    /**
     * A run that reads no line: it absorbs the {@link Partial}s of an input's parts, in order,
     * then makes the checks of the whole file and the report ({@link ValidationRun#assemble()}).
     */
    public static ValidationRun assembly(ValidatorConfig config, String source, Task task, long taskLine,
            double maxDroppedPercent, DatasetChecks.TrainingSide training) throws IOException {
        ValidationRun run = new ValidationRun(config, null, source, false, training, false, null, CrossLines.assembly());
        run.takeTask(task, taskLine);
        run.maxDropped(maxDroppedPercent);
        return run;
    }
}
