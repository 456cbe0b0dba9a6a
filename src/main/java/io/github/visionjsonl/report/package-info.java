/** Findings, the report on a dataset, and its text and JSON forms. */
package io.github.visionjsonl.report;
