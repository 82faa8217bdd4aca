package io.compose4j.model;

/** The kind of file a stack is written for; rules and the canonical form depend on it. */
public enum Target {
  /** A file {@code docker stack deploy} accepts: Compose file format 3.x, Swarm semantics. */
  SWARM,
  /**
   * The Compose Specification read by {@code docker compose}: no {@code version}, top-level {@code
   * name}.
   */
  COMPOSE
}
