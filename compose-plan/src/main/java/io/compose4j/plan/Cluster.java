package io.compose4j.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The nodes of a Swarm, in a fixed order, and the node label that names their availability zone
 * ({@code zone} unless said otherwise: {@code node.labels.zone}).
 *
 * <p>The order matters only where Swarm itself chooses at random (between equally good nodes): the
 * planner takes the earlier node.
 *
 * @param nodes the nodes; hostnames and IDs are unique
 * @param zoneLabel the node label holding the zone
 */
public record Cluster(List<Node> nodes, String zoneLabel) {
  /** Checks that IDs and hostnames are unique. */
  public Cluster {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(zoneLabel, "zoneLabel");
    Set<String> ids = new HashSet<>();
    Set<String> hosts = new HashSet<>();
    for (Node n : nodes) {
      if (!ids.add(n.id())) {
        throw new IllegalArgumentException("two nodes have the ID " + n.id());
      }
      if (!hosts.add(n.hostname())) {
        throw new IllegalArgumentException("two nodes have the hostname " + n.hostname());
      }
    }
  }

  /** Returns a cluster of these nodes with zones in {@code node.labels.zone}. */
  public static Cluster of(List<Node> nodes) {
    return new Cluster(nodes, "zone");
  }

  /** Returns a cluster of these nodes with zones in {@code node.labels.zone}. */
  public static Cluster of(Node... nodes) {
    return of(List.of(nodes));
  }

  /** Returns this cluster with zones read from {@code node.labels.<label>}. */
  public Cluster withZoneLabel(String label) {
    return new Cluster(nodes, label);
  }

  /** Returns the zone of a node, if it has the zone label. */
  public Optional<String> zoneOf(Node node) {
    return node.label(zoneLabel);
  }

  /** Returns the zones, in the order of their first node. */
  public List<String> zones() {
    Set<String> zones = new LinkedHashSet<>();
    for (Node n : nodes) {
      zoneOf(n).ifPresent(zones::add);
    }
    return List.copyOf(zones);
  }

  /** Returns the node with this hostname, if any. */
  public Optional<Node> node(String hostname) {
    return nodes.stream().filter(n -> n.hostname().equals(hostname)).findFirst();
  }

  /** Returns the cluster without the nodes the predicate selects. */
  public Cluster without(Predicate<Node> lost) {
    List<Node> left = new ArrayList<>();
    for (Node n : nodes) {
      if (!lost.test(n)) {
        left.add(n);
      }
    }
    return new Cluster(left, zoneLabel);
  }
}
