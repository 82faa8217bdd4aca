package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.compose4j.model.Stack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every founding stack deploys on a real Swarm ({@code -Pswarm}, {@code DOCKER_HOST} of {@code
 * scripts/swarm-up.sh}): after its external secrets, configs and networks are created, {@code
 * docker stack deploy} succeeds and creates every service of the stack.
 */
@Tag("swarm")
class ExamplesSwarmTest {
  @TempDir static Path dir;

  record Result(int code, String output) {}

  static Result docker(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = Stream.concat(Stream.of("docker"), Stream.of(args)).toList();
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
    return new Result(p.exitValue(), out);
  }

  static void requireSwarm() throws IOException, InterruptedException {
    Result info =
        docker(null, "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
    boolean manager = info.code() == 0 && info.output().strip().equals("active true");
    String why =
        "no swarm manager at DOCKER_HOST="
            + System.getenv("DOCKER_HOST")
            + " (scripts/swarm-up.sh)";
    if (Boolean.getBoolean("compose4j.swarm")) {
      assertThat(manager).as(why + ": " + info.output()).isTrue();
    } else {
      assumeTrue(manager, why);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyStackDeploys() throws Exception {
    requireSwarm();
    Map<String, Stack> stacks =
        Main.write(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return stacks.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      String name = e.getKey();
                      Stack stack = e.getValue();
                      stack
                          .secrets()
                          .forEach(
                              (k, s) -> {
                                if (s.external().orElse(false)) {
                                  create("secret", "create", s.name().orElse(k), "-");
                                }
                              });
                      stack
                          .configs()
                          .forEach(
                              (k, c) -> {
                                if (c.external().orElse(false)) {
                                  create("config", "create", c.name().orElse(k), "-");
                                }
                              });
                      stack
                          .networks()
                          .forEach(
                              (k, n) -> {
                                if (n.external().orElse(false)) {
                                  create(
                                      "network",
                                      "create",
                                      "-d",
                                      "overlay",
                                      "--attachable",
                                      n.name().orElse(k));
                                }
                              });
                      Result deploy =
                          docker(
                              null,
                              "stack",
                              "deploy",
                              "--resolve-image",
                              "never",
                              "-c",
                              name + ".yml",
                              name);
                      try {
                        assertThat(deploy.code())
                            .as(
                                "docker stack deploy -c %s.yml %s:%n%s",
                                name, name, deploy.output())
                            .isZero();
                        Result services =
                            docker(null, "stack", "services", name, "--format", "{{.Name}}");
                        assertThat(
                                new TreeSet<>(
                                    services.output().lines().filter(l -> !l.isBlank()).toList()))
                            .isEqualTo(
                                stack.services().keySet().stream()
                                    .map(s -> name + "_" + s)
                                    .collect(Collectors.toCollection(TreeSet::new)));
                      } finally {
                        docker(null, "stack", "rm", name);
                        waitUntilRemoved(name);
                      }
                    }));
  }

  /** Creates an external object (content "x" for secrets and configs); it may exist already. */
  private static void create(String... args) {
    try {
      docker(args[0].equals("network") ? null : "x", args);
    } catch (IOException | InterruptedException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Published ports and networks are released asynchronously; the next stack may reuse them. */
  private static void waitUntilRemoved(String stack) throws IOException, InterruptedException {
    for (int i = 0; i < 60; i++) {
      Result left =
          docker(
              null, "network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack);
      Result services =
          docker(
              null, "service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack);
      if (left.output().isBlank() && services.output().isBlank()) {
        return;
      }
      Thread.sleep(500);
    }
  }
}
