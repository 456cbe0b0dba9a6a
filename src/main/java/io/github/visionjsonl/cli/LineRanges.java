package io.github.visionjsonl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;

/** A list of line numbers and ranges as users write it: {@code 3,7-9}. */
final class LineRanges {

    private LineRanges() {
    }

    /** The lines of {@code text}; {@code usage} makes the error for a malformed list. */
    static LongPredicate parse(String text, Function<String, RuntimeException> usage) {
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                long from = Long.parseLong(dash < 0 ? p : p.substring(0, dash).strip());
                long to = dash < 0 ? from : Long.parseLong(p.substring(dash + 1).strip());
                if (from < 1 || to < from) {
                    throw usage.apply("--lines: '" + p + "' is not a line or a range of lines (1-based, e.g. 3,7-9)");
                }
                ranges.add(new long[] {from, to});
            } catch (NumberFormatException e) {
                throw usage.apply("--lines: '" + p + "' is not a line or a range of lines (1-based, e.g. 3,7-9)");
            }
        }
        return line -> {
            for (long[] r : ranges) {
                if (line >= r[0] && line <= r[1]) {
                    return true;
                }
            }
            return false;
        };
    }
}
