/**
 * The typed records of the four AutoML-for-Images tasks, annotated with the Bean Validation
 * constraints of {@link io.github.visionjsonl.rules}.
 */
package io.github.visionjsonl.model;
