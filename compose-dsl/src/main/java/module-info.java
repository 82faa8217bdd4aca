/**
 * The fluent DSL for writing stacks in Java: {@code Compose.stack(...)}, typed references to
 * networks, volumes, secrets and configs, placement expressions and presets.
 */
module io.compose4j.dsl {
  requires transitive io.compose4j.model;
  requires static transitive org.jspecify;

  exports io.compose4j.dsl;
}
