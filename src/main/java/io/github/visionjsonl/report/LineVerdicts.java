package io.github.visionjsonl.report;

/**
 * Where every line of a file went: {@code lines = accepted + rejected + blank}, the split that
 * {@code validate --accepted --rejected} writes.
 *
 * @param accepted non-blank lines without an error finding
 * @param rejected non-blank lines with at least one error finding (at the configured severities)
 * @param blank empty or white-space lines, in neither output
 */
public record LineVerdicts(long accepted, long rejected, long blank) {

    /** The count of lines: accepted, rejected and blank. */
    public long lines() {
        return accepted + rejected + blank;
    }
}
