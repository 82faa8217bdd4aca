package io.compose4j.model;

import java.util.Objects;

/**
 * A node attribute that placement constraints and spread preferences refer to ({@code node.role},
 * {@code node.labels.zone}, {@code engine.labels.os}). The DSL starts from {@code node} and {@code
 * engine}: {@code node.role().eq(MANAGER)}, {@code node.label("zone")}.
 */
public final class NodeAttribute {
  private final String key;

  private NodeAttribute(String key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Returns the attribute with this key as written ({@code node.labels.zone}). */
  public static NodeAttribute of(String key) {
    return new NodeAttribute(key);
  }

  /** Returns {@code node.id}. */
  public static NodeAttribute nodeId() {
    return new NodeAttribute("node.id");
  }

  /** Returns {@code node.hostname}. */
  public static NodeAttribute nodeHostname() {
    return new NodeAttribute("node.hostname");
  }

  /** Returns {@code node.ip} (an address or CIDR range). */
  public static NodeAttribute nodeIp() {
    return new NodeAttribute("node.ip");
  }

  /** Returns {@code node.role} ({@code manager} or {@code worker}). */
  public static NodeAttribute nodeRole() {
    return new NodeAttribute("node.role");
  }

  /** Returns {@code node.platform.os} ({@code linux}, {@code windows}). */
  public static NodeAttribute nodePlatformOs() {
    return new NodeAttribute("node.platform.os");
  }

  /**
   * Returns {@code node.platform.arch} as the kernel reports it ({@code x86_64}, {@code aarch64}).
   */
  public static NodeAttribute nodePlatformArch() {
    return new NodeAttribute("node.platform.arch");
  }

  /**
   * Returns {@code node.labels.<name>}, a label set with {@code docker node update --label-add}.
   */
  public static NodeAttribute nodeLabel(String name) {
    return new NodeAttribute("node.labels." + name);
  }

  /** Returns {@code engine.labels.<name>}, a label of the Docker engine on the node. */
  public static NodeAttribute engineLabel(String name) {
    return new NodeAttribute("engine.labels." + name);
  }

  /** Returns the key as written in a constraint ({@code node.labels.zone}). */
  public String key() {
    return key;
  }

  /** Returns the constraint {@code key == value}. */
  public Constraint eq(String value) {
    return Constraint.of(key, Constraint.Operator.EQ, value);
  }

  /** Returns the constraint {@code key != value}. */
  public Constraint ne(String value) {
    return Constraint.of(key, Constraint.Operator.NE, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeAttribute other && other.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** Returns the key. */
  @Override
  public String toString() {
    return key;
  }
}
