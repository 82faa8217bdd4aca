package io.compose4j.dsl;

import io.compose4j.model.Constraint;
import io.compose4j.model.NodeAttribute;
import io.compose4j.model.NodeRole;

/**
 * The placement vocabulary of the DSL: {@code node.role().eq(MANAGER)}, {@code
 * node.label("zone").ne("eu-1")}, {@code spread(node.label("zone"))}. Import it statically.
 */
public final class Placements {
  /** The node a task may run on: the left-hand side of constraints and spread preferences. */
  public static final Node node = new Node();

  /** The Docker engine of the node: {@code engine.label("os")}. */
  public static final Engine engine = new Engine();

  /** The value of {@code node.role} for managers. */
  public static final NodeRole MANAGER = NodeRole.MANAGER;

  /** The value of {@code node.role} for workers. */
  public static final NodeRole WORKER = NodeRole.WORKER;

  private Placements() {}

  /** Node attributes ({@code node.*}). */
  public static final class Node {
    private Node() {}

    /** Returns {@code node.id}. */
    public NodeAttribute id() {
      return NodeAttribute.nodeId();
    }

    /** Returns {@code node.hostname}. */
    public NodeAttribute hostname() {
      return NodeAttribute.nodeHostname();
    }

    /** Returns {@code node.ip}. */
    public NodeAttribute ip() {
      return NodeAttribute.nodeIp();
    }

    /**
     * Returns {@code node.role}; compare it with {@link Placements#MANAGER} or {@link
     * Placements#WORKER} (a role is typed: {@code node.role().eq("manger")} does not compile).
     */
    public Role role() {
      return ROLE;
    }

    /** Returns {@code node.platform.os}. */
    public NodeAttribute platformOs() {
      return NodeAttribute.nodePlatformOs();
    }

    /** Returns {@code node.platform.arch} ({@code x86_64}, {@code aarch64}). */
    public NodeAttribute platformArch() {
      return NodeAttribute.nodePlatformArch();
    }

    /** Returns {@code node.labels.<name>}. */
    public NodeAttribute label(String name) {
      return NodeAttribute.nodeLabel(name);
    }
  }

  private static final Role ROLE = new Role();

  /** The attribute {@code node.role}, compared only with a {@link NodeRole}. */
  public static final class Role {
    private Role() {}

    /** Returns the constraint {@code node.role == role}. */
    public Constraint eq(NodeRole role) {
      return NodeAttribute.nodeRole().eq(role.value());
    }

    /** Returns the constraint {@code node.role != role}. */
    public Constraint ne(NodeRole role) {
      return NodeAttribute.nodeRole().ne(role.value());
    }

    /** Returns the untyped attribute {@code node.role}. */
    public NodeAttribute attribute() {
      return NodeAttribute.nodeRole();
    }

    /** Returns {@code node.role}. */
    @Override
    public String toString() {
      return "node.role";
    }
  }

  /** Engine attributes ({@code engine.*}). */
  public static final class Engine {
    private Engine() {}

    /** Returns {@code engine.labels.<name>}. */
    public NodeAttribute label(String name) {
      return NodeAttribute.engineLabel(name);
    }
  }
}
