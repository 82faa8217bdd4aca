/**
 * The validator: {@link io.compose4j.validate.StackValidator} runs the model's field constraints
 * and the Swarm rules (docs/RULES.md) and returns a {@link io.compose4j.validate.ValidationReport}.
 *
 * <p>Every type and method of this package is null-marked: parameters and results are never {@code
 * null} unless annotated {@code @Nullable}; absent values are {@code Optional}s.
 */
@NullMarked
package io.compose4j.validate;

import org.jspecify.annotations.NullMarked;
