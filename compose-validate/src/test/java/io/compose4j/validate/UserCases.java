package io.compose4j.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user-case corpus of {@code src/test/resources/user-cases}: small stacks drawn from real user
 * reports (each names its report in a {@code # report:} line), labelled by a real Swarm in {@code
 * labels.tsv} ({@link UserCasesSwarmTest}) and compared with the validator ({@link UserCasesTest}).
 *
 * <p>Classes: {@code refused} ({@code docker stack config} or {@code docker stack deploy} fails),
 * {@code task-time} (the deploy is accepted but some task never runs), {@code dropped} (the stack
 * runs, but {@code docker stack config} lacks a key the file has, or {@code docker stack deploy}
 * says it ignores an option), {@code runs} (every service runs as written).
 */
final class UserCases {
  static final List<String> CLASSES = List.of("refused", "task-time", "dropped", "runs");
  private static final Pattern SWARM_ID = Pattern.compile("\\b[a-z0-9]{25}\\b");
  private static final Pattern HEX_ID = Pattern.compile("\\b[0-9a-f]{12,64}\\b");

  /** One line of {@code labels.tsv}: what the real Swarm did with a case. */
  record Label(String outcome, String message) {}

  private UserCases() {}

  /** The corpus folder in the module's sources (the Swarm test rewrites its label file there). */
  static Path dir() {
    return Path.of("src", "test", "resources", "user-cases").toAbsolutePath();
  }

  /** The case files, sorted by name. */
  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{3}-.*\\.yml"))
          .sorted()
          .toList();
    }
  }

  /** Reads {@code labels.tsv}: case, outcome class, Swarm's normalized message. */
  static Map<String, Label> labels() throws IOException {
    return readTsv("labels.tsv", 3).entrySet().stream()
        .collect(
            TreeMap::new,
            (m, e) -> m.put(e.getKey(), new Label(e.getValue()[0], e.getValue()[1])),
            Map::putAll);
  }

  /**
   * Reads {@code disagreements.tsv}: case and the reason the validator disagrees with the Swarm.
   */
  static Map<String, String> disagreements() throws IOException {
    Map<String, String> out = new TreeMap<>();
    readTsv("disagreements.tsv", 2).forEach((k, v) -> out.put(k, v[0]));
    return out;
  }

  private static Map<String, String[]> readTsv(String name, int columns) throws IOException {
    Map<String, String[]> out = new TreeMap<>();
    Path file = dir().resolve(name);
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", columns);
      String[] rest = new String[columns - 1];
      for (int i = 1; i < columns; i++) {
        rest[i - 1] = i < f.length ? f[i] : "";
      }
      out.put(f[0], rest);
    }
    return out;
  }

  /** Rewrites {@code labels.tsv} with the outcomes of a Swarm run. */
  static void writeLabels(Map<String, Label> labels) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "# case\toutcome (refused | task-time | dropped | runs)\twhat the real Swarm said"
                + " (normalized)\n# Written by UserCasesSwarmTest with -Dcompose4j.labels.update=true; never edit by hand.\n");
    labels.forEach(
        (k, v) ->
            b.append(k)
                .append('\t')
                .append(v.outcome())
                .append('\t')
                .append(v.message())
                .append('\n'));
    Files.writeString(dir().resolve("labels.tsv"), b.toString(), StandardCharsets.UTF_8);
  }

  /**
   * A message without what changes from run to run: object and container ids, the stack's name, the
   * corpus folder, quotes and surrounding blanks.
   */
  static String normalize(String message, String stack) {
    String m = message.replace(dir().toString(), ".");
    if (stack != null) {
      m =
          m.replaceAll("\\b" + Pattern.quote(stack) + "_", "STACK_")
              .replaceAll("\\b" + Pattern.quote(stack) + "\\b", "STACK");
    }
    m = SWARM_ID.matcher(m).replaceAll("ID");
    m = HEX_ID.matcher(m).replaceAll("ID");
    m = m.replace('\t', ' ').replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  /**
   * Two messages are the same when they differ only in numbers (CPU and node counts) and in which
   * of the stack's services they name (docker creates services in map order, so of two services
   * that clash either can be the one refused).
   */
  static boolean sameMessage(String a, String b) {
    return loose(a).equals(loose(b));
  }

  private static String loose(String message) {
    return message.replaceAll("STACK_[A-Za-z0-9_.-]+", "STACK_*").replaceAll("\\d+", "#");
  }

  /**
   * The cluster the Swarm test deploys into: every external secret, config and network the file
   * names exists, except those whose name contains {@code missing}; {@code host}, {@code bridge}
   * and {@code none} are the engine's node-local networks, the others are swarm-scoped. The nodes
   * and the ingress subnets are those of the labelling cluster, recorded in {@code cluster.json},
   * and so are the host paths the corpus mounts that no node has ({@code ./} for the corpus
   * folder).
   */
  static ClusterState cluster(io.compose4j.model.Stack stack) throws IOException {
    java.util.Set<String> secrets = new java.util.HashSet<>();
    stack.secrets().forEach((k, v) -> secrets.add(v.name().orElse(k)));
    java.util.Set<String> configs = new java.util.HashSet<>();
    stack.configs().forEach((k, v) -> configs.add(v.name().orElse(k)));
    secrets.removeIf(n -> n.contains("missing"));
    configs.removeIf(n -> n.contains("missing"));
    Map<String, String> networks = new java.util.HashMap<>();
    stack
        .networks()
        .forEach(
            (k, v) -> {
              String name = v.name().orElse(k);
              if (!name.contains("missing")) {
                networks.put(
                    name, List.of("host", "bridge", "none").contains(name) ? "local" : "swarm");
              }
            });
    networks.put("ingress", "swarm");
    com.fasterxml.jackson.databind.JsonNode facts = clusterFacts();
    java.util.Set<String> absent = new java.util.HashSet<>();
    strings(facts.path("absentHostPaths"))
        .forEach(
            p -> absent.add(p.startsWith("./") ? dir().resolve(p.substring(2)).toString() : p));
    return new ClusterState(
        secrets, configs, networks, nodes(facts), strings(facts.path("ingressSubnets")), absent);
  }

  /**
   * Reads {@code cluster.json}: the labelling cluster's facts ({@link UserCasesSwarmTest} writes
   * it).
   */
  static com.fasterxml.jackson.databind.JsonNode clusterFacts() throws IOException {
    Path file = dir().resolve("cluster.json");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " is missing: run UserCasesSwarmTest with -Dcompose4j.labels.update=true");
    }
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
  }

  /** Writes {@code cluster.json}, keys sorted, as two-space indented JSON ending in a newline. */
  static void writeClusterFacts(com.fasterxml.jackson.databind.JsonNode facts) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    Object sorted = json.treeToValue(facts, Object.class);
    Files.writeString(
        dir().resolve("cluster.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(sorted) + "\n",
        StandardCharsets.UTF_8);
  }

  /** The nodes of a {@code cluster.json} document. */
  static List<ClusterState.Node> nodes(com.fasterxml.jackson.databind.JsonNode facts) {
    List<ClusterState.Node> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode n : facts.path("nodes")) {
      Map<String, Long> generic = new TreeMap<>();
      n.path("genericResources")
          .properties()
          .forEach(e -> generic.put(e.getKey(), e.getValue().asLong()));
      out.add(
          new ClusterState.Node(
              n.path("id").asText(""),
              n.path("hostname").asText(""),
              n.path("role").asText(""),
              n.path("availability").asText(""),
              stringMap(n.path("labels")),
              stringMap(n.path("engineLabels")),
              n.path("os").asText(""),
              n.path("arch").asText(""),
              n.path("nanoCpus").asLong(0),
              n.path("memoryBytes").asLong(0),
              generic,
              new java.util.TreeSet<>(strings(n.path("logDrivers"))),
              n.path("engineVersion").asText("")));
    }
    return out;
  }

  private static Map<String, String> stringMap(com.fasterxml.jackson.databind.JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(v -> out.add(v.asText()));
    return out;
  }

  /**
   * Creates the external secrets, configs and networks of a case file, as {@link #cluster}
   * describes them.
   */
  static void createExternals(Path file) throws IOException {
    com.fasterxml.jackson.databind.JsonNode doc =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(file.toFile());
    if (doc == null || !doc.isObject()) {
      return;
    }
    for (String kind : List.of("secrets", "configs", "networks")) {
      com.fasterxml.jackson.databind.JsonNode section = doc.get(kind);
      if (section == null || !section.isObject()) {
        continue;
      }
      for (var e : section.properties()) {
        com.fasterxml.jackson.databind.JsonNode spec = e.getValue();
        com.fasterxml.jackson.databind.JsonNode external =
            spec == null ? null : spec.get("external");
        if (external == null || (external.isBoolean() && !external.asBoolean())) {
          continue;
        }
        String name =
            spec.hasNonNull("name")
                ? spec.get("name").asText()
                : external.isObject() && external.hasNonNull("name")
                    ? external.get("name").asText()
                    : e.getKey();
        if (name.contains("missing")
            || List.of("host", "bridge", "none", "ingress").contains(name)) {
          continue;
        }
        if (kind.equals("networks")) {
          DockerCli.run(
              null, null, "docker", "network", "create", "-d", "overlay", "--attachable", name);
        } else {
          DockerCli.run(
              null, "x", "docker", kind.substring(0, kind.length() - 1), "create", name, "-");
        }
      }
    }
  }

  /** The {@code # report:} line of a case. */
  static String report(String yaml) {
    String r = SwarmCasesConformanceTest.header(yaml, "report");
    return r == null ? "" : r;
  }

  /** The keys of a parsed YAML document as dotted paths (list items of mappings as {@code []}). */
  static List<String> keyPaths(Object node) {
    List<String> out = new ArrayList<>();
    collect(node, "", out);
    return out;
  }

  private static void collect(Object node, String prefix, List<String> out) {
    if (node instanceof com.fasterxml.jackson.databind.JsonNode n) {
      if (n.isObject()) {
        for (var e : n.properties()) {
          String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
          out.add(p);
          collect(e.getValue(), p, out);
        }
      } else if (n.isArray()) {
        for (var item : n) {
          collect(item, prefix + "[]", out);
        }
      }
    }
  }
}
