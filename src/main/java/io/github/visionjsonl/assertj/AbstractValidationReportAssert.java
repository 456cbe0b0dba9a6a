package io.github.visionjsonl.assertj;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.ClassStatistics;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ValidationReport}, in AssertJ's style: each returns {@code this}, and a
 * failure names the file, the first findings as {@code file:line:col: severity[code]: message}
 * and the counts.
 *
 * @param <SELF> the concrete assertion type, for chaining
 */
public abstract class AbstractValidationReportAssert<SELF extends AbstractValidationReportAssert<SELF>>
        extends AbstractAssert<SELF, ValidationReport> {

    /** How many findings a failure message lists. */
    protected static final int SHOWN = 10;

    /** @param selfType the concrete assertion class */
    protected AbstractValidationReportAssert(ValidationReport actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The dataset has no error finding (warnings and infos are allowed). */
    public SELF isValid() {
        isNotNull();
        if (actual.errors() > 0) {
            fail("to be valid, but it has " + counts(), actual.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList());
        }
        return myself;
    }

    /** The dataset has an error finding. */
    public SELF isNotValid() {
        isNotNull();
        if (actual.errors() == 0) {
            fail("to have an error, but it has none (" + counts() + ")", actual.findings());
        }
        return myself;
    }

    /** The dataset has no finding at all, not even a warning or an info. */
    public SELF hasNoFindings() {
        isNotNull();
        if (actual.findingCount() > 0) {
            fail("to have no finding, but it has " + counts(), actual.findings());
        }
        return myself;
    }

    /** The dataset has no finding at or above the given severity. */
    public SELF hasNoFindingsAtLeast(Severity severity) {
        isNotNull();
        if (actual.hasFindingsAtLeast(severity)) {
            fail("to have no finding of severity " + severity.label() + " or worse, but it has " + counts(),
                    actual.findings().stream().filter(f -> f.severity().atLeast(severity)).toList());
        }
        return myself;
    }

    /**
     * The dataset has no finding of the given rules, named by code ({@code "duplicate-image-url"}).
     *
     * @throws IllegalArgumentException for a code that names no rule
     */
    public SELF hasNoFindingsOf(String... codes) {
        return hasNoFindingsOf(rules(codes));
    }

    /** The dataset has no finding of the given rules. */
    public SELF hasNoFindingsOf(RuleCode... rules) {
        isNotNull();
        Set<RuleCode> wanted = Set.of(rules);
        List<Finding> found = actual.findings().stream().filter(f -> wanted.contains(f.rule())).toList();
        if (!found.isEmpty()) {
            fail("to have no finding of " + codes(rules) + ", but it has " + found.size() + " (of " + counts() + ")", found);
        }
        return myself;
    }

    /** The dataset has at least one finding of the given rule, named by code. */
    public SELF hasFindingsOf(String code) {
        RuleCode rule = rules(code)[0];
        isNotNull();
        if (actual.findings(rule).isEmpty()) {
            fail("to have a finding of " + rule.code() + ", but it has none (" + counts() + ")", actual.findings());
        }
        return myself;
    }

    /** The dataset's task, given or detected, is the expected one. */
    public SELF hasTask(Task expected) {
        isNotNull();
        if (actual.task() != expected) {
            failWithMessage("%s", describe() + " to have the task " + expected + ", but it is "
                    + (actual.task() == null ? "unknown (no record told it)" : actual.task()));
        }
        return myself;
    }

    /** The dataset has exactly these classes, in any order. */
    public SELF hasClasses(String... expected) {
        isNotNull();
        Set<String> actualClasses = new TreeSet<>(actual.classCounts().keySet());
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(expected));
        if (!actualClasses.equals(wanted)) {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(actualClasses);
            Set<String> extra = new TreeSet<>(actualClasses);
            extra.removeAll(wanted);
            failWithMessage("%s", describe() + " to have the classes " + wanted + ", but it has " + actualClasses
                    + (missing.isEmpty() ? "" : "\n  missing: " + missing) + (extra.isEmpty() ? "" : "\n  not expected: " + extra));
        }
        return myself;
    }

    /** Every class is on at least {@code n} images (records). */
    public SELF hasAtLeastSamplesPerClass(int n) {
        isNotNull();
        List<String> rare = new ArrayList<>();
        for (Map.Entry<String, ClassStatistics> e : actual.statistics().classes().entrySet()) {
            if (e.getValue().images() < n) {
                rare.add(e.getKey() + " (" + e.getValue().images() + ")");
            }
        }
        if (!rare.isEmpty()) {
            failWithMessage("%s", describe() + " to have at least " + n + " images of every class, but these have fewer: "
                    + String.join(", ", rare));
        }
        return myself;
    }

    /** Fails with the given lead and the findings that explain it. */
    protected void fail(String expectation, List<Finding> findings) {
        StringBuilder b = new StringBuilder(describe()).append(' ').append(expectation);
        int shown = 0;
        for (Finding f : findings) {
            if (shown++ == SHOWN) {
                break;
            }
            b.append("\n  ").append(f.format(actual.source()));
        }
        long rest = findings.size() - Math.min(SHOWN, findings.size());
        if (rest > 0) {
            b.append("\n  ... and ").append(rest).append(" more");
        }
        failWithMessage("%s", b.toString());
    }

    /** "Expecting dataset FILE" */
    protected String describe() {
        return "\nExpecting dataset " + actual.source();
    }

    /** "2 errors, 1 warning, 0 infos" */
    protected String counts() {
        return actual.errors() + (actual.errors() == 1 ? " error, " : " errors, ") + actual.warnings()
                + (actual.warnings() == 1 ? " warning, " : " warnings, ") + actual.infos()
                + (actual.infos() == 1 ? " info" : " infos");
    }

    private static RuleCode[] rules(String... codes) {
        RuleCode[] rules = new RuleCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            String code = codes[i];
            rules[i] = RuleCode.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                    "'" + code + "' is no rule code; see docs/rules.md"));
        }
        return rules;
    }

    private static String codes(RuleCode... rules) {
        return Arrays.stream(rules).map(RuleCode::code).toList().toString();
    }
}
