package io.compose4j.cli.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Access to {@code ../shared} (the corpus and rule cases) and to the real docker CLI. */
final class Shared {
  private Shared() {}

  /**
   * Returns the shared folder, or aborts the test when it is not there (a fresh clone without it).
   */
  static Path root() {
    String configured = System.getProperty("compose4j.shared");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    assumeTrue(
        Files.isDirectory(p.resolve("corpus")), "../shared is not available: conformance skipped");
    return p.toAbsolutePath().normalize();
  }

  /** Aborts the test when the docker CLI is not installed. */
  static void requireDocker() {
    Result r = run(Path.of("."), List.of("docker", "--version"));
    assumeTrue(r.code == 0, "docker CLI not available");
  }

  /** One row of corpus/index.tsv. */
  record Row(String path, int stackConfigRc, String reasonCategory) {}

  static List<Row> index(Path shared) throws IOException {
    List<String> lines =
        Files.readAllLines(shared.resolve("corpus/index.tsv"), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    int path = col(header, "path");
    int rc = col(header, "docker_stack_config_rc");
    int reason = col(header, "reason_category");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(new Row(f[path], Integer.parseInt(f[rc]), f.length > reason ? f[reason] : ""));
    }
    return rows;
  }

  private static int col(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name);
  }

  /** The outcome of a process. */
  record Result(int code, String out, String err) {}

  /**
   * Runs a command with only PATH and HOME (and DOCKER_HOST) set (as the corpus verdicts were
   * produced).
   */
  static Result run(Path dir, List<String> command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      Map<String, String> env = pb.environment();
      String path = env.get("PATH");
      String home = env.get("HOME");
      String dockerHost = env.get("DOCKER_HOST");
      env.clear();
      env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
      env.put("HOME", home == null ? "/root" : home);
      if (dockerHost != null) {
        env.put(
            "DOCKER_HOST",
            dockerHost); // the swarm suite's engine; docker stack config does not use it
      }
      Path outFile = Files.createTempFile("c4j-out", ".txt");
      Path errFile = Files.createTempFile("c4j-err", ".txt");
      pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", "timeout");
      }
      String out = Files.readString(outFile, StandardCharsets.UTF_8);
      String err = Files.readString(errFile, StandardCharsets.UTF_8);
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
      return new Result(p.exitValue(), out, err);
    } catch (IOException e) {
      return new Result(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }

  /** The environment the corpus verdicts were produced with: PATH and HOME only. */
  static Map<String, String> bareEnvironment() {
    String path = System.getenv("PATH");
    String home = System.getenv("HOME");
    return Map.of(
        "PATH", path == null ? "/usr/bin:/bin" : path, "HOME", home == null ? "/root" : home);
  }
}
