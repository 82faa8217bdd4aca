package io.compose4j.plan;

import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Places the tasks of one or more stacks on a {@link Cluster} the way Swarm's scheduler
 * (moby/swarmkit {@code manager/scheduler}) does: the filters in swarmkit's order (node ready and
 * active, resource reservations including generic resources, placement constraints, platform,
 * host-mode published ports, {@code max_replicas_per_node}), global services on every active node
 * that satisfies their constraints, and for replicated services and jobs the strategy: {@code
 * spread} preferences level by level, then the node with the fewest tasks of the service, then the
 * fewest tasks. Tasks that cannot be placed carry Swarm's own reason ({@code no suitable node
 * (insufficient resources on 2 nodes)}).
 *
 * <p>Order: global services first (swarmkit places preassigned tasks before task groups), then
 * replicated services and jobs, each by name ({@code stack_service}). Swarm's own order between
 * services deployed together is not defined (docker stack deploy walks a Go map); where services
 * compete for the last resources, the real result can differ.
 *
 * <pre>{@code
 * Plan plan = Planner.on(cluster).plan(Map.of("cloudmart", stack));
 * }</pre>
 */
public final class Planner {
  private final Cluster cluster;

  private Planner(Cluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  /** Returns a planner for this cluster. */
  public static Planner on(Cluster cluster) {
    return new Planner(cluster);
  }

  /** Plans one stack under its name ({@code name:}, else {@code stack}). */
  public Plan plan(Stack stack) {
    return plan(Map.of(stack.name().orElse("stack"), stack));
  }

  /**
   * Plans stacks deployed together, by stack name (services are named {@code stack_service} as in
   * Swarm).
   */
  public Plan plan(Map<String, Stack> stacks) {
    List<TaskSpec> specs = new ArrayList<>();
    for (Map.Entry<String, Stack> s : new LinkedHashMap<>(stacks).entrySet()) {
      for (Map.Entry<String, Service> svc : s.getValue().services().entrySet()) {
        specs.add(TaskSpec.of(s.getKey() + "_" + svc.getKey(), svc.getValue()));
      }
    }
    // docker stack deploy creates services in Go map order: the planner takes them by name, so a
    // stack gives the same answer however its file or code orders them
    specs.sort(Comparator.comparing(TaskSpec::name));
    List<TaskSpec> ordered = new ArrayList<>();
    specs.stream().filter(TaskSpec::global).forEach(ordered::add);
    specs.stream().filter(t -> !t.global()).forEach(ordered::add);

    List<NodeState> states = new ArrayList<>();
    for (Node n : cluster.nodes()) {
      states.add(new NodeState(n));
    }
    Map<String, Plan.Task> tasks = place(ordered, states);

    List<Plan.ServiceInfo> services = new ArrayList<>();
    for (TaskSpec t : ordered) {
      String mode =
          t.global()
              ? (t.job() ? "global-job" : "global")
              : (t.job() ? "replicated-job" : "replicated");
      services.add(
          new Plan.ServiceInfo(
              t.name(),
              mode,
              t.nanoCpus(),
              t.memoryBytes(),
              t.costNanoCpus(),
              t.costMemoryBytes(),
              t.costFromLimits()));
    }
    return new Plan(
        cluster,
        services,
        List.copyOf(tasks.values()),
        usage(states),
        updates(ordered, states),
        losses(ordered, states, tasks));
  }

  private Map<String, Plan.Task> place(List<TaskSpec> specs, List<NodeState> states) {
    Map<String, Plan.Task> tasks = new LinkedHashMap<>();
    Scheduler scheduler = new Scheduler(states);
    for (TaskSpec spec : specs) {
      if (spec.global()) {
        for (NodeState node : states) {
          // the global orchestrator: no task on drained or paused nodes, nor where constraints fail
          if (node.node.availability() != Node.Availability.ACTIVE
              || !Pipeline.matches(spec.constraints(), node.node)) {
            continue;
          }
          String name = spec.name() + "." + node.node.id();
          String reason = scheduler.fitPreassigned(spec, name, node);
          tasks.put(
              name,
              reason.isEmpty()
                  ? new Plan.Task(
                      name, spec.name(), Optional.of(node.node.hostname()), Optional.empty())
                  : new Plan.Task(name, spec.name(), Optional.empty(), Optional.of(reason)));
        }
      } else {
        List<String> names = new ArrayList<>();
        for (int slot = 1; slot <= spec.replicas(); slot++) {
          names.add(spec.name() + "." + slot);
        }
        record(tasks, spec, scheduler.scheduleGroup(spec, names));
      }
    }
    return tasks;
  }

  private static void record(
      Map<String, Plan.Task> tasks, TaskSpec spec, Scheduler.Outcome outcome) {
    for (int i = 0; i < outcome.taskNames().size(); i++) {
      String name = outcome.taskNames().get(i);
      String node = outcome.nodes().get(i);
      tasks.put(
          name,
          node != null
              ? new Plan.Task(name, spec.name(), Optional.of(node), Optional.empty())
              : new Plan.Task(name, spec.name(), Optional.empty(), Optional.of(outcome.reason())));
    }
  }

  private static List<Plan.NodeUsage> usage(List<NodeState> states) {
    List<Plan.NodeUsage> out = new ArrayList<>();
    for (NodeState s : states) {
      out.add(
          new Plan.NodeUsage(
              s.node,
              List.copyOf(s.tasks.keySet()),
              s.node.nanoCpus() - s.nanoCpus,
              s.node.memoryBytes() - s.memoryBytes,
              Map.copyOf(s.generic)));
    }
    return out;
  }

  /**
   * A start-first update places each batch of new tasks while the old ones still hold their
   * reservations (and host ports); the first batch is tried on the planned cluster. A stop-first
   * update frees a task's reservations before its replacement is placed.
   */
  private static List<Plan.UpdateRoom> updates(List<TaskSpec> specs, List<NodeState> planned) {
    List<Plan.UpdateRoom> out = new ArrayList<>();
    for (TaskSpec spec : specs) {
      if (spec.job()) {
        continue; // jobs are not rolling-updated
      }
      if (!spec.updateOrder().equals("start-first")) {
        out.add(
            new Plan.UpdateRoom(
                spec.name(), spec.updateOrder(), spec.parallelism(), true, Optional.empty()));
        continue;
      }
      List<NodeState> states = NodeState.copyAll(planned);
      Scheduler scheduler = new Scheduler(states);
      String reason = "";
      if (spec.global()) {
        for (NodeState node : states) {
          if (node.tasksOf(spec.name()) > 0) {
            reason = scheduler.checkOn(spec, node);
            if (!reason.isEmpty()) {
              reason = reason + " (on " + node.node.hostname() + ")";
              break;
            }
          }
        }
      } else {
        int running = 0;
        for (NodeState node : states) {
          running += node.tasksOf(spec.name());
        }
        long batch = spec.parallelism() == 0 ? running : Math.min(spec.parallelism(), running);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= batch; i++) {
          names.add(spec.name() + ".new" + i);
        }
        if (!names.isEmpty()) {
          reason = scheduler.scheduleGroup(spec, names).reason();
        }
      }
      out.add(
          new Plan.UpdateRoom(
              spec.name(),
              spec.updateOrder(),
              spec.parallelism(),
              reason.isEmpty(),
              reason.isEmpty() ? Optional.empty() : Optional.of(reason)));
    }
    return out;
  }

