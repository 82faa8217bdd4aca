package io.compose4j.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A node during planning: what is still available, and its tasks (swarmkit's NodeInfo). */
final class NodeState {
  final Node node;
  long nanoCpus;
  long memoryBytes;
  final Map<String, Long> generic;
  final Set<String> hostPorts;
  int activeTasks;
  final Map<String, Integer> byService;

  /** Task names in the order they were placed, with the spec each runs. */
  final Map<String, TaskSpec> tasks;

  NodeState(Node node) {
    this.node = node;
    this.nanoCpus = node.nanoCpus();
    this.memoryBytes = node.memoryBytes();
    this.generic = new HashMap<>(node.genericResources());
    this.hostPorts = new HashSet<>();
    this.byService = new HashMap<>();
    this.tasks = new LinkedHashMap<>();
  }

  private NodeState(NodeState o) {
    this.node = o.node;
    this.nanoCpus = o.nanoCpus;
    this.memoryBytes = o.memoryBytes;
    this.generic = new HashMap<>(o.generic);
    this.hostPorts = new HashSet<>(o.hostPorts);
    this.activeTasks = o.activeTasks;
    this.byService = new HashMap<>(o.byService);
    this.tasks = new LinkedHashMap<>(o.tasks);
  }

  NodeState copy() {
    return new NodeState(this);
  }

  static List<NodeState> copyAll(List<NodeState> states) {
    List<NodeState> out = new ArrayList<>();
    for (NodeState s : states) {
      out.add(s.copy());
    }
    return out;
  }

  int tasksOf(String service) {
    return byService.getOrDefault(service, 0);
  }

  /** Adds a task (swarmkit's addTask): takes its reservations and host ports. */
  void add(TaskSpec spec, String taskName) {
    tasks.put(taskName, spec);
    nanoCpus -= spec.nanoCpus();
    memoryBytes -= spec.memoryBytes();
    spec.generic().forEach((k, v) -> generic.merge(k, -v, Long::sum));
    hostPorts.addAll(spec.hostPorts());
    activeTasks++;
    byService.merge(spec.name(), 1, Integer::sum);
  }
}
