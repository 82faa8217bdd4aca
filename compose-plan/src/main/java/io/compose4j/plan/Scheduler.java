package io.compose4j.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * swarmkit's scheduling of one task group ({@code manager/scheduler/scheduler.go}
 * scheduleTaskGroup, scheduleNTasksOnSubtree, scheduleNTasksOnNodes; {@code nodeset.go} tree;
 * {@code decision_tree.go} orderedNodes), and of a preassigned (global) task (taskFitNode). Where
 * swarmkit iterates a Go map (nodes, spread branches) the order is random; here it is the cluster's
 * node order and the branch values in sorted order.
 */
final class Scheduler {
  private final Pipeline pipeline = new Pipeline();
  private final List<NodeState> nodes;
  private TaskSpec spec;
  private int remaining;
  private List<String> names;
  private List<String> placedOn;

  Scheduler(List<NodeState> nodes) {
    this.nodes = nodes;
  }

  /**
   * The outcome of scheduling a group: the node of each task (null: not placed) and the reason for
   * the others.
   */
  record Outcome(List<String> taskNames, List<String> nodes, String reason) {}

  /** Schedules a group of equal tasks of one replicated service or job. */
  Outcome scheduleGroup(TaskSpec spec, List<String> taskNames) {
    this.spec = spec;
    this.names = taskNames;
    this.remaining = taskNames.size();
    this.placedOn = new ArrayList<>();
    pipeline.setTask(spec);
    Tree tree = tree(taskNames.size());
    scheduleOnSubtree(taskNames.size(), tree);
    String reason = "";
    if (remaining > 0) {
      String explanation = pipeline.explain();
      reason =
          explanation.isEmpty() ? "no suitable node" : "no suitable node (" + explanation + ")";
    }
    List<String> result = new ArrayList<>(placedOn);
    while (result.size() < taskNames.size()) {
      result.add(null);
    }
    return new Outcome(taskNames, result, reason);
  }

  /**
   * Places a preassigned task (a global service's task on its node): swarmkit's taskFitNode.
   * Returns "" when it fits, else the pipeline's explanation (without "no suitable node").
   */
  String fitPreassigned(TaskSpec spec, String taskName, NodeState node) {
    pipeline.setTask(spec);
    if (!pipeline.process(node)) {
      return preassignedReason(pipeline.explain());
    }
    node.add(spec, taskName);
    return "";
  }

  /** Whether one more task of the spec would pass the filters on the node (nothing is added). */
  String checkOn(TaskSpec spec, NodeState node) {
    pipeline.setTask(spec);
    return pipeline.process(node) ? "" : preassignedReason(pipeline.explain());
  }

  /**
   * What a preassigned task that fails the filters shows. The scheduler leaves it pending with the
   * pipeline's explanation, but a task whose reservations do not fit its node is then rejected by
   * the constraint enforcer (manager/orchestrator/constraintenforcer), and the global orchestrator
   * starts it again, in a loop: docker service ps shows that error (seen on Docker 20.10's
   * single-node Swarm).
   */
  static String preassignedReason(String explanation) {
    return explanation.startsWith("insufficient resources")
        ? "assigned node no longer meets constraints"
        : explanation;
  }

  private static final class Tree {
    int tasks;
    TreeMap<String, Tree> next;
    final List<NodeState> heap = new ArrayList<>();
    boolean collapsed;
  }

  private boolean less(NodeState a, NodeState b) {
    int sa = a.tasksOf(spec.name());
    int sb = b.tasksOf(spec.name());
    if (sa != sb) {
      return sa < sb;
    }
    return a.activeTasks < b.activeTasks;
  }

