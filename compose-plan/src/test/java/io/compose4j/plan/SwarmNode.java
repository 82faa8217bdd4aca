package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.yaml.ComposeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The single-node Swarm of {@code scripts/swarm-up.sh} as the real-Swarm planner suites see it: the
 * docker CLI, the node as the planner's {@link Node}, deploying a stack, the verdict per task as
 * {@code docker service ps} shows it, and removing a stack until nothing of it is left.
 */
final class SwarmNode {
  private SwarmNode() {}

  /** Reads the swarm's node ({@code docker node inspect self}) with the given labels. */
  static Node read(Map<String, String> labels) throws IOException, InterruptedException {
    String[] f =
        docker(
                "node",
                "inspect",
                "self",
                "--format",
                "{{.ID}}|{{.Description.Hostname}}|{{.Spec.Role}}|"
                    + "{{.Spec.Availability}}|{{.Description.Resources.NanoCPUs}}|{{.Description.Resources.MemoryBytes}}|"
                    + "{{.Description.Platform.OS}}|{{.Description.Platform.Architecture}}")
            .strip()
            .split("\\|");
    assertThat(f).as("docker node inspect self").hasSize(8);
    return new Node(
        f[0],
        f[1],
        Node.Role.valueOf(f[2].toUpperCase(Locale.ROOT)),
        Node.Availability.valueOf(f[3].toUpperCase(Locale.ROOT)),
        labels,
        Map.of(),
        f[6],
        f[7],
        Long.parseLong(f[4]),
        Long.parseLong(f[5]),
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** The same node with another availability. */
  static Node withAvailability(Node n, Node.Availability a) {
    return new Node(
        n.id(),
        n.hostname(),
        n.role(),
        a,
        n.labels(),
        n.engineLabels(),
        n.os(),
        n.arch(),
        n.nanoCpus(),
        n.memoryBytes(),
        n.genericResources(),
        n.pricePerMonth(),
        n.instanceType());
  }

  /**
   * Waits until services of earlier suites are gone (stack rm is asynchronous): the planner plans
   * onto an empty node.
   */
  static void waitEmpty() throws Exception {
    String services = docker("service", "ls", "--format", "{{.Name}}").strip();
    for (int i = 0; i < 60 && !services.isEmpty(); i++) {
      Thread.sleep(500);
      services = docker("service", "ls", "--format", "{{.Name}}").strip();
    }
    assertThat(services)
        .as("services left on the swarm (remove them: docker service rm)")
        .isEmpty();
  }

  static Stack stack(String yaml) {
    return ComposeReader.create().readStack(yaml);
  }

  static void deploy(Path dir, String name, String yaml) throws Exception {
    Path file = dir.resolve(name + ".yml");
    Files.writeString(file, "version: \"3.9\"\n" + yaml, StandardCharsets.UTF_8);
    docker("stack", "deploy", "--resolve-image", "never", "-c", file.toString(), name);
  }

  /**
   * Polls until each of the service's tasks that should run is placed or pending with an error, and
   * returns the verdicts sorted ("placed" or Swarm's error text). A service expected to have no
   * task is read again after three seconds, to see that none appears.
   */
  static List<String> verdicts(String service, int tasks) throws Exception {
    if (tasks == 0) {
      Thread.sleep(3000);
    }
    List<String> out = List.of();
    for (int i = 0; i < 60; i++) {
      out = new ArrayList<>();
      boolean settled = true;
      for (String line :
          docker(
                  "service",
                  "ps",
                  service,
                  "--no-trunc",
                  "--filter",
                  "desired-state=running",
                  "--format",
                  "{{.CurrentState}}|{{.Error}}")
              .strip()
              .split("\n", -1)) {
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

  /** docker service ps quotes the error text. */
  static String unquote(String error) {
    String e = error.strip();
    return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")
        ? e.substring(1, e.length() - 1)
        : e;
  }

  /**
   * Removes stacks and waits until their services, containers and networks are gone. {@code docker
   * stack rm} is asynchronous and refuses to remove a network while a task that is shutting down
   * still uses it ("network ... is in use by task"): such a failure is retried once the tasks are
   * gone.
   */
  static void removeStack(String... stacks) throws Exception {
    List<String> left = new ArrayList<>(List.of(stacks));
    String last = "";
    for (int attempt = 0; attempt < 5 && !left.isEmpty(); attempt++) {
      List<String> rm = new ArrayList<>(List.of("stack", "rm"));
      rm.addAll(left);
      try {
        docker(rm.toArray(String[]::new));
      } catch (IOException e) {
        last = e.getMessage(); // a network is still in use: wait for the tasks, then remove again
      }
      for (String stack : List.copyOf(left)) {
        String filter = "label=com.docker.stack.namespace=" + stack;
        for (int i = 0;
            i < 60 && !docker("service", "ls", "-q", "--filter", filter).isBlank();
            i++) {
          Thread.sleep(500);
        }
        // a stopped task frees its reservations and host ports only once its container is gone
        for (int i = 0; i < 60 && !docker("ps", "-aq", "--filter", filter).isBlank(); i++) {
          Thread.sleep(500);
        }
        if (docker("network", "ls", "-q", "--filter", filter).isBlank()) {
          left.remove(stack);
        }
      }
      Thread.sleep(1000);
    }
    if (!left.isEmpty()) {
      throw new IOException("the stacks " + left + " could not be removed: " + last);
    }
  }

  static String docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (System.getenv("DOCKER_HOST") == null) {
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
