package io.github.visionjsonl.convert;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What a conversion did: where it wrote, how many records, what it noticed in its input
 * ({@code convert-*} findings, pointing into the input: a JSON pointer or a file name), and the
 * validation report of what it wrote (JSONL outputs only).
 *
 * @param output the written file
 * @param records how many records (lines, or images for COCO) were written
 * @param findings what the converter noticed in its input: every error, and the first warnings
 *     when there were more than a report keeps
 * @param findingCount how many findings there were, kept or not
 * @param validation the report of validating the written JSONL file, or {@code null} for other outputs
 */
public record ConversionResult(Path output, long records, List<Finding> findings, long findingCount,
        ValidationReport validation) {

    /** Copies the findings. */
    public ConversionResult {
        findings = List.copyOf(findings);
        if (findingCount < findings.size()) {
            throw new IllegalArgumentException("findingCount " + findingCount + " < " + findings.size() + " findings");
        }
    }

    /** A result that kept every finding. */
    public ConversionResult(Path output, long records, List<Finding> findings, ValidationReport validation) {
        this(output, records, findings, findings.size(), validation);
    }

    /** Whether some findings were counted but not kept. */
    public boolean findingsTruncated() {
        return findingCount > findings.size();
    }
}
