/**
 * Converters between AutoML JSONL and COCO, Pascal VOC, YOLO, class folders and CSV, and the
 * {@link io.github.visionjsonl.convert.JsonlWriter} that writes JSONL deterministically and
 * atomically. docs/converters.md gives the mapping formulas.
 */
package io.github.visionjsonl.convert;
