package io.github.visionjsonl.spark;

import io.github.visionjsonl.spi.PartResult;
import java.io.Serializable;
import java.util.List;

/**
 * What a Spark task's reading of one part gave: the core's result, and every finding as a row
 * when the findings are asked for (else null).
 */
record SegmentOutput(int id, PartResult result, List<FindingRow> findings) implements Serializable {
}
