package io.compose4j.plan;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Swarm node as the scheduler sees it: what {@code docker node inspect} reports ({@code ID},
 * {@code Description.Hostname}, {@code Spec.Role}, {@code Spec.Availability}, {@code Spec.Labels},
 * {@code Description.Engine.Labels}, {@code Description.Platform}, {@code Description.Resources})
 * plus a price per month for the cost report.
 *
 * @param id the node ID ({@code node.id} in constraints); the hostname when not given
 * @param hostname {@code node.hostname}
 * @param role {@code node.role}
 * @param availability whether the node takes new tasks
 * @param labels {@code node.labels.*} (set with {@code docker node update --label-add})
 * @param engineLabels {@code engine.labels.*} (the engine's {@code daemon.json} labels)
 * @param os {@code node.platform.os} ({@code linux})
 * @param arch {@code node.platform.arch} as the kernel reports it ({@code x86_64})
 * @param nanoCpus the CPUs in billionths ({@code Resources.NanoCPUs})
 * @param memoryBytes the memory in bytes ({@code Resources.MemoryBytes})
 * @param genericResources discrete generic resources by kind ({@code gpu: 2})
 * @param pricePerMonth what the node costs a month, if known
 * @param instanceType the instance type the price table knows the node by, if any
 */
public record Node(
    String id,
    String hostname,
    Role role,
    Availability availability,
    Map<String, String> labels,
    Map<String, String> engineLabels,
    String os,
    String arch,
    long nanoCpus,
    long memoryBytes,
    Map<String, Long> genericResources,
    Optional<BigDecimal> pricePerMonth,
    Optional<String> instanceType) {

  /** {@code node.role}. */
  public enum Role {
    /** A manager node. */
    MANAGER,
    /** A worker node. */
    WORKER
  }

  /** {@code Spec.Availability}: whether the scheduler gives the node new tasks. */
  public enum Availability {
    /** Takes new tasks. */
    ACTIVE,
    /** Keeps its tasks, takes no new ones. */
    PAUSE,
    /** Takes no tasks; Swarm moves its tasks elsewhere. */
    DRAIN
  }

  /** Checks the components and copies the maps (keeping their order). */
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(availability, "availability");
    labels = Map.copyOf(labels);
    engineLabels = Map.copyOf(engineLabels);
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    if (nanoCpus < 0 || memoryBytes < 0) {
      throw new IllegalArgumentException(
          "node " + hostname + ": CPUs and memory must not be negative");
    }
    genericResources = Map.copyOf(genericResources);
    Objects.requireNonNull(pricePerMonth, "pricePerMonth");
    Objects.requireNonNull(instanceType, "instanceType");
  }

  /**
   * Returns a builder for a node with this hostname: an active Linux x86_64 worker with nothing
   * else set.
   */
  public static Builder builder(String hostname) {
    return new Builder(hostname);
  }

  /** Returns the value of {@code node.labels.<name>}, if set. */
  public Optional<String> label(String name) {
    return Optional.ofNullable(labels.get(name));
  }

  /** Builds {@link Node} values. */
  public static final class Builder {
    private final String hostname;
    private String id;
    private Role role = Role.WORKER;
    private Availability availability = Availability.ACTIVE;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> engineLabels = new LinkedHashMap<>();
    private String os = "linux";
    private String arch = "x86_64";
    private long nanoCpus;
    private long memoryBytes;
    private final Map<String, Long> generic = new LinkedHashMap<>();
    private BigDecimal price;
    private String instanceType;

    private Builder(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
    }

    /** Sets the node ID ({@code node.id}); the hostname when not set. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets {@code node.role}. */
    public Builder role(Role role) {
      this.role = role;
      return this;
    }

    /** Sets the availability. */
    public Builder availability(Availability availability) {
      this.availability = availability;
      return this;
    }

    /** Sets one node label ({@code node.labels.<key>}). */
    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    /** Sets one engine label ({@code engine.labels.<key>}). */
    public Builder engineLabel(String key, String value) {
      engineLabels.put(key, value);
      return this;
    }

    /** Sets {@code node.platform.os} and {@code node.platform.arch}. */
    public Builder platform(String os, String arch) {
      this.os = os;
      this.arch = arch;
      return this;
    }

    /** Sets the CPUs ({@code 2}, {@code 0.5}). */
    public Builder cpus(Cpus cpus) {
      this.nanoCpus = cpus.nanoCpus();
      return this;
    }

    /** Sets the memory. */
    public Builder memory(ByteSize memory) {
      this.memoryBytes = memory.bytes();
      return this;
    }

    /** Sets how many of a discrete generic resource the node offers ({@code gpu}, 2). */
    public Builder genericResource(String kind, long count) {
      generic.put(kind, count);
      return this;
    }

    /** Sets the price per month. */
    public Builder pricePerMonth(BigDecimal price) {
      this.price = price;
      return this;
    }

    /** Sets the instance type the price table knows the node by ({@code t3.large}). */
    public Builder instanceType(String instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    /** Returns the node. */
    public Node build() {
      return new Node(
          id == null ? hostname : id,
          hostname,
          role,
          availability,
          labels,
          engineLabels,
          os,
          arch,
          nanoCpus,
          memoryBytes,
          generic,
          Optional.ofNullable(price),
          Optional.ofNullable(instanceType));
    }
  }
}