  private final Comparator<NodeState> order = (a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : 0;

  private Tree tree(int maxAssignments) {
    Tree root = new Tree();
    if (maxAssignments == 0) {
      return root;
    }
    for (NodeState node : nodes) {
      Tree t = root;
      for (String descriptor : spec.spreads()) {
        String lower = descriptor.toLowerCase(Locale.ROOT);
        String value;
        if (lower.startsWith("node.labels.") && descriptor.length() > "node.labels.".length()) {
          value =
              node.node.labels().getOrDefault(descriptor.substring("node.labels.".length()), "");
        } else if (lower.startsWith("engine.labels.")
            && descriptor.length() > "engine.labels.".length()) {
          value =
              node.node
                  .engineLabels()
                  .getOrDefault(descriptor.substring("engine.labels.".length()), "");
        } else {
          continue; // swarmkit spreads only over node and engine labels
        }
        t.tasks += node.tasksOf(spec.name());
        if (t.next == null) {
          t.next = new TreeMap<>();
        }
        t = t.next.computeIfAbsent(value, v -> new Tree());
      }
      t.tasks += node.tasksOf(spec.name());
      if (t.heap.size() < maxAssignments) {
        if (pipeline.process(node)) {
          t.heap.add(node);
        }
      } else {
        int worst = worst(t.heap);
        if (less(node, t.heap.get(worst)) && pipeline.process(node)) {
          t.heap.set(worst, node);
        }
      }
    }
    return root;
  }

  private int worst(List<NodeState> heap) {
    int w = 0;
    for (int i = 1; i < heap.size(); i++) {
      if (less(heap.get(w), heap.get(i))) {
        w = i;
      }
    }
    return w;
  }

  private List<NodeState> orderedNodes(Tree leaf) {
    if (leaf.collapsed) {
      // the nodes may have changed: filter them again (swarmkit re-evaluates constraints here)
      for (int i = 0; i < leaf.heap.size(); ) {
        if (pipeline.process(leaf.heap.get(i))) {
          i++;
        } else {
          int last = leaf.heap.size() - 1;
          leaf.heap.set(i, leaf.heap.get(last));
          leaf.heap.remove(last);
        }
      }
    }
    leaf.heap.sort(order);
    leaf.collapsed = true;
    return leaf.heap;
  }

  private int scheduleOnSubtree(int n, Tree tree) {
    if (tree.next == null) {
      List<NodeState> ordered = orderedNodes(tree);
      if (ordered.isEmpty()) {
        return 0;
      }
      return scheduleOnNodes(n, ordered);
    }
    int scheduled = 0;
    int usable = tree.tasks;
    Set<Tree> noRoom = new HashSet<>();
    boolean converging = true;
    while (scheduled != n && noRoom.size() != tree.next.size() && converging) {
      int branches = tree.next.size() - noRoom.size();
      int desired = (usable + n - scheduled) / branches;
      int remainder = (usable + n - scheduled) % branches;
      converging = false;
      for (Tree subtree : tree.next.values()) {
        if (noRoom.contains(subtree)) {
          continue;
        }
        int subtreeTasks = subtree.tasks;
        if (subtreeTasks < desired || (subtreeTasks == desired && remainder > 0)) {
          converging = true;
          int toAssign = desired - subtreeTasks;
          if (remainder > 0) {
            toAssign++;
          }
          int res = scheduleOnSubtree(toAssign, subtree);
          if (res < toAssign) {
            noRoom.add(subtree);
            usable -= subtreeTasks;
          } else if (remainder > 0) {
            remainder--;
          }
          scheduled += res;
        }
      }
    }
    return scheduled;
  }

  private int scheduleOnNodes(int n, List<NodeState> list) {
    int scheduled = 0;
    int count = list.size();
    boolean[] failed = new boolean[count];
    int iter = 0;
    while (remaining > 0) {
      NodeState node = list.get(iter % count);
      node.add(spec, names.get(placedOn.size()));
      placedOn.add(node.node.hostname());
      remaining--;
      scheduled++;
      if (scheduled == n) {
        return scheduled;
      }
      if (iter + 1 < count) {
        // first pass: fill the nodes until they have as many tasks of this service
        if (less(list.get((iter + 1) % count), node)) {
          iter++;
        }
      } else {
        iter++;
      }
      int orig = iter;
      while (failed[iter % count] || !pipeline.process(list.get(iter % count))) {
        failed[iter % count] = true;
        iter++;
        if (iter - orig == count) {
          return scheduled;
        }
      }
    }
    return scheduled;
  }
}
