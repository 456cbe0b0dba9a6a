/**
 * For engines that validate one dataset in parts on several machines (vision-jsonl-spark), not
 * for applications: no stability is promised beyond the minor version.
 *
 * <p>The dataset is cut into parts of whole lines, each read by the core's own per-line engine
 * with its exact line numbers ({@link io.github.visionjsonl.spi.Parts#read}). A part's result is
 * serializable and mergeable: counts, kept findings, what training would keep, statistics, and
 * the facts the checks across lines need (each image's fingerprint, line and label hash, the
 * first line of each datastore). The engine brings the facts of all parts together (for
 * duplicates, by image, never in one place), reads the parts with repeating lines again knowing
 * the lines before them, and {@link io.github.visionjsonl.spi.Parts#assemble assembles} the
 * parts' results into the report the core gives for the whole input read on one machine.
 */
package io.github.visionjsonl.spi;
