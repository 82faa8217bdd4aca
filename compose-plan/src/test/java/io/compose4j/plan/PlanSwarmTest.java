package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.yaml.ComposeReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner against the real scheduler on the single-node Swarm of {@code scripts/swarm-up.sh}:
 * the node is read with {@code docker node inspect}, each stack is deployed, and the verdict per
 * task (placed, or pending with Swarm's error) must be the planner's. Run under
 * {@code flock /tmp/swarm.lock} with the {@code swarm} profile.
 */
@Tag("swarm")
class PlanSwarmTest {
  private static final String LABEL = "compose4j-plan";
  @TempDir static Path dir;
  static Node node;
  static long cpus;

  @BeforeAll
  static void readTheNode() throws Exception {
    String[] f = docker("node", "inspect", "self", "--format", "{{.ID}}|{{.Description.Hostname}}|{{.Spec.Role}}|"
        + "{{.Spec.Availability}}|{{.Description.Resources.NanoCPUs}}|{{.Description.Resources.MemoryBytes}}|"
        + "{{.Description.Platform.OS}}|{{.Description.Platform.Architecture}}").strip().split("\\|");
    assertThat(f).as("docker node inspect self").hasSize(8);
    cpus = Long.parseLong(f[4]);
    node = new Node(f[0], f[1], Node.Role.valueOf(f[2].toUpperCase()), Node.Availability.valueOf(f[3].toUpperCase()),
        java.util.Map.of(), java.util.Map.of(), f[6], f[7], cpus, Long.parseLong(f[5]), java.util.Map.of(),
        java.util.Optional.empty(), java.util.Optional.empty());
    // the planner plans onto an empty node: wait for services of earlier suites (stack rm is asynchronous)
    String services = docker("service", "ls", "--format", "{{.Name}}").strip();
    for (int i = 0; i < 60 && !services.isEmpty(); i++) {
      Thread.sleep(500);
      services = docker("service", "ls", "--format", "{{.Name}}").strip();
    }
    assertThat(services).as("services left on the swarm (remove them: docker service rm)").isEmpty();
  }

  /** CPUs as a fraction of the node's, in Compose's decimal spelling. */
  static String cpus(double share) {
    return BigDecimal.valueOf((long) (cpus * share), 9).stripTrailingZeros().toPlainString();
  }

  @Test
  void reservationsThatDoNotFit() throws Exception {
    agree("pcpu", """
        services:
          web:
            image: local/busybox:1
            deploy: {replicas: 3, resources: {reservations: {cpus: "%s"}}}
        """.formatted(cpus(0.4)), "web", List.of("no suitable node (insufficient resources on 1 node)", "placed", "placed"));
  }

  @Test
  void memoryThatDoesNotFit() throws Exception {
    agree("pmem", """
        services:
          web:
            image: local/busybox:1
            deploy: {resources: {reservations: {memory: %dM}}}
        """.formatted(node.memoryBytes() / (1 << 20) + 1024), "web",
        List.of("no suitable node (insufficient resources on 1 node)"));
  }

  @Test
  void maxReplicasPerNode() throws Exception {
    agree("pmax", """
        services:
          web:
            image: local/busybox:1
            deploy: {replicas: 2, placement: {max_replicas_per_node: 1}}
        """, "web", List.of("no suitable node (max replicas per node limit exceed)", "placed"));
  }

  @Test
  void aConstraintNothingSatisfiesThenALabelThatDoes() throws Exception {
    String stack = """
        services:
          web:
            image: local/busybox:1
            deploy: {placement: {constraints: [node.labels.%s == yes, node.role == manager]}}
        """.formatted(LABEL);
    agree("pcon", stack, "web", List.of("no suitable node (scheduling constraints not satisfied on 1 node)"));
    docker("node", "update", "--label-add", LABEL + "=yes", node.id());
    try {
      node = new Node(node.id(), node.hostname(), node.role(), node.availability(), java.util.Map.of(LABEL, "yes"),
          node.engineLabels(), node.os(), node.arch(), node.nanoCpus(), node.memoryBytes(), node.genericResources(),
          node.pricePerMonth(), node.instanceType());
      agree("plab", stack, "web", List.of("placed"));
    } finally {
      docker("node", "update", "--label-rm", LABEL, node.id());
      node = new Node(node.id(), node.hostname(), node.role(), node.availability(), java.util.Map.of(),
          node.engineLabels(), node.os(), node.arch(), node.nanoCpus(), node.memoryBytes(), node.genericResources(),
          node.pricePerMonth(), node.instanceType());
    }
  }

  @Test
  void aGlobalTaskThatDoesNotFitIsRejectedAgainAndAgain() throws Exception {
    String yaml = """
        services:
          web:
            image: local/busybox:1
            deploy: {mode: global, resources: {reservations: {cpus: "%s"}}}
        """.formatted(cpus(1.5));
    Plan plan = Planner.on(Cluster.of(node)).plan(java.util.Map.of("pglo", stack(yaml)));
    assertThat(plan.tasks()).singleElement().satisfies(t ->
        assertThat(t.reason()).contains("assigned node no longer meets constraints"));
    deploy("pglo", yaml);
    try {
      String newest = "";
      for (int i = 0; i < 40 && newest.isEmpty(); i++) {
        Thread.sleep(500);
        String out = docker("service", "ps", "pglo_web", "--no-trunc", "--format", "{{.CurrentState}}|{{.Error}}").strip();
        if (!out.isEmpty() && out.split("\n")[0].contains("|") && !out.split("\n")[0].split("\\|", 2)[1].isBlank()) {
          newest = unquote(out.split("\n")[0].split("\\|", 2)[1]);
        }
      }
      assertThat(newest).as("the real task").isEqualTo(plan.tasks().get(0).reason().orElseThrow());
    } finally {
      removeStack("pglo");
    }
  }

  @Test
  void startFirstUpdateWithAndWithoutRoom() throws Exception {
    String yaml = """
        services:
          web:
            image: local/busybox:1
            deploy:
              resources: {reservations: {cpus: "%s"}}
              update_config: {order: start-first}
        """;
    for (double share : new double[] {0.4, 0.6}) {
      String name = share > 0.5 ? "pupn" : "pupy";
      Plan plan = Planner.on(Cluster.of(node)).plan(stack(yaml.formatted(cpus(share))));
      Plan.UpdateRoom room = plan.updates().get(0);
      deploy(name, yaml.formatted(cpus(share)));
      try {
        assertThat(verdicts(name + "_web", 1)).containsExactly("placed");
        docker("service", "update", "--detach", "--force", name + "_web");
        // the new task: placed (then the old one is shut down), or pending with Swarm's reason for 10 s
        List<String> seen = List.of();
        for (int i = 0; i < 20; i++) {
          Thread.sleep(500);
          List<String> now = newTask(name + "_web");
          seen = now.isEmpty() ? seen : now;
          if (seen.equals(List.of("placed"))) {
            break;
          }
        }
        assertThat(seen).as("the start-first update of %s CPUs", cpus(share))
            .containsExactly(room.room() ? "placed" : room.reason().orElseThrow());
      } finally {
        removeStack(name);
      }
    }
  }

  private static Stack stack(String yaml) {
    return ComposeReader.create().readStack(yaml);
  }

  /** Deploys, reads the verdict per task and compares it (sorted) with the planner's. */
  private static void agree(String name, String yaml, String service, List<String> expected) throws Exception {
    Plan plan = Planner.on(Cluster.of(node)).plan(java.util.Map.of(name, stack(yaml)));
    List<String> planned = new ArrayList<>();
    for (Plan.Task t : plan.tasks()) {
      planned.add(t.placed() ? "placed" : t.reason().orElseThrow());
    }
    planned.sort(null);
    assertThat(planned).as("the planner").isEqualTo(expected);
    deploy(name, yaml);
    try {
      assertThat(verdicts(name + "_" + service, expected.size())).as("the real scheduler").isEqualTo(planned);
    } finally {
      removeStack(name);
    }
  }

  private static void deploy(String name, String yaml) throws Exception {
    Path file = dir.resolve(name + ".yml");
    Files.writeString(file, "version: \"3.9\"\n" + yaml, StandardCharsets.UTF_8);
    docker("stack", "deploy", "--resolve-image", "never", "-c", file.toString(), name);
  }

  /** Polls until each of the service's tasks is placed or pending with an error; returns them sorted. */
  private static List<String> verdicts(String service, int tasks) throws Exception {
    List<String> out = List.of();
    for (int i = 0; i < 60; i++) {
      out = new ArrayList<>();
      boolean settled = true;
      for (String line : docker("service", "ps", service, "--no-trunc", "--filter", "desired-state=running",
          "--format", "{{.CurrentState}}|{{.Error}}").strip().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\\|", 2);
        if (f[0].startsWith("Pending") || f[0].startsWith("New")) {
          settled &= !f[1].isBlank();
          out.add(unquote(f[1]));
        } else {
          out.add("placed");
        }
      }
      if (settled && out.size() == tasks) {
        out.sort(null);
        return out;
      }
      Thread.sleep(500);
    }
    return out;
  }

  /** The verdict of the newest task that is not yet running beside the old one, if the update created it. */
  private static List<String> newTask(String service) throws Exception {
    String[] lines = docker("service", "ps", service, "--no-trunc", "--format",
        "{{.DesiredState}}|{{.CurrentState}}|{{.Error}}").strip().split("\n");
    if (lines.length < 2) {
      return List.of();
    }
    String[] f = lines[0].split("\\|", 3); // newest first
    if (f[1].startsWith("Pending") || f[1].startsWith("New")) {
      return f[2].isBlank() ? List.of() : List.of(unquote(f[2]));
    }
    return f[1].startsWith("Running") ? List.of("placed") : List.of();
  }

  /** docker service ps quotes the error text. */
  private static String unquote(String error) {
    String e = error.strip();
    return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
  }

  /**
   * Removes a stack and waits until its services, containers and networks are gone. {@code docker stack rm}
   * is asynchronous and refuses to remove a network while a task that is shutting down still uses it
   * ("network ... is in use by task"): such a failure is retried once the tasks are gone.
   */
  private static void removeStack(String stack) throws Exception {
    String filter = "label=com.docker.stack.namespace=" + stack;
    String last = "";
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        docker("stack", "rm", stack);
      } catch (IOException e) {
        last = e.getMessage(); // the network is still in use: wait for the tasks, then remove again
      }
      for (int i = 0; i < 60 && !docker("service", "ls", "-q", "--filter", filter).isBlank(); i++) {
        Thread.sleep(500);
      }
      // a stopped task frees its reservations only once its container is gone
      for (int i = 0; i < 60 && !docker("ps", "-aq", "--filter", filter).isBlank(); i++) {
        Thread.sleep(500);
      }
      if (docker("network", "ls", "-q", "--filter", filter).isBlank()) {
        Thread.sleep(1000);
        return;
      }
      Thread.sleep(1000);
    }
    throw new IOException("the stack " + stack + " could not be removed: " + last);
  }

  static String docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    String host = System.getenv("DOCKER_HOST");
    if (host == null) {
      pb.environment().put("DOCKER_HOST", "unix:///tmp/compose4j-swarm/docker.sock");
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("docker " + String.join(" ", args) + " did not finish");
    }
    if (p.exitValue() != 0) {
      throw new IOException("docker " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
