package io.compose4j.examples;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Stack;
import io.compose4j.plan.Cluster;
import io.compose4j.plan.Cost;
import io.compose4j.plan.Node;
import io.compose4j.plan.Plan;
import io.compose4j.plan.PlanReport;
import io.compose4j.plan.Planner;
import io.compose4j.plan.PriceTable;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The founding brief's question, answered with {@code compose-plan}: will cloudmart-prod and
 * monitoring run on three t3.large nodes (2 vCPU, 8 GiB) in two availability zones, what happens
 * when a node or a zone is lost, is there room for rolling updates, and what does it cost beside a
 * managed container service? Run with {@code mvn -B -q -pl examples exec:java@plan-brief}.
 *
 * <p>The cluster is built in Java ({@link #cluster()}), the same as {@code
 * samples/brief-cluster.yml}; the prices come from the table bundled with compose-plan.
 */
public final class PlanBrief {
  private PlanBrief() {}

  /** The brief's price of a t3.large, a month. */
  static final BigDecimal BRIEF_PRICE = BigDecimal.valueOf(150);

  /**
   * The answer to the brief.
   *
   * @param stacks the stacks planned together, by name
   * @param plan the plan on the three nodes
   * @param worst the node whose loss leaves the most tasks without a node (the first of equals)
   * @param withoutWorst the stacks planned afresh on the other two nodes
   * @param cost the cost at the brief's price per node, beside the managed offering
   * @param listPrice the cluster's monthly price at the price table's on-demand price for its
   *     instance types
   */
  public record Answer(
      Map<String, Stack> stacks,
      Plan plan,
      Plan.Loss worst,
      Plan withoutWorst,
      Cost cost,
      BigDecimal listPrice) {}

  /**
   * Prints the answer; the stacks' config files are copied into the folder given as the first
   * argument.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/target/stacks");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(render(answer(dir)));
  }

  /**
   * Returns the brief's cluster: node-1 (manager) and node-2 in zone a, node-3 in zone b, t3.large
   * at $150 a month.
   */
  public static Cluster cluster() {
    List<Node> nodes = new ArrayList<>();
    String[][] spec = {{"node-1", "a"}, {"node-2", "a"}, {"node-3", "b"}};
    for (String[] s : spec) {
      nodes.add(
          Node.builder(s[0])
              .role(s[0].equals("node-1") ? Node.Role.MANAGER : Node.Role.WORKER)
              .label("zone", s[1])
              .label("type", "database")
              .cpus(Cpus.of(2))
              .memory(ByteSize.gib(8))
              .instanceType("t3.large")
              .pricePerMonth(BRIEF_PRICE)
              .build());
    }
    return Cluster.of(nodes);
  }

  /**
   * Plans cloudmart-prod and monitoring (their config files copied into {@code dir}) on {@link
   * #cluster()}.
   */
  public static Answer answer(Path dir) throws IOException {
    Main.copyFiles(dir);
    Map<String, Stack> stacks = new LinkedHashMap<>();
    stacks.put("cloudmart-prod", CloudmartProd.stack(dir));
    stacks.put("monitoring", Monitoring.stack(dir));
    Cluster cluster = cluster();
    Plan plan = Planner.on(cluster).plan(stacks);
    Plan.Loss worst = null;
    for (Plan.Loss l : plan.losses()) {
      if (l.what().startsWith("node ")
          && (worst == null || l.unplaced().size() > worst.unplaced().size())) {
        worst = l;
      }
    }
    if (worst == null) {
      throw new IllegalStateException("the plan has no node losses");
    }
    List<String> lost = worst.lostNodes();
    Plan withoutWorst = Planner.on(cluster.without(n -> lost.contains(n.hostname()))).plan(stacks);
    PriceTable prices = PriceTable.bundled();
    BigDecimal listPrice = BigDecimal.ZERO;
    for (Node n : cluster.nodes()) {
      listPrice =
          listPrice.add(prices.instances().get(n.instanceType().orElseThrow()).pricePerMonth());
    }
    return new Answer(stacks, plan, worst, withoutWorst, Cost.of(plan, prices), listPrice);
  }

  /** Returns the answer as the program prints it. */
  public static String render(Answer a) {
    StringBuilder out = new StringBuilder();
    Plan plan = a.plan();
    out.append("cloudmart-prod + monitoring on the brief's cluster: ")
        .append(nodes(plan.cluster()))
        .append("\n\n");
    out.append("1. The plan: ").append(placed(plan)).append('\n').append(PlanReport.table(plan));

    out.append("\n2. One node lost: the worst is ")
        .append(String.join(", ", a.worst().lostNodes()))
        .append(": ")
        .append(a.worst().unplaced().size())
        .append(" of its tasks find no other node\n");
    for (Plan.Task t : a.worst().unplaced()) {
      out.append("  ").append(t.name()).append(": ").append(t.reason().orElse("")).append('\n');
    }
    for (Plan.Loss l : plan.losses()) {
      if (l.what().startsWith("node ") && !l.equals(a.worst())) {
        out.append("  (")
            .append(l.what())
            .append(": ")
            .append(l.unplaced().size())
            .append(" tasks find no other node)\n");
      }
    }
    out.append("deployed afresh on the nodes left: ")
        .append(placed(a.withoutWorst()))
        .append('\n')
        .append(PlanReport.table(a.withoutWorst()));

    out.append("\n3. One zone lost\n");
    for (Plan.Loss l : plan.losses()) {
      if (l.what().startsWith("zone ")) {
        out.append("  ")
            .append(l.what())
            .append(" (")
            .append(String.join(", ", l.lostNodes()))
            .append("): ")
            .append(
                l.fits()
                    ? "every task finds another node"
                    : l.unplaced().size()
                        + " tasks find no other node: "
                        + String.join(", ", l.unplaced().stream().map(Plan.Task::name).toList()))
            .append('\n');
      }
    }

    out.append("\n4. Rolling updates\n");
    for (Plan.UpdateRoom u : plan.updates()) {
      out.append("  ")
          .append(u.service())
          .append(" (")
          .append(u.order())
          .append(", parallelism ")
          .append(u.parallelism())
          .append("): ")
          .append(
              u.room()
                  ? (u.order().equals("start-first")
                      ? "room for the new tasks"
                      : "no extra room needed")
                  : "NO ROOM: " + u.reason().orElse(""))
          .append('\n');
    }

    Cost c = a.cost();
    out.append("\n5. Cost per month (").append(c.currency()).append(")\n");
    out.append("  the three nodes: ")
        .append(money(c.total()))
        .append(" at the brief's ")
        .append(money(BRIEF_PRICE))
        .append(" a node, ")
        .append(money(a.listPrice()))
        .append(" at the on-demand list price; on ")
        .append(c.managedName().map(m -> m.split(", \\$", -1)[0]).orElse("the managed offering"))
        .append(": ")
        .append(money(c.managedTotal()))
        .append('\n');
    out.append(PlanReport.cost(c));
    return out.toString();
  }

  private static String nodes(Cluster cluster) {
    List<String> parts = new ArrayList<>();
    for (Node n : cluster.nodes()) {
      parts.add(
          n.hostname()
              + " ("
              + n.role().name().toLowerCase(java.util.Locale.ROOT)
              + ", zone "
              + cluster.zoneOf(n).orElse("-")
              + ")");
    }
    Node first = cluster.nodes().get(0);
    return String.join(", ", parts)
        + "; "
        + BigDecimal.valueOf(first.nanoCpus(), 9).stripTrailingZeros().toPlainString()
        + " CPUs and "
        + first.memoryBytes() / (1024 * 1024 * 1024)
        + " GiB each";
  }

  private static String placed(Plan plan) {
    return (plan.tasks().size() - plan.unplaced().size())
        + " of "
        + plan.tasks().size()
        + " tasks placed on "
        + plan.nodes().size()
        + " nodes";
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** Returns the plan's picture (the one in {@code docs/plan-brief.svg}). */
  public static String svg(Answer a) {
    return PlanReport.svg(a.plan(), Optional.of(a.cost()));
  }
}
