/**
 * The capacity planner: places a stack's tasks on a cluster's nodes as a Swarm manager would and
 * prices the result.
 */
module io.compose4j.plan {
  requires transitive io.compose4j.model;
  requires transitive io.compose4j.yaml;
  requires static transitive org.jspecify;

  exports io.compose4j.plan;
}
