package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.LineVerdicts;
import java.util.Arrays;
import java.util.List;

/**
 * Where each concluded line goes: counted as accepted, rejected or blank, and written to the
 * split outputs when there are any. Lines held back until the task is known keep a copy of their
 * bytes for the outputs, within a budget. Not thread-safe; one per run.
 */
final class LineOutcomes {

    /** Bytes of held-back lines kept for the outputs; beyond it the run judges them early. */
    private static final long HELD_BYTES_BUDGET = 8L << 20;

    private final LineSplitWriter split;
    private long accepted;
    private long rejected;
    private long blank;
    private long heldBytes;

    /** @param split the outputs, or null to count only */
    LineOutcomes(LineSplitWriter split) {
        this.split = split;
    }

    /** The bytes a held-back line keeps for the outputs: a copy, or null when nothing is written. */
    byte[] hold(LineResult r) {
        if (split == null) {
            return null;
        }
        heldBytes += r.length;
        return Arrays.copyOfRange(r.buf, r.start, r.start + r.length);
    }

    /** Whether the held-back lines' bytes are over the budget. */
    boolean overBudget() {
        return heldBytes > HELD_BYTES_BUDGET;
    }

    /** The current line's verdict. */
    void current(long line, boolean error, List<Finding> findings, LineResult r) {
        if (r.kind == LineResult.Kind.BLANK) {
            blank++;
            return;
        }
        count(error);
        if (split != null) {
            split.write(line, error, findings, r);
        }
    }

    /** A held-back line's verdict, with the bytes {@link #hold} kept. */
    void held(long line, boolean error, List<Finding> findings, byte[] bytes) {
        count(error);
        if (split != null) {
            heldBytes -= bytes.length;
            split.write(line, error, findings, bytes);
        }
    }

    private void count(boolean error) {
        if (error) {
            rejected++;
        } else {
            accepted++;
        }
    }

    /** An accepted line whose image, checked on the pool, has an error (only when nothing is written). */
    void imageRejected() {
        accepted--;
        rejected++;
    }

    /** Adds the verdicts of a part of the input read on another machine. */
    void add(LineVerdicts other) {
        accepted += other.accepted();
        rejected += other.rejected();
        blank += other.blank();
    }

    LineVerdicts verdicts() {
        return new LineVerdicts(accepted, rejected, blank);
    }
}
