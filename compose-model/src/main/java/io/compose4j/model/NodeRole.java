package io.compose4j.model;

/**
 * The values of {@code node.role} in a placement constraint: a Swarm node is a manager or a worker.
 * Typed so that a misspelt role ({@code "manger"}) does not compile; a constraint on any other
 * value matches no node and leaves the service's tasks pending.
 */
public enum NodeRole {
  /** {@code manager}: a node that runs the Swarm's control plane (and, by default, tasks). */
  MANAGER("manager"),
  /** {@code worker}: a node that only runs tasks. */
  WORKER("worker");

  private final String value;

  NodeRole(String value) {
    this.value = value;
  }

  /** Returns the value as written in a constraint ({@code manager}, {@code worker}). */
  public String value() {
    return value;
  }

  /** Returns the value as written in a constraint. */
  @Override
  public String toString() {
    return value;
  }
}
