/**
 * AssertJ assertions for datasets and reports ({@link io.github.visionjsonl.assertj.VisionJsonlAssertions}).
 * Needs assertj-core on the classpath, which vision-jsonl declares optional.
 */
package io.github.visionjsonl.assertj;
