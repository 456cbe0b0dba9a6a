package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.reading.internal.FindingSink;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.Arrays;

/**
 * Holds back what a reader reports about a line until it is known whether the reader's verdict
 * stands: kept, the findings go on in the order they were made; forgotten, they never were.
 * Reused from line to line: a line without findings costs nothing here.
 */
final class FindingBuffer implements FindingSink {

    private RuleCode[] rules = new RuleCode[8];
    private Severity[] suggested = new Severity[8];
    private String[] pointers = new String[8];
    private int[] columns = new int[8];
    private String[] keys = new String[8];
    private Object[][] params = new Object[8][];
    private int size;

    @Override
    public void report(RuleCode rule, Severity severity, String pointer, int column, String messageKey,
            Object... parameters) {
        if (size == rules.length) {
            int n = size * 2;
            rules = Arrays.copyOf(rules, n);
            suggested = Arrays.copyOf(suggested, n);
            pointers = Arrays.copyOf(pointers, n);
            columns = Arrays.copyOf(columns, n);
            keys = Arrays.copyOf(keys, n);
            params = Arrays.copyOf(params, n);
        }
        rules[size] = rule;
        suggested[size] = severity;
        pointers[size] = pointer;
        columns[size] = column;
        keys[size] = messageKey;
        params[size] = parameters;
        size++;
    }

    /** Hands the findings held to {@code sink}, in order, and holds none. */
    void keepInto(FindingSink sink) {
        int n = size;
        size = 0; // first: a sink that throws leaves nothing to hand on twice
        for (int i = 0; i < n; i++) {
            sink.report(rules[i], suggested[i], pointers[i], columns[i], keys[i], params[i]);
        }
        release(n);
    }

    /** Forgets the findings held. */
    void forget() {
        release(size);
        size = 0;
    }

    /** Lets go of the findings' texts, so that a buffer that once held many holds no line alive. */
    private void release(int n) {
        if (n > 0) {
            Arrays.fill(pointers, 0, n, null);
            Arrays.fill(params, 0, n, null);
        }
    }
}
