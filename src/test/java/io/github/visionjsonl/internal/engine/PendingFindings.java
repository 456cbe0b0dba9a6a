package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.internal.findings.PendingFinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A line's pending findings as text, everything a reader decided about them, for comparing readers. */
final class PendingFindings {

    private PendingFindings() {
    }

    static List<String> describe(List<PendingFinding> findings) {
        List<String> out = new ArrayList<>();
        if (findings != null) {
            for (PendingFinding f : findings) {
                out.add(f.rule() + " " + f.severity() + " " + f.pointer() + " col " + f.column() + " " + f.messageKey()
                        + " " + Arrays.deepToString(f.params()));
            }
        }
        return out;
    }
}
