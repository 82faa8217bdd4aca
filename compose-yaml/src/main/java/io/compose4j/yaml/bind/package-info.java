/**
 * Binding: turns a YAML tree into the model ({@link io.compose4j.yaml.bind.ModelBinder}), one class
 * per section of a stack (services, what they run, build, mounts and ports, deploy), each key read
 * as its row in {@link io.compose4j.model.ComposeKeys} says. Internal: used by {@link
 * io.compose4j.yaml.ComposeReader} and {@link io.compose4j.yaml.ComposeLoader}; only the entry
 * class and {@link io.compose4j.yaml.bind.PositionLog} are public.
 */
@NullMarked
package io.compose4j.yaml.bind;

import org.jspecify.annotations.NullMarked;
