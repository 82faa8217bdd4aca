/**
 * Reading Compose and stack files into the model, loading Compose projects, lowering them to Swarm
 * and writing canonical YAML: the API is the package {@code io.compose4j.yaml}.
 *
 * <p>The packages {@code io.compose4j.yaml.read} (YAML to positioned trees, interpolation,
 * merging), {@code .bind} (trees to the model) and {@code .write} (the model to YAML) are the
 * implementation and not exported; {@code read} is exported to {@code io.compose4j.plan} only,
 * which reads its own cluster and price files on the same positioned trees.
 */
module io.compose4j.yaml {
  requires transitive io.compose4j.model;
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.compose4j.yaml;
  // javac cannot see io.compose4j.plan when it compiles this module (it is built later) and warns
  // "module not found"; the pom turns that one lint off (-Xlint:-module) for this module only
  exports io.compose4j.yaml.read to
      io.compose4j.plan;
}
