/**
 * The rule catalogue ({@link io.github.visionjsonl.rules.RuleCode}, {@link
 * io.github.visionjsonl.rules.Severity}) and the Bean Validation constraints that check the
 * typed records. Each constraint is one annotation with one validator class; messages live in
 * the {@code ContributorValidationMessages} bundle.
 */
package io.github.visionjsonl.rules;
