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
 * @param findings what the converter noticed in its input
 * @param validation the report of validating the written JSONL file, or {@code null} for other outputs
 */
public record ConversionResult(Path output, long records, List<Finding> findings, ValidationReport validation) {

    /** Copies the findings. */
    public ConversionResult {
        findings = List.copyOf(findings);
    }
}
