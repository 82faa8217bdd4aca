package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} CLI against the engine of {@code DOCKER_HOST} (a swarm manager from
 * {@code scripts/swarm-up.sh}).
 */
final class DockerCli {
  /** What a command printed (stdout and stderr together) and its exit code. */
  record Result(int code, String output) {
    boolean ok() {
      return code == 0;
    }
  }

  private DockerCli() {}

  /**
   * Makes sure a swarm manager answers: with {@code -Pswarm} (system property {@code
   * compose4j.swarm=true}) its absence fails the test, otherwise it skips it.
   */
  static void requireSwarm() {
    Result state =
        run(
            null,
            null,
            "docker",
            "info",
            "--format",
            "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
    boolean manager = state.ok() && state.output().strip().equals("active true");
    String why =
        "no swarm manager at DOCKER_HOST="
            + System.getenv("DOCKER_HOST")
            + " (start one with scripts/swarm-up.sh): "
            + state.output().strip();
    if (Boolean.getBoolean("compose4j.swarm")) {
      assertThat(manager).as(why).isTrue();
    } else {
      assumeTrue(manager, why);
    }
  }

  /** Runs a command in a folder (null: the current one) with optional standard input. */
  static Result run(Path dir, String stdin, String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, String.join(" ", command) + ": timed out\n" + output);
      }
      return new Result(p.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command and returns its output lines; fails the test when it fails. */
  static List<String> lines(String... command) {
    Result r = run(null, null, command);
    assertThat(r.code()).as("%s:%n%s", String.join(" ", command), r.output()).isZero();
    List<String> out = new ArrayList<>();
    r.output().lines().filter(l -> !l.isBlank()).forEach(out::add);
    return out;
  }
}
