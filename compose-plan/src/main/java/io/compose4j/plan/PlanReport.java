package io.compose4j.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Plan} (and its {@link Cost}) as a readable table, as JSON or as an SVG picture.
 */
public final class PlanReport {
  private PlanReport() {}

  /**
   * Returns the plan's table: one line per node (zone, availability, CPU and memory reserved of the
   * node's, its tasks), the headroom per node, and the tasks that cannot be placed with Swarm's
   * reason; the first part of {@link #text}.
   */
  public static String table(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-14s %-6s %-8s %13s %17s  %s%n",
            "NODE",
            "ZONE",
            "STATE",
            "CPU reserved",
            "memory reserved",
            "tasks"));
    for (Plan.NodeUsage u : plan.nodes()) {
      Node n = u.node();
      out.append(
          String.format(
              Locale.ROOT,
              "%-14s %-6s %-8s %13s %17s  %s%n",
              n.hostname(),
              plan.cluster().zoneOf(n).orElse("-"),
              n.availability().name().toLowerCase(Locale.ROOT),
              cpus(u.reservedNanoCpus()) + "/" + cpus(n.nanoCpus()),
              mib(u.reservedMemoryBytes()) + "/" + mib(n.memoryBytes()),
              u.tasks().size() + ": " + String.join(" ", u.tasks())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "headroom: %s%n",
            String.join(
                ", ",
                plan.nodes().stream()
                    .map(
                        u ->
                            u.node().hostname()
                                + " "
                                + cpus(u.freeNanoCpus())
                                + " CPU "
                                + mib(u.freeMemoryBytes()))
                    .toList())));
    List<Plan.Task> unplaced = plan.unplaced();
    out.append(
        unplaced.isEmpty() ? "every task placed\n" : "NOT PLACED (" + unplaced.size() + "):\n");
    for (Plan.Task t : unplaced) {
      out.append("  ").append(t.name()).append(": ").append(t.reason().orElse("")).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns the plan as text: tasks per node with headroom, unplaced tasks, update room, losses,
   * cost.
   */
  public static String text(Plan plan, Optional<Cost> cost) {
    StringBuilder out = new StringBuilder(table(plan));
    out.append("rolling updates:\n");
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
    if (!plan.losses().isEmpty()) {
      out.append("losses:\n");
      for (Plan.Loss l : plan.losses()) {
        out.append("  ").append(l.what()).append(": ");
        if (l.fits()) {
          out.append("their replicated tasks all find another node\n");
        } else {
          out.append(l.unplaced().size()).append(" of their tasks find no other node\n");
          for (Plan.Task t : l.unplaced()) {
            out.append("    ")
                .append(t.name())
                .append(": ")
                .append(t.reason().orElse(""))
                .append('\n');
          }
        }
      }
    }
    cost.ifPresent(c -> out.append(cost(c)));
    return out.toString();
  }

  /**
   * Returns the cost as text: the cluster's monthly total and price per node, then each service's
   * share beside the managed offering's price for the same tasks, the unreserved rest, the totals
   * and the managed price's source; the last part of {@link #text}.
   */
  public static String cost(Cost c) {
    StringBuilder out = new StringBuilder();
    out.append("cost per month (")
        .append(c.currency())
        .append("): ")
        .append(money(c.total()))
        .append('\n');
    c.perNode()
        .forEach(
            (k, v) -> out.append("  node ").append(k).append(": ").append(money(v)).append('\n'));
    if (!c.unpriced().isEmpty()) {
      out.append("  no price for: ").append(String.join(", ", c.unpriced())).append('\n');
    }
    int width = 28;
    for (String service : c.perService().keySet()) {
      width = Math.max(width, service.length() + 3);
    }
    String row = "  %-" + width + "s %12s %12s%n";
    out.append(String.format(Locale.ROOT, row, "service (share of nodes)", "cluster", "managed"));
    for (Map.Entry<String, BigDecimal> e : c.perService().entrySet()) {
      BigDecimal m = c.managed().get(e.getKey());
      out.append(
          String.format(
              Locale.ROOT,
              row,
              e.getKey() + (c.fromLimits().contains(e.getKey()) ? " *" : ""),
              money(e.getValue()),
              m == null ? "-" : money(m)));
    }
    out.append(
        String.format(Locale.ROOT, "  %-" + width + "s %12s%n", "(unreserved)", money(c.idle())));
    if (!c.managed().isEmpty()) {
      out.append(
          String.format(Locale.ROOT, row, "total", money(c.total()), money(c.managedTotal())));
    }
    if (!c.fromLimits().isEmpty()) {
      out.append("  * reserves nothing: charged by its limits\n");
    }
    c.managedName().ifPresent(n -> out.append("  managed: ").append(n).append('\n'));
    return out.toString();
  }

  /**
   * Returns the plan as a self-contained SVG picture: one column per node (hostname, CPUs and
   * memory, zone, role, availability, price), each placed task a block whose height is its CPU
   * reservation's share of the node (its memory reservation's when no service reserves CPU; the
   * picture's legend says which), tasks that reserve none of it as thin blocks under the node, the
   * headroom on top, the node and zone losses that leave tasks unplaced marked in red, and below
   * the columns every unplaced task with Swarm's reason, the losses' tasks, the rolling updates
   * without room, the services and the cost. All text is escaped for XML; the same plan gives the
   * same bytes.
   */
  public static String svg(Plan plan, Optional<Cost> cost) {
    return PlanSvg.render(plan, cost);
  }

  /** Returns the plan as one JSON object. */
  public static String json(Plan plan, Optional<Cost> cost) {
    StringBuilder o = new StringBuilder("{\"nodes\":[");
    List<String> items = new ArrayList<>();
    for (Plan.NodeUsage u : plan.nodes()) {
      items.add(
          "{\"hostname\":"
              + q(u.node().hostname())
              + ",\"zone\":"
              + plan.cluster().zoneOf(u.node()).map(PlanReport::q).orElse("null")
              + ",\"availability\":"
              + q(u.node().availability().name().toLowerCase(Locale.ROOT))
              + ",\"nanoCpus\":"
              + u.node().nanoCpus()
              + ",\"memoryBytes\":"
              + u.node().memoryBytes()
              + ",\"reservedNanoCpus\":"
              + u.reservedNanoCpus()
              + ",\"reservedMemoryBytes\":"
              + u.reservedMemoryBytes()
              + ",\"tasks\":"
              + list(u.tasks())
              + "}");
    }
    o.append(String.join(",", items)).append("],\"tasks\":[");
    items.clear();
    for (Plan.Task t : plan.tasks()) {
      items.add(task(t));
    }
    o.append(String.join(",", items)).append("],\"updates\":[");
    items.clear();
    for (Plan.UpdateRoom u : plan.updates()) {
      items.add(
          "{\"service\":"
              + q(u.service())
              + ",\"order\":"
              + q(u.order())
              + ",\"parallelism\":"
              + u.parallelism()
              + ",\"room\":"
              + u.room()
              + ",\"reason\":"
              + u.reason().map(PlanReport::q).orElse("null")
              + "}");
    }
    o.append(String.join(",", items)).append("],\"losses\":[");
    items.clear();
    for (Plan.Loss l : plan.losses()) {
      List<String> ts = new ArrayList<>();
      l.unplaced().forEach(t -> ts.add(task(t)));
      items.add(
          "{\"lost\":"
              + q(l.what())
              + ",\"nodes\":"
              + list(l.lostNodes())
              + ",\"fits\":"
              + l.fits()
              + ",\"unplaced\":["
              + String.join(",", ts)
              + "]}");
    }
    o.append(String.join(",", items)).append("],\"fits\":").append(plan.fits());
    cost.ifPresent(
        c -> {
          o.append(",\"cost\":{\"currency\":")
              .append(q(c.currency()))
              .append(",\"total\":")
              .append(money(c.total()))
              .append(",\"perNode\":")
              .append(amounts(c.perNode()))
              .append(",\"perService\":")
              .append(amounts(c.perService()))
              .append(",\"unreserved\":")
              .append(money(c.idle()))
              .append(",\"chargedByLimits\":")
              .append(list(c.fromLimits()))
              .append(",\"managed\":")
              .append(amounts(c.managed()))
              .append(",\"managedTotal\":")
              .append(money(c.managedTotal()))
              .append(",\"managedSource\":")
              .append(c.managedName().map(PlanReport::q).orElse("null"))
              .append('}');
        });
    return o.append("}\n").toString();
  }

  private static String task(Plan.Task t) {
    return "{\"name\":"
        + q(t.name())
        + ",\"service\":"
        + q(t.service())
        + ",\"node\":"
        + t.node().map(PlanReport::q).orElse("null")
        + ",\"reason\":"
        + t.reason().map(PlanReport::q).orElse("null")
        + "}";
  }

  private static String amounts(Map<String, BigDecimal> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(q(k) + ":" + money(v)));
    return "{" + String.join(",", parts) + "}";
  }

  private static String list(List<String> values) {
    return "[" + String.join(",", values.stream().map(PlanReport::q).toList()) + "]";
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String cpus(long nano) {
    return BigDecimal.valueOf(nano, 9).stripTrailingZeros().toPlainString();
  }

  private static String mib(long bytes) {
    return (bytes / (1024 * 1024)) + "M";
  }
}
