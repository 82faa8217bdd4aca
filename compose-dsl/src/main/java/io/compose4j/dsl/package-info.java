/**
 * The fluent DSL for writing stacks in Java: {@link io.compose4j.dsl.Compose#stack}, typed handles
 * for networks, volumes, secrets, configs and services, presets, placements and templates.
 *
 * <p>Every type and method of this package is null-marked: parameters and results are never {@code
 * null} unless annotated {@code @Nullable}; absent values are {@code Optional}s.
 */
@NullMarked
package io.compose4j.dsl;

import org.jspecify.annotations.NullMarked;
