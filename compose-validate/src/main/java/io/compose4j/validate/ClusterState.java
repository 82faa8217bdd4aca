package io.compose4j.validate;

import java.util.Map;
import java.util.Set;

/**
 * What exists on the Swarm a stack will be deployed to, for the rules that depend on it
 * (external secrets, configs and networks). Give it to
 * {@link StackValidator#cluster(ClusterState)}, for example from {@code docker secret ls}.
 *
 * @param secrets names of existing secrets
 * @param configs names of existing configs
 * @param networks existing networks by name, with their scope ({@code swarm} or {@code local})
 */
public record ClusterState(Set<String> secrets, Set<String> configs, Map<String, String> networks) {
  /** Copies the collections. */
  public ClusterState {
    secrets = Set.copyOf(secrets);
    configs = Set.copyOf(configs);
    networks = Map.copyOf(networks);
  }

  /** Returns the state of a cluster with none of these objects. */
  public static ClusterState empty() {
    return new ClusterState(Set.of(), Set.of(), Map.of());
  }
}
