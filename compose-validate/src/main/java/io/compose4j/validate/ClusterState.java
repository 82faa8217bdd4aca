package io.compose4j.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What exists on the Swarm a stack will be deployed to, for the rules that depend on it
 * (external secrets, configs and networks; the nodes). Give it to
 * {@link StackValidator#cluster(ClusterState)}, for example from {@code docker secret ls} and
 * {@code docker node inspect}.
 *
 * <p>Given cluster facts, a finding that otherwise depends on the cluster becomes certain and is
 * reported as an error: a constraint on a node label no node has, more host-mode tasks per node
 * than the nodes can take. An empty node list means the nodes are not known (not that there are
 * none).
 *
 * @param secrets names of existing secrets
 * @param configs names of existing configs
 * @param networks existing networks by name, with their scope ({@code swarm} or {@code local})
 * @param nodes the swarm's nodes, or an empty list when they are not known
 */
public record ClusterState(Set<String> secrets, Set<String> configs, Map<String, String> networks, List<Node> nodes) {
  /** Copies the collections. */
  public ClusterState {
    secrets = Set.copyOf(secrets);
    configs = Set.copyOf(configs);
    networks = Map.copyOf(networks);
    nodes = List.copyOf(nodes);
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
    return new ClusterState(secrets, configs, networks, nodes);
  }

  /** Returns whether the nodes are known. */
  public boolean knowsNodes() {
    return !nodes.isEmpty();
  }

  /**
   * One node of the swarm, as {@code docker node inspect} shows it.
   *
   * @param hostname {@code Description.Hostname}
   * @param role {@code manager} or {@code worker}
   * @param labels the node labels ({@code Spec.Labels})
   * @param engineLabels the engine labels ({@code Description.Engine.Labels})
   */
  public record Node(String hostname, String role, Map<String, String> labels, Map<String, String> engineLabels) {
    /** Copies the maps. */
    public Node {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(role, "role");
      labels = Map.copyOf(labels);
      engineLabels = Map.copyOf(engineLabels);
    }

    /** Returns a node with these node labels and no engine labels. */
    public static Node of(String hostname, String role, Map<String, String> labels) {
      return new Node(hostname, role, labels, Map.of());
    }
  }
}
