package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the packaged CLI starts none of the JDK's machinery a hello-world does not: no
 * {@code java.util.regex} (its character classes are lambdas), no lambda or method handle linked at
 * run time, no class spun ({@code Rx}, loops instead of streams, the jar's own lambdas made classes
 * by the build). Each of those costs milliseconds of a run of about 0.1 s (see
 * docs/PERFORMANCE.md), so a change that brings one back fails here rather than only in a
 * benchmark. Runs after {@code package} (failsafe), in a JVM of its own with {@code
 * -Xlog:class+load}.
 */
class ShortRunIT {
  /** Ten services in the shape of {@code ../shared/tools/gen-big-stack.py 10}. */
  static String tenServices() {
    StringBuilder y = new StringBuilder("version: \"3.8\"\nservices:\n");
    for (int i = 0; i < 10; i++) {
      y.append("  svc")
          .append(i)
          .append(":\n    image: registry.example.com/team/app")
          .append(i)
          .append(":1.")
          .append(i)
          .append(".0\n")
          .append("    environment:\n      - APP_ID=")
          .append(i)
          .append("\n      - LOG_LEVEL=info\n    ports:\n      - \"")
          .append(10000 + i)
          .append(":8080\"\n    networks: [front, back]\n    secrets: [db_password]\n")
          .append("    healthcheck:\n")
          .append("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n")
          .append("      interval: 30s\n      timeout: 10s\n      retries: 3\n")
          .append("    deploy:\n      replicas: ")
          .append(1 + i % 5)
          .append("\n      update_config: {parallelism: 2, delay: 10s, failure_action: rollback}\n")
          .append("      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}\n")
          .append("      placement:\n        constraints: [node.role == worker]\n")
          .append("        preferences: [{spread: node.labels.zone}]\n")
          .append("      resources:\n        limits: {cpus: '0.5', memory: 512M}\n")
          .append("        reservations: {cpus: '0.25', memory: 256M}\n")
          .append("      labels:\n        com.example.team: team")
          .append(i)
          .append('\n');
    }
    y.append("networks:\n  front: {driver: overlay}\n  back: {driver: overlay, internal: true}\n");
    y.append("secrets:\n  db_password: {external: true}\n");
    return y.toString();
  }

  @Test
  void aTenServiceValidateLoadsNoRegexAndLinksNoLambda(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ten.yml");
    Files.writeString(file, tenServices(), StandardCharsets.UTF_8);
    List<String> loaded = classesLoaded(dir, "validate", file.toString());
    assertThat(loaded).as("classes loaded").hasSizeGreaterThan(400);
    assertThat(loaded)
        .as("the JDK's regex, lambda and method-handle machinery")
        .noneMatch(c -> c.startsWith("java.util.regex."))
        .noneMatch(c -> c.equals("java.lang.invoke.LambdaMetafactory"))
        .noneMatch(c -> c.contains("LambdaForm$MH/") || c.contains("$$Lambda$"));
  }

  /** Runs the packaged CLI in a new JVM and returns the classes it loaded, in order. */
  private static List<String> classesLoaded(Path dir, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of("target", "compose4j.jar").toAbsolutePath();
    assertThat(jar).as("the jar is built by package").exists();
    Path log = dir.resolve("classes.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:file=" + log);
    command.add("-cp");
    command.add(jar.toString());
    command.add("io.compose4j.cli.Main");
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as("exit code; output: %s", Files.readString(dir.resolve("out.txt")))
        .isZero();
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      int start = line.indexOf("] ", line.indexOf("[class,load]"));
      if (start >= 0) {
        int end = line.indexOf(' ', start + 2);
        classes.add(line.substring(start + 2, end < 0 ? line.length() : end));
      }
    }
    return classes;
  }
}
