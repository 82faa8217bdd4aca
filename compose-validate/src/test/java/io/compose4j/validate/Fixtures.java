package io.compose4j.validate;

import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates example stacks; {@code # stack: NAME}, {@code # file: NAME=CONTENT} and
 * {@code # node: HOSTNAME ROLE [k=v,...] [@fact=value ...]} (see {@link #node}) {@code # ingress:
 * CIDR} and {@code # absent: HOST-PATH} comments configure the run.
 */
final class Fixtures {
  private Fixtures() {}

  /** The outcome: a report, or the reason the file could not be read. */
  record Outcome(ValidationReport report, String parseError) {
    boolean has(String ruleId) {
      return report != null && !report.forRule(ruleId).isEmpty();
    }
  }

  /**
   * A node of a {@code # node: HOSTNAME ROLE [k=v,...] [@fact=value ...]} comment; the facts are
   * {@code @id}, {@code @availability}, {@code @cpus} (a count), {@code @memory} (bytes),
   * {@code @os}, {@code @arch}, {@code @log} (drivers, comma-separated) and {@code @generic}
   * ({@code kind=count}, comma-separated), {@code @engine} (the engine version).
   */
  static ClusterState.Node node(String[] f) {
    Map<String, String> labels = new HashMap<>();
    Map<String, String> facts = new HashMap<>();
    for (int i = 2; i < f.length; i++) {
      if (f[i].startsWith("@")) {
        facts.put(f[i].substring(1, f[i].indexOf('=')), f[i].substring(f[i].indexOf('=') + 1));
      } else {
        for (String kv : f[i].split(",", -1)) {
          labels.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
    }
    Map<String, Long> generic = new HashMap<>();
    if (facts.containsKey("generic")) {
      for (String kv : facts.get("generic").split(",", -1)) {
        generic.put(
            kv.substring(0, kv.indexOf('=')), Long.parseLong(kv.substring(kv.indexOf('=') + 1)));
      }
    }
    return new ClusterState.Node(
        facts.getOrDefault("id", ""),
        f[0],
        f[1],
        facts.getOrDefault("availability", "active"),
        labels,
        Map.of(),
        facts.getOrDefault("os", ""),
        facts.getOrDefault("arch", ""),
        Long.parseLong(facts.getOrDefault("cpus", "0")) * 1_000_000_000L,
        Long.parseLong(facts.getOrDefault("memory", "0")),
        generic,
        facts.containsKey("log")
            ? java.util.Set.of(facts.get("log").split(","))
            : java.util.Set.of(),
        facts.getOrDefault("engine", ""));
  }

  static Outcome run(String yaml, Target target, Path dir) throws IOException {
    String stack = null;
    List<ClusterState.Node> nodes = new ArrayList<>();
    List<String> ingress = new ArrayList<>();
    java.util.Set<String> absent = new java.util.HashSet<>();
    for (String line : yaml.lines().toList()) {
      if (line.startsWith("# ingress:")) {
        ingress.add(line.substring(10).trim());
      }
      if (line.startsWith("# absent:")) {
        absent.add(line.substring(9).trim());
      }
      if (line.startsWith("# node:")) {
        nodes.add(node(line.substring(7).trim().split("\\s+")));
      }
      if (line.startsWith("# stack:")) {
        stack = line.substring(8).trim().replaceAll("^\"|\"$", "");
      } else if (line.startsWith("# file:")) {
        String spec = line.substring(7).trim();
        int eq = spec.indexOf('=');
        Files.writeString(
            dir.resolve(spec.substring(0, eq)), spec.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    ReadResult read;
    try {
      read = ComposeReader.create().withBaseDir(dir).read(yaml, "example.yml");
    } catch (io.compose4j.yaml.ComposeReadException e) {
      return new Outcome(null, e.getMessage());
    }
    StackValidator v =
        StackValidator.forTarget(target)
            .baseDir(dir)
            .cluster(
                ClusterState.empty()
                    .withNodes(nodes)
                    .withIngressSubnets(ingress)
                    .withAbsentHostPaths(absent));
    if (stack != null) {
      v = v.stackName(stack);
    }
    return new Outcome(v.validate(read.stack(), read.facts()), null);
  }
}
