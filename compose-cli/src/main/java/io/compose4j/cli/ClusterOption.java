package io.compose4j.cli;

import io.compose4j.docker.DockerCluster;
import io.compose4j.docker.DockerEngineException;
import io.compose4j.plan.Cluster;
import io.compose4j.plan.ClusterReader;
import io.compose4j.plan.Node;
import io.compose4j.validate.ClusterState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --cluster FILE|docker}: a cluster description file, or the live engine {@code DOCKER_HOST}
 * names (else the local socket). Errors are one-line {@link CliException}s.
 */
final class ClusterOption {
  /** The value that reads the live engine. */
  static final String DOCKER = "docker";

  /**
   * The rules a cluster file cannot make certain: it does not list the secrets, configs and
   * networks.
   */
  static final List<String> NOT_IN_A_FILE = List.of("SWARM-REF-005", "SWARM-REF-006");

  private ClusterOption() {}

  /** Reads the live engine, {@code DOCKER_HOST} taken from the command's environment. */
  static DockerCluster live(String command, Map<String, String> env) {
    try {
      String host = env.get("DOCKER_HOST");
      return host == null || host.isBlank() ? DockerCluster.read() : DockerCluster.read(host);
    } catch (DockerEngineException e) {
      throw new CliException("compose4j " + command + ": --cluster docker: " + e.getMessage());
    }
  }

  /** Returns the planner's cluster: the file's, or the live engine's. */
  static Cluster cluster(String command, String value, Map<String, String> env) {
    return value.equals(DOCKER) ? live(command, env).cluster() : ClusterReader.read(Path.of(value));
  }

  /**
   * Returns the validator's cluster state: everything the live engine has, or the nodes of a
   * cluster file (its secrets, configs, networks and ingress subnet not known: see {@link
   * #NOT_IN_A_FILE}).
   */
  static ClusterState state(String command, String value, Map<String, String> env) {
    if (value.equals(DOCKER)) {
      return live(command, env).state();
    }
    Cluster c = ClusterReader.read(Path.of(value));
    List<ClusterState.Node> nodes = new ArrayList<>();
    for (Node n : c.nodes()) {
      nodes.add(
          new ClusterState.Node(
              n.id(),
              n.hostname(),
              n.role().name().toLowerCase(Locale.ROOT),
              n.availability().name().toLowerCase(Locale.ROOT),
              n.labels(),
              n.engineLabels(),
              n.os(),
              n.arch(),
              n.nanoCpus(),
              n.memoryBytes(),
              n.genericResources(),
              Set.of(),
              ""));
    }
    return new ClusterState(Set.of(), Set.of(), Map.of(), nodes);
  }
}
