/**
 * The {@code compose4j} command line: {@code validate}, {@code fmt} and {@code convert}.
 *
 * <p>Every type and method of this package is null-marked: parameters and results are never {@code
 * null} unless annotated {@code @Nullable}; absent values are {@code Optional}s.
 */
@NullMarked
package io.compose4j.cli;

import org.jspecify.annotations.NullMarked;
