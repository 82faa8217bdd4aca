package io.compose4j.dsl;

import io.compose4j.model.NodeAttribute;

/**
 * The placement vocabulary of the DSL: {@code node.role().eq(MANAGER)},
 * {@code node.label("zone").ne("eu-1")}, {@code spread(node.label("zone"))}. Import it statically.
 */
public final class Placements {
  /** The node a task may run on: the left-hand side of constraints and spread preferences. */
  public static final Node node = new Node();
  /** The Docker engine of the node: {@code engine.label("os")}. */
  public static final Engine engine = new Engine();
  /** The value of {@code node.role} for managers. */
  public static final String MANAGER = "manager";
  /** The value of {@code node.role} for workers. */
  public static final String WORKER = "worker";

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

    /** Returns {@code node.role}; compare it with {@link #MANAGER} or {@link #WORKER}. */
    public NodeAttribute role() {
      return NodeAttribute.nodeRole();
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

  /** Engine attributes ({@code engine.*}). */
  public static final class Engine {
    private Engine() {}

    /** Returns {@code engine.labels.<name>}. */
    public NodeAttribute label(String name) {
      return NodeAttribute.engineLabel(name);
    }
  }
}
