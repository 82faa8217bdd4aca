/**
 * Reading Compose and stack files into the model ({@link io.compose4j.yaml.ComposeReader}), loading
 * Compose projects ({@link io.compose4j.yaml.ComposeLoader}), lowering them to Swarm ({@link
 * io.compose4j.yaml.SwarmConverter}) and writing canonical YAML ({@link
 * io.compose4j.yaml.ComposeWriter}).
 *
 * <p>Every type and method of this package is null-marked: parameters and results are never {@code
 * null} unless annotated {@code @Nullable}; absent values are {@code Optional}s.
 */
@NullMarked
package io.compose4j.yaml;

import org.jspecify.annotations.NullMarked;
