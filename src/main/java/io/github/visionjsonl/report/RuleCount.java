package io.github.visionjsonl.report;

import io.github.visionjsonl.rules.Severity;

/**
 * How many findings one rule gave in a file, kept or not, by severity (a rule's findings have
 * the severity the user configured, or the one the rule suggests for the case, so one rule may
 * have several).
 *
 * @param errors the count of its error findings
 * @param warnings the count of its warning findings
 * @param infos the count of its info findings
 */
public record RuleCount(long errors, long warnings, long infos) {

    /** The count of its findings of every severity. */
    public long count() {
        return errors + warnings + infos;
    }

    /** The most severe of its findings' severities ({@link Severity#INFO} when it has none). */
    public Severity severity() {
        return errors > 0 ? Severity.ERROR : warnings > 0 ? Severity.WARNING : Severity.INFO;
    }

    /** These counts without some of them (a baseline's findings, for instance); never below zero. */
    public RuleCount minus(RuleCount other) {
        return new RuleCount(Math.max(0, errors - other.errors), Math.max(0, warnings - other.warnings),
                Math.max(0, infos - other.infos));
    }
}
