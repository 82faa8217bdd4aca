/**
 * The {@code compose4j-maven-plugin} goals: {@code validate} (the stack files under a folder) and
 * {@code generate} (stacks returned by a class of the project, written as canonical YAML and
 * validated).
 *
 * <p>Every type and method of this package is null-marked: parameters and results are never {@code
 * null} unless annotated {@code @Nullable}.
 */
@NullMarked
package io.compose4j.maven;

import org.jspecify.annotations.NullMarked;
