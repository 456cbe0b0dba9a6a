package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.internal.dataset.DatasetChecks;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.findings.LineResult;
import java.util.function.Supplier;

/** The line a run is merging, as the checks across lines see it: its number, columns and list positions. */
final class MergedLine implements DatasetChecks.Line {

    private final FindingCollector findings;
    private final Supplier<LineResult> current;

    MergedLine(FindingCollector findings, Supplier<LineResult> current) {
        this.findings = findings;
        this.current = current;
    }

    @Override
    public long number() {
        return findings.line();
    }

    @Override
    public int column(String pointer) {
        return findings.columnOf(pointer);
    }

    @Override
    public int jsonIndex(int recordIndex) {
        return current.get().jsonIndex(recordIndex);
    }
}
