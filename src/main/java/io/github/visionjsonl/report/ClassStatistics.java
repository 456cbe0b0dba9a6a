package io.github.visionjsonl.report;

/**
 * How one class is represented in a dataset.
 *
 * @param images records that have the class at least once
 * @param instances labels, boxes or polygons of the class
 * @param crowdInstances boxes or polygons of the class marked {@code isCrowd}
 */
public record ClassStatistics(long images, long instances, long crowdInstances) {
}
