/**
 * The immutable model of Docker Compose and Docker Swarm stacks.
 *
 * <p>{@link io.compose4j.model.Stack} is the root. Every type is an immutable value with a nested
 * {@code Builder}, {@code toBuilder()} and {@code copy(Consumer<Builder>)}. The model is permissive
 * in shape (it can hold any file Docker or compose-go can read, including invalid values that
 * {@code compose-validate} reports) and strict in nullness: collections are never {@code null} and
 * optional values are {@code Optional*}. Both spellings of a key (short and long syntax, list or
 * map) read into the same value: the model stores meaning, not spelling.
 *
 * <p>Typed scalars ({@link io.compose4j.model.ByteSize}, {@link io.compose4j.model.Cpus}, {@link
 * io.compose4j.model.GoDuration}, {@link io.compose4j.model.PortMapping}, {@link
 * io.compose4j.model.Mount}, {@link io.compose4j.model.ImageRef}, {@link
 * io.compose4j.model.Constraint}, {@link io.compose4j.model.FileMode}) have a {@code parse(String)}
 * that throws {@link java.lang.IllegalArgumentException} quoting its input.
 */
@ComposeStyle
@NullMarked
package io.compose4j.model;

import org.jspecify.annotations.NullMarked;
