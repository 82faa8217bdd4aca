package io.compose4j.plan;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.read.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a cluster description from YAML:
 *
 * <pre>{@code
 * zone_label: zone            # optional: the node label naming the zone (default zone)
 * nodes:
 *   - hostname: node-1        # required
 *     id: 3x7k...             # optional: node.id (default: the hostname)
 *     role: manager           # manager | worker (default worker)
 *     availability: active    # active | pause | drain (default active)
 *     labels: {zone: a}       # node.labels.*
 *     engine_labels: {}       # engine.labels.*
 *     platform: {os: linux, arch: x86_64}   # the default
 *     cpus: 2                 # required, as docker node inspect reports NanoCPUs
 *     memory: 8GiB            # required, a Docker size
 *     generic_resources: {gpu: 2}
 *     price_per_month: 150    # or instance_type, looked up in the price table
 *     instance_type: t3.large
 * }</pre>
 *
 * Unknown keys, wrong types and duplicate hostnames are {@link ComposeReadException}s with file,
 * line, column and path.
 */
public final class ClusterReader {
  private static final Set<String> TOP = Set.of("zone_label", "nodes");
  private static final Set<String> NODE =
      Set.of(
          "hostname",
          "id",
          "role",
          "availability",
          "labels",
          "engine_labels",
          "platform",
          "cpus",
          "memory",
          "generic_resources",
          "price_per_month",
          "instance_type");

  private ClusterReader() {}

  /** Reads a cluster file. */
  public static Cluster read(Path file) {
    return read(YamlInput.readFile(file), file.toString());
  }

  /** Reads a cluster description given as text; {@code file} names it in errors. */
  public static Cluster read(String yaml, String file) {
    return read(YamlInput.readText(yaml, file), file);
  }

  private static Cluster read(YNode.YMap root, String file) {
    YamlInput in = YamlInput.of(file);
    in.onlyKeys(root, "", TOP);
    String zoneLabel = "zone";
    YNode.Entry zl = root.get("zone_label");
    if (zl != null) {
      zoneLabel = in.text(zl.value(), "zone_label");
    }
    YNode.Entry nodesEntry = root.get("nodes");
    if (nodesEntry == null) {
      throw new ComposeReadException(
          file, root.line(), root.column(), "", "no 'nodes' list; a cluster needs nodes");
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, String> hostnames = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    int i = 0;
    for (YNode item : in.seq(nodesEntry.value(), "nodes").items()) {
      String path = "nodes[" + i++ + "]";
      Node node = node(in, in.map(item, path), path);
      String where = file + ":" + item.line();
      String before = hostnames.putIfAbsent(node.hostname(), where);
      if (before != null) {
        throw in.error(
            item,
            path + ".hostname",
            "the hostname "
                + node.hostname()
                + " is already used at line "
                + before.substring(before.lastIndexOf(':') + 1)
                + "; hostnames must be unique");
      }
      if (ids.putIfAbsent(node.id(), where) != null) {
        throw in.error(
            item,
            path + ".id",
            "the node ID " + node.id() + " is already used; IDs must be unique");
      }
      nodes.add(node);
    }
    return new Cluster(nodes, zoneLabel);
  }

  private static Node node(YamlInput in, YNode.YMap m, String path) {
    in.onlyKeys(m, path, NODE);
    YNode.Entry host = m.get("hostname");
    if (host == null) {
      throw in.error(m, path, "a node needs a hostname");
    }
    Node.Builder b = Node.builder(in.text(host.value(), path + ".hostname"));
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      YNode v = e.value();
      switch (e.key()) {
        case "id" -> b.id(in.text(v, p));
        case "role" -> b.role(choice(in, v, p, Node.Role.class));
        case "availability" -> b.availability(choice(in, v, p, Node.Availability.class));
        case "labels" -> in.stringMap(v, p).forEach(b::label);
        case "engine_labels" -> in.stringMap(v, p).forEach(b::engineLabel);
        case "platform" -> {
          YNode.YMap pm = in.map(v, p);
          in.onlyKeys(pm, p, Set.of("os", "arch"));
          String os = pm.get("os") == null ? "linux" : in.text(pm.get("os").value(), p + ".os");
          String arch =
              pm.get("arch") == null ? "x86_64" : in.text(pm.get("arch").value(), p + ".arch");
          b.platform(os, arch);
        }
        case "cpus" -> {
          try {
            b.cpus(Cpus.parse(in.text(v, p)));
          } catch (IllegalArgumentException ex) {
            throw in.error(v, p, ex.getMessage() + "; write the number of CPUs, such as 2 or 0.5");
          }
        }
        case "memory" -> {
          try {
            ByteSize size = ByteSize.parse(in.text(v, p));
            if (size.bytes() < 0) {
              throw new IllegalArgumentException("invalid size: " + in.text(v, p));
            }
            b.memory(size);
          } catch (IllegalArgumentException ex) {
            throw in.error(v, p, ex.getMessage());
          }
        }
        case "generic_resources" -> {
          for (YNode.Entry g : in.map(v, p).entries().values()) {
            String gp = p + "." + g.key();
            try {
              b.genericResource(g.key(), Long.parseLong(in.text(g.value(), gp)));
            } catch (NumberFormatException ex) {
              throw in.error(
                  g.value(),
                  gp,
                  "expected a whole number of "
                      + g.key()
                      + ", found '"
                      + in.text(g.value(), gp)
                      + "'");
            }
          }
        }
        case "price_per_month" -> b.pricePerMonth(in.number(v, p));
        case "instance_type" -> b.instanceType(in.text(v, p));
        default -> {} // hostname, read above
      }
    }
    if (m.get("cpus") == null || m.get("memory") == null) {
      throw in.error(
          m,
          path,
          "node "
              + in.text(host.value(), path)
              + " needs cpus and memory "
              + "(as docker node inspect reports them: Description.Resources)");
    }
    return b.build();
  }

  private static <E extends Enum<E>> E choice(YamlInput in, YNode v, String path, Class<E> type) {
    String t = in.text(v, path);
    try {
      return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw in.error(v, path, "'" + t + "' is not one of " + String.join(", ", names));
    }
  }
}
