package io.compose4j.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stack's tasks go on a cluster, as {@link Planner} computed it.
 *
 * @param cluster the cluster planned on
 * @param services the services, in planning order
 * @param tasks every task, placed or not
 * @param nodes what each node runs and has left
 * @param updates whether each service's rolling update has room
 * @param losses what losing each node, then each zone, does
 */
public record Plan(
    Cluster cluster,
    List<ServiceInfo> services,
    List<Task> tasks,
    List<NodeUsage> nodes,
    List<UpdateRoom> updates,
    List<Loss> losses) {

  /** Copies the lists. */
  public Plan {
    services = List.copyOf(services);
    tasks = List.copyOf(tasks);
    nodes = List.copyOf(nodes);
    updates = List.copyOf(updates);
    losses = List.copyOf(losses);
  }

  /**
   * One service as planned.
   *
   * @param name {@code stack_service}, as Swarm names it
   * @param mode {@code replicated}, {@code global}, {@code replicated-job} or {@code global-job}
   * @param nanoCpus CPUs reserved per task (billionths)
   * @param memoryBytes memory reserved per task
   * @param costNanoCpus CPUs a task is charged for: the reservation, else the limit
   * @param costMemoryBytes memory a task is charged for: the reservation, else the limit
   * @param costFromLimits whether nothing is reserved and the limits were used for cost
   */
  public record ServiceInfo(
      String name,
      String mode,
      long nanoCpus,
      long memoryBytes,
      long costNanoCpus,
      long costMemoryBytes,
      boolean costFromLimits) {}

  /**
   * One task.
   *
   * @param name {@code service.slot} for replicated services, {@code service.node-id} for global
   *     ones
   * @param service the service's name
   * @param node the hostname of the node it runs on, if placed
   * @param reason why it cannot be placed, in Swarm's words ({@code no suitable node (...)}), if
   *     not placed
   */
  public record Task(String name, String service, Optional<String> node, Optional<String> reason) {
    /** Returns whether the task was placed. */
    public boolean placed() {
      return node.isPresent();
    }
  }

  /**
   * What a node runs and has left.
   *
   * @param node the node
   * @param tasks the names of its tasks, in placement order
   * @param reservedNanoCpus CPUs reserved by its tasks
   * @param reservedMemoryBytes memory reserved by its tasks
   * @param freeGeneric generic resources left, by kind
   */
  public record NodeUsage(
      Node node,
      List<String> tasks,
      long reservedNanoCpus,
      long reservedMemoryBytes,
      Map<String, Long> freeGeneric) {
    /** Returns the CPUs left to reserve (billionths). */
    public long freeNanoCpus() {
      return node.nanoCpus() - reservedNanoCpus;
    }

    /** Returns the memory left to reserve. */
    public long freeMemoryBytes() {
      return node.memoryBytes() - reservedMemoryBytes;
    }
  }

  /**
   * Whether a rolling update of a service can proceed.
   *
   * @param service the service's name
   * @param order {@code stop-first} or {@code start-first}
   * @param parallelism tasks updated at once
   * @param room whether the first batch of new tasks can be placed beside the old ones
   * @param reason why not, in Swarm's words
   */
  public record UpdateRoom(
      String service, String order, long parallelism, boolean room, Optional<String> reason) {}

  /**
   * What losing some nodes does: their replicated tasks are rescheduled on the others (global tasks
   * on them simply end).
   *
   * @param what {@code node <hostname>} or {@code zone <name>}
   * @param lostNodes the hostnames lost
   * @param unplaced the replicated tasks that ran on the lost nodes and then cannot be placed
   *     elsewhere, with Swarm's reason (tasks that were already pending are not repeated)
   */
  public record Loss(String what, List<String> lostNodes, List<Task> unplaced) {
    /** Returns whether every replicated task that ran on the lost nodes finds another node. */
    public boolean fits() {
      return unplaced.isEmpty();
    }
  }

  /** Returns the tasks that could not be placed. */
  public List<Task> unplaced() {
    List<Task> out = new ArrayList<>();
    for (Task t : tasks) {
      if (!t.placed()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Returns whether every task is placed. */
  public boolean fits() {
    return unplaced().isEmpty();
  }

  /** Returns the usage of the node with this hostname. */
  public Optional<NodeUsage> node(String hostname) {
    return nodes.stream().filter(n -> n.node().hostname().equals(hostname)).findFirst();
  }

  /** Returns the hostname of each placed task of a service, in task order. */
  public List<String> nodesOf(String service) {
    List<String> out = new ArrayList<>();
    for (Task t : tasks) {
      if (t.service().equals(service) && t.placed()) {
        out.add(t.node().orElseThrow());
      }
    }
    return out;
  }
}