  private List<Plan.Loss> losses(
      List<TaskSpec> specs, List<NodeState> planned, Map<String, Plan.Task> tasks) {
    List<Plan.Loss> out = new ArrayList<>();
    if (cluster.nodes().size() > 1) {
      for (Node n : cluster.nodes()) {
        out.add(loss("node " + n.hostname(), Set.of(n.hostname()), specs, planned, tasks));
      }
    }
    List<String> zones = cluster.zones();
    if (zones.size() > 1) {
      for (String zone : zones) {
        Set<String> lost = new LinkedHashSet<>();
        for (Node n : cluster.nodes()) {
          if (cluster.zoneOf(n).filter(zone::equals).isPresent()) {
            lost.add(n.hostname());
          }
        }
        out.add(loss("zone " + zone, lost, specs, planned, tasks));
      }
    }
    return out;
  }

  private static Plan.Loss loss(
      String what,
      Set<String> lost,
      List<TaskSpec> specs,
      List<NodeState> planned,
      Map<String, Plan.Task> tasks) {
    List<NodeState> left = new ArrayList<>();
    for (NodeState s : planned) {
      if (!lost.contains(s.node.hostname())) {
        left.add(s.copy());
      }
    }
    Map<String, List<String>> orphans = new HashMap<>();
    for (Plan.Task t : tasks.values()) {
      // the tasks that ran on the lost nodes; tasks that were already pending stay pending
      boolean orphan = t.node().map(lost::contains).orElse(false);
      if (orphan) {
        orphans.computeIfAbsent(t.service(), k -> new ArrayList<>()).add(t.name());
      }
    }
    Scheduler scheduler = new Scheduler(left);
    List<Plan.Task> unplaced = new ArrayList<>();
    for (TaskSpec spec : specs) {
      List<String> names = orphans.get(spec.name());
      if (spec.global() || names == null) {
        continue; // a global service's task ends with its node; one that did not fit still does not
      }
      Scheduler.Outcome o = scheduler.scheduleGroup(spec, names);
      for (int i = 0; i < names.size(); i++) {
        if (o.nodes().get(i) == null) {
          unplaced.add(
              new Plan.Task(names.get(i), spec.name(), Optional.empty(), Optional.of(o.reason())));
        }
      }
    }
    return new Plan.Loss(what, List.copyOf(lost), unplaced);
  }
}
