/**
 * Writing: the one walk over the model that produces canonical YAML ({@link
 * io.compose4j.yaml.write.StackEmitter}), one class per section of a stack, each key in the
 * canonical order of its row in {@link io.compose4j.model.ComposeKeys}, and the quoting rules.
 * Internal: used by {@link io.compose4j.yaml.ComposeWriter}.
 */
@NullMarked
package io.compose4j.yaml.write;

import org.jspecify.annotations.NullMarked;
