package io.compose4j.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a {@link Plan} as a self-contained SVG picture (see {@link PlanReport#svg}). Every
 * coordinate is computed from the plan alone and written with {@link Locale#ROOT}, so the same plan
 * gives the same bytes.
 */
final class PlanSvg {
  /** The height of a node's capacity box, in pixels: a task's block is its share of it. */
  static final double BOX = 300;

  /** The height of the block of a task that reserves none of the pictured resource. */
  static final double THIN = 14;

  private static final int PAD = 20;
  private static final int COL = 240;
  private static final int GAP = 20;
  private static final double CHAR = 6.6;
  private static final int LINE = 16;
  private static final int WRAP = 120;
  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
    "#e15759", "#bab0ac", "#1f5f8b", "#b35806", "#2d7d32", "#6a3d9a", "#00838f", "#8c6d00",
    "#c2185b", "#5d4037", "#9e1b1b", "#616161"
  };

  private final Plan plan;
  private final Optional<Cost> cost;
  private final boolean memory;
  private final Map<String, Plan.ServiceInfo> services = new HashMap<>();
  private final Map<String, String> colours = new HashMap<>();
  private final Map<String, Plan.Task> tasks = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private PlanSvg(Plan plan, Optional<Cost> cost) {
    this.plan = plan;
    this.cost = cost;
    int i = 0;
    for (Plan.ServiceInfo s : plan.services()) {
      services.put(s.name(), s);
      colours.put(s.name(), COLOURS[i++ % COLOURS.length]);
    }
    plan.tasks().forEach(t -> tasks.put(t.name(), t));
    // CPU unless no service reserves CPU and some reserve memory: then memory, and the legend says
    // so
    boolean anyCpu = plan.services().stream().anyMatch(s -> s.nanoCpus() > 0);
    boolean anyMemory = plan.services().stream().anyMatch(s -> s.memoryBytes() > 0);
    this.memory = !anyCpu && anyMemory;
  }

  static String render(Plan plan, Optional<Cost> cost) {
    return new PlanSvg(plan, cost).render();
  }

  /**
   * Returns the pixel height of a task's block on a node: its reservation's share of the node, or
   * {@link #THIN}.
   */
  static double height(long reserved, long capacity) {
    return reserved <= 0 || capacity <= 0 ? THIN : BOX * reserved / capacity;
  }

  private String render() {
    int columns = Math.max(1, plan.nodes().size());
    int thinRows = 0;
    for (Plan.NodeUsage u : plan.nodes()) {
      int thin = 0;
      for (String t : u.tasks()) {
        if (reserved(services.get(tasks.get(t).service())) <= 0 || capacity(u.node()) <= 0) {
          thin++;
        }
      }
      thinRows = Math.max(thinRows, thin);
    }
    List<String[]> lower = lowerLines();
    int width =
        Math.max(
            PAD * 2 + columns * COL + (columns - 1) * GAP,
            PAD * 2 + 16 + (int) Math.ceil(WRAP * 6.2));
    for (String[] l : lower) {
      width = Math.max(width, PAD * 2 + 16 + (int) Math.ceil(l[1].length() * CHAR));
    }
    double boxTop = 170;
    double thinTop = boxTop + BOX + 24;
    double footTop = thinTop + thinRows * (THIN + 2) + 12;
    double lowerTop = footTop + 3 * LINE + 16;
    double height =
        lowerTop
            + lower.size() * LINE
            + (lower.stream().filter(l -> l[0].equals("heading")).count() - 1) * 6
            + PAD;

    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(n(height))
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(n(height))
        .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    List<Plan.Task> unplaced = plan.unplaced();
    out.append("<title>")
        .append(
            esc(
                "compose4j plan: "
                    + (plan.tasks().size() - unplaced.size())
                    + " of "
                    + plan.tasks().size()
                    + " tasks placed on "
                    + plan.nodes().size()
                    + " nodes"))
        .append("</title>\n");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(
        PAD,
        24,
        "compose4j plan: "
            + (plan.tasks().size() - unplaced.size())
            + " of "
            + plan.tasks().size()
            + " tasks placed on "
            + plan.nodes().size()
            + " nodes"
            + (unplaced.isEmpty() ? "" : ", " + unplaced.size() + " not placed"),
        "font-size=\"14\" font-weight=\"bold\"");
    text(
        PAD,
        42,
        "block height: the task's "
            + (memory ? "memory reservation (no service reserves CPU)" : "CPU reservation")
            + " as a share of its node",
        "fill=\"#444444\"");
    text(
        PAD,
        56,
        "thin blocks: tasks that reserve no "
            + (memory ? "memory" : "CPU")
            + "; green top: headroom (free to reserve)",
        "fill=\"#444444\"");
    zones();
    int col = 0;
    for (Plan.NodeUsage u : plan.nodes()) {
      node(u, PAD + col * (COL + GAP), boxTop, thinTop, footTop);
      col++;
    }
    double y = lowerTop;
    boolean first = true;
    for (String[] l : lower) {
      if (l[0].equals("heading") && !first) {
        y += 6;
      }
      first = false;
      int x = PAD;
      if (l[0].equals("service") || l[0].equals("unplaced")) {
        x += 16;
      }
      if (l.length > 2) {
        out.append("<rect x=\"")
            .append(PAD + 2)
            .append("\" y=\"")
            .append(n(y - 9))
            .append("\" width=\"10\" height=\"10\" fill=\"")
            .append(l[2])
            .append("\"/>\n");
      }
      out.append("<text class=\"")
          .append(l[0])
          .append("\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(n(y))
          .append('"')
          .append(style(l[0]))
          .append('>')
          .append(esc(l[1]))
          .append("</text>\n");
      y += LINE;
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private void zones() {
    List<Plan.NodeUsage> nodes = plan.nodes();
    int i = 0;
    while (i < nodes.size()) {
      Optional<String> zone = plan.cluster().zoneOf(nodes.get(i).node());
      int j = i;
      while (j + 1 < nodes.size() && plan.cluster().zoneOf(nodes.get(j + 1).node()).equals(zone)) {
        j++;
      }
      if (zone.isPresent()) {
        double x = PAD + i * (COL + GAP);
        double w = (j - i + 1) * COL + (j - i) * GAP;
        Optional<Plan.Loss> loss = loss("zone " + zone.get());
        boolean fits = loss.map(Plan.Loss::fits).orElse(true);
        out.append("<g class=\"zone\" data-zone=\"").append(esc(zone.get())).append("\">\n");
        out.append("<rect x=\"")
            .append(n(x))
            .append("\" y=\"66\" width=\"")
            .append(n(w))
            .append("\" height=\"20\" rx=\"3\" fill=\"")
            .append(loss.isEmpty() ? "#eeeeee" : fits ? "#e3f1df" : "#f9dcdc")
            .append("\"/>\n");
        String label =
            "zone "
                + zone.get()
                + loss.map(
                        l ->
                            l.fits()
                                ? " lost: all tasks find a node"
                                : " lost: "
                                    + l.unplaced().size()
                                    + " task"
                                    + (l.unplaced().size() == 1 ? "" : "s")
                                    + " find no node")
                    .orElse("");
        out.append("<title>").append(esc(label)).append("</title>\n");
        text(
            x + 6,
            80,
            fit(label, w - 12),
            loss.isPresent() && !fits ? "fill=\"#a01010\" font-weight=\"bold\"" : "");
        out.append("</g>\n");
      }
      i = j + 1;
    }
  }

  private void node(Plan.NodeUsage u, double x, double boxTop, double thinTop, double footTop) {
    Node node = u.node();
    out.append("<g class=\"node\" data-node=\"").append(esc(node.hostname())).append("\">\n");
    out.append("<title>").append(esc(node.hostname())).append("</title>\n");
    text(x, 106, fit(node.hostname(), COL), "font-size=\"13\" font-weight=\"bold\"");
    text(
        x,
        122,
        fit(cpus(node.nanoCpus()) + " CPUs, " + mib(node.memoryBytes()) + " memory", COL),
        "");
    text(
        x,
        138,
        fit(
            "zone "
                + plan.cluster().zoneOf(node).orElse("-")
                + ", "
                + node.role().name().toLowerCase(Locale.ROOT),
            COL),
        "");
    String state = node.availability().name().toLowerCase(Locale.ROOT);
    String price =
        cost.map(c -> c.perNode().get(node.hostname()))
            .map(p -> ", " + money(p) + " " + cost.get().currency() + "/month")
            .orElse("");
    text(x, 154, fit(state + price, COL), state.equals("active") ? "" : "fill=\"#a01010\"");
    out.append("<rect class=\"capacity\" x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(boxTop))
        .append("\" width=\"")
        .append(COL)
        .append("\" height=\"")
        .append(n(BOX))
        .append("\" fill=\"")
        .append(state.equals("active") ? "#f4f4f4" : "#dddddd")
        .append("\" stroke=\"#888888\"/>\n");
    double bottom = boxTop + BOX;
    double thinY = thinTop;
    long capacity = capacity(node);
    for (String name : u.tasks()) {
      Plan.Task t = tasks.get(name);
      Plan.ServiceInfo s = services.get(t.service());
      long reserved = reserved(s);
      boolean thin = reserved <= 0 || capacity <= 0;
      double h = height(reserved, capacity);
      double y;
      if (thin) {
        y = thinY;
        thinY += THIN + 2;
      } else {
        bottom -= h;
        y = bottom;
      }
      out.append("<g class=\"task")
          .append(thin ? " thin" : "")
          .append("\" data-task=\"")
          .append(esc(name))
          .append("\" data-service=\"")
          .append(esc(s.name()))
          .append("\">\n");
      out.append("<title>").append(esc(name + ": " + reservation(s))).append("</title>\n");
      out.append("<rect x=\"")
          .append(n(x + 1))
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(COL - 2)
          .append("\" height=\"")
          .append(n(h))
          .append("\" fill=\"")
          .append(colours.get(s.name()))
          .append("\" stroke=\"#ffffff\"")
          .append(thin ? " fill-opacity=\"0.55\"" : "")
          .append("/>\n");
      if (thin) {
        String other =
            memory
                ? (s.nanoCpus() > 0 ? " " + cpus(s.nanoCpus()) + " CPU" : "")
                : (s.memoryBytes() > 0 ? " " + mib(s.memoryBytes()) : "");
        text(x + 5, y + 11, fit(name + other, COL - 10), "font-size=\"10\"");
      } else if (h >= 26) {
        text(x + 5, y + 14, fit(name, COL - 10), "fill=\"#ffffff\"");
        text(x + 5, y + 27, fit(reservation(s), COL - 10), "fill=\"#ffffff\"");
      } else if (h >= 12) {
        text(
            x + 5,
            y + Math.min(h / 2 + 4, 14),
            fit(name + " " + reservation(s), COL - 10),
            "fill=\"#ffffff\"");
      }
      out.append("</g>\n");
    }
    if (thinY > thinTop) {
      text(
          x,
          thinTop - 6,
          "no " + (memory ? "memory" : "CPU") + " reservation:",
          "font-size=\"10\" fill=\"#444444\"");
    }
    long free = memory ? u.freeMemoryBytes() : u.freeNanoCpus();
    boolean active = node.availability() == Node.Availability.ACTIVE;
    if (capacity > 0 && free > 0 && active) {
      double h = BOX * free / capacity;
      out.append("<rect class=\"headroom\" x=\"")
          .append(n(x + 1))
          .append("\" y=\"")
          .append(n(boxTop))
          .append("\" width=\"")
          .append(COL - 2)
          .append("\" height=\"")
          .append(n(h))
          .append("\" fill=\"#e3f1df\" stroke=\"#59a14f\" stroke-dasharray=\"4 3\"/>\n");
      if (h >= 12) {
        text(x + 5, boxTop + Math.min(h / 2 + 4, 14), "free", "fill=\"#2e6b25\"");
      }
    }
    text(
        x,
        footTop + LINE,
        fit(
            active
                ? "headroom: " + cpus(u.freeNanoCpus()) + " CPU, " + mib(u.freeMemoryBytes())
                : "takes no new tasks (" + state + ")",
            COL),
        "class=\"free\"");
    Optional<Plan.Loss> loss = loss("node " + node.hostname());
    loss.ifPresent(
        l ->
            text(
                x,
                footTop + 2 * LINE,
                fit(
                    l.fits()
                        ? "if lost: all tasks find a node"
                        : "if lost: "
                            + l.unplaced().size()
                            + " task"
                            + (l.unplaced().size() == 1 ? "" : "s")
                            + " find no node",
                    COL),
                l.fits()
                    ? "class=\"loss\" fill=\"#2e6b25\""
                    : "class=\"loss\" fill=\"#a01010\" font-weight=\"bold\""));
    out.append("</g>\n");
  }

  /**
   * The lines below the columns: unplaced tasks, losses, updates without room, legend, cost; each
   * {class, text}.
   */
  private List<String[]> lowerLines() {
    List<String[]> lines = new ArrayList<>();
    List<Plan.Task> unplaced = plan.unplaced();
    lines.add(
        new String[] {
          "heading",
          unplaced.isEmpty() ? "every task placed" : "NOT PLACED (" + unplaced.size() + ")"
        });
    for (Plan.Task t : unplaced) {
      int first = lines.size();
      wrap(lines, "unplaced", t.name() + ": " + t.reason().orElse(""));
      lines.set(first, new String[] {"unplaced", lines.get(first)[1], colours.get(t.service())});
    }
    List<Plan.Loss> bad = plan.losses().stream().filter(l -> !l.fits()).toList();
    if (!plan.losses().isEmpty()) {
      lines.add(
          new String[] {
            "heading",
            bad.isEmpty()
                ? "losing any one node or zone: every task finds another node"
                : "losses that leave tasks unplaced"
          });
    }
    for (Plan.Loss l : bad) {
      wrap(
          lines,
          "loss",
          l.what() + ": " + String.join(", ", l.unplaced().stream().map(Plan.Task::name).toList()));
    }
    List<Plan.UpdateRoom> noRoom = plan.updates().stream().filter(u -> !u.room()).toList();
    for (Plan.UpdateRoom u : noRoom) {
      wrap(
          lines,
          "update",
          "rolling update of "
              + u.service()
              + " ("
              + u.order()
              + "): NO ROOM: "
              + u.reason().orElse(""));
    }
    lines.add(new String[] {"heading", "services (colour, reservation per task)"});
    for (Plan.ServiceInfo s : plan.services()) {
      lines.add(
          new String[] {
            "service", s.name() + ": " + reservation(s) + ", " + s.mode(), colours.get(s.name())
          });
    }
    cost.ifPresent(
        c -> {
          String managed =
              c.managed().isEmpty()
                  ? ""
                  : "; the same tasks on "
                      + c.managedName()
                          .map(m -> m.split(", \\$", -1)[0])
                          .orElse("the managed offering")
                      + ": "
                      + money(c.managedTotal());
          lines.add(
              new String[] {
                "heading", "cost per month (" + c.currency() + "): " + money(c.total()) + managed
              });
        });
    return lines;
  }

  private String style(String kind) {
    return switch (kind) {
      case "heading" -> " font-size=\"12\" font-weight=\"bold\"";
      case "unplaced", "loss", "update" -> " fill=\"#a01010\"";
      default -> "";
    };
  }

  private static void wrap(List<String[]> lines, String kind, String text) {
    String rest = text;
    while (rest.length() > WRAP) {
      int cut = rest.lastIndexOf(' ', WRAP);
      if (cut <= 0) {
        cut = WRAP;
      }
      lines.add(new String[] {kind, rest.substring(0, cut)});
      rest = rest.substring(cut).strip();
    }
    lines.add(new String[] {kind, rest});
  }

  private Optional<Plan.Loss> loss(String what) {
    return plan.losses().stream().filter(l -> l.what().equals(what)).findFirst();
  }

  private long reserved(Plan.ServiceInfo s) {
    return memory ? s.memoryBytes() : s.nanoCpus();
  }

  private long capacity(Node n) {
    return memory ? n.memoryBytes() : n.nanoCpus();
  }

  private static String reservation(Plan.ServiceInfo s) {
    if (s.nanoCpus() == 0 && s.memoryBytes() == 0) {
      return "no reservation";
    }
    List<String> parts = new ArrayList<>();
    if (s.nanoCpus() > 0) {
      parts.add(cpus(s.nanoCpus()) + " CPU");
    }
    if (s.memoryBytes() > 0) {
      parts.add(mib(s.memoryBytes()));
    }
    return String.join(", ", parts);
  }

  private void text(double x, double y, String s, String attributes) {
    out.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append('"')
        .append(attributes.isEmpty() ? "" : " " + attributes)
        .append('>')
        .append(esc(s))
        .append("</text>\n");
  }

  /** Shortens a text to fit a width, ending it with an ellipsis. */
  private static String fit(String s, double width) {
    int max = (int) (width / CHAR);
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
  }

  /**
   * Escapes text for XML content and attribute values; characters XML 1.0 cannot hold become
   * U+FFFD.
   */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          boolean surrogate = Character.isSurrogate(c);
          if (surrogate
              && Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (surrogate
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || c == 0xFFFE
              || c == 0xFFFF) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String n(double v) {
    return BigDecimal.valueOf(v)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
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
