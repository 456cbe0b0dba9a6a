/** The {@code vision-jsonl} command line (needs picocli, an optional dependency of the library). */
package io.github.visionjsonl.cli;
