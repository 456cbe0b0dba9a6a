/** Realistic generated datasets with a controlled share of broken lines, for benchmarks and tests. */
package io.github.visionjsonl.generate;
