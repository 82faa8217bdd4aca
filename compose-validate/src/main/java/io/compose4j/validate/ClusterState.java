package io.compose4j.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What exists on the Swarm a stack will be deployed to, for the rules that depend on it (external
 * secrets, configs and networks; the nodes; the ingress network's subnets). Give it to {@link
 * StackValidator#cluster(ClusterState)}, for example from {@code docker secret ls}, {@code docker
 * node inspect} and {@code docker network inspect ingress}.
 *
 * <p>Given cluster facts, a finding that otherwise depends on the cluster becomes certain and is
 * reported as an error: a constraint no node satisfies, a bind source no node has, more host-mode
 * tasks per node than the nodes can take, a CPU limit or a reservation no node can hold, a logging
 * driver no node has. An empty node list means the nodes are not known (not that there are none); a
 * node's fact that is not known (zero CPUs or memory, an empty platform, an empty set of log
 * drivers) is never held against it.
 *
 * @param secrets names of existing secrets
 * @param configs names of existing configs
 * @param networks existing networks by name, with their scope ({@code swarm} or {@code local})
 * @param nodes the swarm's nodes, or an empty list when they are not known
 * @param ingressSubnets the subnets (CIDR) of the ingress network, or empty when not known
 * @param absentHostPaths absolute host paths known to exist on none of the nodes (bind sources,
 *     local volume devices), for example from {@code ls} on every node
 */
public record ClusterState(
    Set<String> secrets,
    Set<String> configs,
    Map<String, String> networks,
    List<Node> nodes,
    List<String> ingressSubnets,
    Set<String> absentHostPaths) {
  /** Copies the collections. */
  public ClusterState {
    secrets = Set.copyOf(secrets);
    configs = Set.copyOf(configs);
    networks = Map.copyOf(networks);
    nodes = List.copyOf(nodes);
    ingressSubnets = List.copyOf(ingressSubnets);
    absentHostPaths = Set.copyOf(absentHostPaths);
  }

  /**
   * Returns a cluster state with these nodes and ingress subnets, and no host path known to be
   * absent.
   */
  public ClusterState(
      Set<String> secrets,
      Set<String> configs,
      Map<String, String> networks,
      List<Node> nodes,
      List<String> ingressSubnets) {
    this(secrets, configs, networks, nodes, ingressSubnets, Set.of());
  }

  /** Returns a cluster state with these nodes and an unknown ingress subnet. */
  public ClusterState(
      Set<String> secrets, Set<String> configs, Map<String, String> networks, List<Node> nodes) {
    this(secrets, configs, networks, nodes, List.of());
  }

  /** Returns a cluster state whose nodes are not known. */
  public ClusterState(Set<String> secrets, Set<String> configs, Map<String, String> networks) {
    this(secrets, configs, networks, List.of());
  }

  /** Returns the state of a cluster with none of these objects (nodes not known). */
  public static ClusterState empty() {
    return new ClusterState(Set.of(), Set.of(), Map.of());
  }

  /** Returns a copy that knows the swarm's nodes. */
  public ClusterState withNodes(List<Node> nodes) {
    return new ClusterState(secrets, configs, networks, nodes, ingressSubnets, absentHostPaths);
  }

  /** Returns a copy that knows the ingress network's subnets. */
  public ClusterState withIngressSubnets(List<String> subnets) {
    return new ClusterState(secrets, configs, networks, nodes, subnets, absentHostPaths);
  }

  /** Returns a copy that knows these absolute host paths exist on none of the nodes. */
  public ClusterState withAbsentHostPaths(Set<String> paths) {
    return new ClusterState(secrets, configs, networks, nodes, ingressSubnets, paths);
  }

  /** Returns whether the nodes are known. */
  public boolean knowsNodes() {
    return !nodes.isEmpty();
  }

  /**
   * One node of the swarm, as {@code docker node inspect} shows it.
   *
   * @param id {@code ID}, or empty when not known
   * @param hostname {@code Description.Hostname}
   * @param role {@code manager} or {@code worker}
   * @param availability {@code Spec.Availability} ({@code active}, {@code pause}, {@code drain}),
   *     or empty when not known (taken as active)
   * @param labels the node labels ({@code Spec.Labels})
   * @param engineLabels the engine labels ({@code Description.Engine.Labels})
   * @param os {@code Description.Platform.OS} ({@code linux}, {@code windows}), or empty when not
   *     known
   * @param arch {@code Description.Platform.Architecture} ({@code x86_64}, {@code aarch64}), or
   *     empty
   * @param nanoCpus {@code Description.Resources.NanoCPUs}, or 0 when not known
   * @param memoryBytes {@code Description.Resources.MemoryBytes}, or 0 when not known
   * @param genericResources the generic resources the node advertises, by kind, with their count
   *     ({@code Description.Resources.GenericResources}; a named resource counts its values)
   * @param logDrivers the logging drivers the engine has, built in or as plugins ({@code
   *     Description.Engine.Plugins} of type {@code Log}), or empty when not known
   * @param engineVersion {@code Description.Engine.EngineVersion} ({@code 20.10.24}), or empty when
   *     not known
   */
  public record Node(
      String id,
      String hostname,
      String role,
      String availability,
      Map<String, String> labels,
      Map<String, String> engineLabels,
      String os,
      String arch,
      long nanoCpus,
      long memoryBytes,
      Map<String, Long> genericResources,
      Set<String> logDrivers,
      String engineVersion) {
    /** Copies the collections. */
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(availability, "availability");
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(arch, "arch");
      Objects.requireNonNull(engineVersion, "engineVersion");
      labels = Map.copyOf(labels);
      engineLabels = Map.copyOf(engineLabels);
      genericResources = Map.copyOf(genericResources);
      logDrivers = Set.copyOf(logDrivers);
    }

    /** Returns a node with these labels; its other facts are not known. */
    public Node(
        String hostname,
        String role,
        Map<String, String> labels,
        Map<String, String> engineLabels) {
      this("", hostname, role, "", labels, engineLabels, "", "", 0, 0, Map.of(), Set.of(), "");
    }

    /** Returns a node with these node labels and no engine labels. */
    public static Node of(String hostname, String role, Map<String, String> labels) {
      return new Node(hostname, role, labels, Map.of());
    }

    /**
     * Returns the engine's major version ({@code 20} for {@code 20.10.24+dfsg1}), or 0 when not
     * known.
     */
    public int engineMajor() {
      Matcher m = Pattern.compile("^(\\d+)\\.").matcher(engineVersion);
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Returns whether the scheduler places new tasks on it (availability active or not known). */
    public boolean schedulable() {
      return availability.isEmpty() || availability.equalsIgnoreCase("active");
    }
  }
}
