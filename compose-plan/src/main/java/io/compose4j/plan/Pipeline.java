package io.compose4j.plan;

import io.compose4j.model.Constraint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * swarmkit's filter pipeline ({@code manager/scheduler/pipeline.go}, {@code filter.go}): the
 * filters in swarmkit's order, each enabled or not for the task; a node passes when every enabled
 * filter passes; the first failing filter counts the node; a passing node resets the counts; the
 * explanation lists the failing filters, most failures first.
 */
final class Pipeline {
  /**
   * The filters, in swarmkit's order ({@code defaultFilters}); the plugin and CSI volume filters
   * are not modelled.
   */
  enum Filter {
    READY("node not available for new tasks", "nodes not available for new tasks", true),
    RESOURCES("insufficient resources on", "", false),
    CONSTRAINTS("scheduling constraints not satisfied on", "", false),
    PLATFORM("unsupported platform on", "", false),
    HOST_PORT("host-mode port already in use on", "", false),
    MAX_REPLICAS("max replicas per node limit exceed", "", false);

    private final String text;
    private final String plural;
    private final boolean countFirst;

    Filter(String text, String plural, boolean countFirst) {
      this.text = text;
      this.plural = plural;
      this.countFirst = countFirst;
    }

    /** swarmkit's Explain(nodes) text. */
    String explain(int nodes) {
      if (this == MAX_REPLICAS) {
        return text;
      }
      if (countFirst) {
        return nodes == 1 ? "1 " + text : nodes + " " + plural;
      }
      return text + (nodes == 1 ? " 1 node" : " " + nodes + " nodes");
    }
  }

  private static final Filter[] FILTERS = Filter.values();
  private final EnumSet<Filter> enabled = EnumSet.noneOf(Filter.class);
  private final EnumMap<Filter, Integer> failures = new EnumMap<>(Filter.class);
  private TaskSpec task;
  private List<Constraint> constraints = List.of();

  void setTask(TaskSpec t) {
    this.task = t;
    constraints = List.of();
    boolean constraintsValid = !t.constraints().isEmpty();
    for (Constraint c : t.constraints()) {
      constraintsValid &= c.isValid();
    }
    if (constraintsValid) {
      constraints = t.constraints();
    }
    enabled.clear();
    enabled.add(Filter.READY);
    enable(Filter.RESOURCES, t.reserves());
    // swarmkit: constraints that do not parse disable the filter (the manager refused them earlier)
    enable(Filter.CONSTRAINTS, constraintsValid);
    enable(Filter.PLATFORM, !t.platforms().isEmpty());
    enable(Filter.HOST_PORT, !t.hostPorts().isEmpty());
    enable(Filter.MAX_REPLICAS, t.maxReplicas() > 0);
    failures.clear();
  }

  private void enable(Filter f, boolean on) {
    if (on) {
      enabled.add(f);
    }
  }

  boolean process(NodeState n) {
    for (Filter f : FILTERS) {
      if (enabled.contains(f) && !check(f, n)) {
        failures.merge(f, 1, Integer::sum);
        return false;
      }
    }
    failures.clear();
    return true;
  }

  private boolean check(Filter f, NodeState n) {
    return switch (f) {
      case READY -> n.node.availability() == Node.Availability.ACTIVE;
      case RESOURCES ->
          task.nanoCpus() <= n.nanoCpus
              && task.memoryBytes() <= n.memoryBytes
              && task.generic().entrySet().stream()
                  .allMatch(e -> n.generic.getOrDefault(e.getKey(), 0L) >= e.getValue());
      case CONSTRAINTS -> matches(constraints, n.node);
      case PLATFORM -> task.platforms().stream().anyMatch(p -> platformEqual(p, n.node));
      case HOST_PORT -> task.hostPorts().stream().noneMatch(n.hostPorts::contains);
      case MAX_REPLICAS -> n.tasksOf(task.name()) < task.maxReplicas();
    };
  }

  /**
   * swarmkit's Explain: failing filters, most failures first (ties in filter order), joined by ";
   * ".
   */
  String explain() {
    // an EnumMap iterates in filter order; the stable sort keeps it for ties
    List<Filter> failing = new ArrayList<>(failures.keySet());
    failing.sort((a, b) -> Integer.compare(failures.get(b), failures.get(a)));
    List<String> parts = new ArrayList<>();
    for (Filter f : failing) {
      parts.add(f.explain(failures.get(f)));
    }
    return String.join("; ", parts);
  }

  private static String normalizeArch(String arch) {
    return switch (arch) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  private static boolean platformEqual(String[] image, Node node) {
    String arch = normalizeArch(image[1]);
    return (arch.isEmpty() || arch.equals(normalizeArch(node.arch())))
        && (image[0].isEmpty() || image[0].equals(node.os()));
  }

  /**
   * swarmkit's constraint.NodeMatches: values compare case-insensitively, label names are
   * case-sensitive.
   */
  static boolean matches(List<Constraint> constraints, Node node) {
    for (Constraint c : constraints) {
      if (!c.isValid()) {
        continue;
      }
      String key = c.key().orElseThrow();
      String lower = key.toLowerCase(Locale.ROOT);
      String actual;
      if (lower.equals("node.id")) {
        actual = node.id();
      } else if (lower.equals("node.hostname")) {
        actual = node.hostname();
      } else if (lower.equals("node.role")) {
        actual = node.role().name();
      } else if (lower.equals("node.platform.os")) {
        actual = node.os();
      } else if (lower.equals("node.platform.arch")) {
        actual = node.arch();
      } else if (lower.startsWith("node.labels.") && key.length() > "node.labels.".length()) {
        actual = node.labels().getOrDefault(key.substring("node.labels.".length()), "");
      } else if (lower.startsWith("engine.labels.") && key.length() > "engine.labels.".length()) {
        actual = node.engineLabels().getOrDefault(key.substring("engine.labels.".length()), "");
      } else {
        // node.ip (the planner does not know node addresses) and unknown keys never match
        return false;
      }
      boolean equal = c.value().orElseThrow().equalsIgnoreCase(actual);
      if (equal != (c.operator().orElseThrow() == Constraint.Operator.EQ)) {
        return false;
      }
    }
    return true;
  }
}
