package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden pairs for the canonical writer: {@code golden/<case>/input.yml} must write exactly as
 * {@code swarm.yml} (target SWARM) and {@code compose.yml} (target COMPOSE); {@code warnings.txt}
 * lists what the SWARM writer reports. Every expected file is also checked for idempotence: reading
 * and writing it again gives the same bytes. Run with {@code -Dcompose4j.golden.update=true} to
 * rewrite the expected files after an intended change (then review the diff).
 */
class GoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("compose4j.golden.update");

  @TestFactory
  Stream<DynamicTest> goldenPairs() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        tests.add(
            DynamicTest.dynamicTest(
                name + " (swarm)", () -> check(dir, Target.SWARM, "swarm.yml")));
        tests.add(
            DynamicTest.dynamicTest(
                name + " (compose)", () -> check(dir, Target.COMPOSE, "compose.yml")));
      }
    }
    return tests.stream();
  }

  private static ComposeReader reader(Path dir) throws IOException {
    Path env = dir.resolve("env.properties");
    ComposeReader reader = ComposeReader.create();
    if (Files.exists(env)) {
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(env)) {
        p.load(in);
      }
      java.util.Map<String, String> map = new java.util.HashMap<>();
      p.forEach((k, v) -> map.put((String) k, (String) v));
      reader = reader.withEnvironment(map);
    }
    return reader;
  }

  private static void check(Path dir, Target target, String expectedName) throws IOException {
    ReadResult read = reader(dir).read(dir.resolve("input.yml"));
    WriteResult written = ComposeWriter.forTarget(target).render(read.stack());
    Path expected = dir.resolve(expectedName);
    String warnings =
        written.warnings().stream()
            .map(Diagnostic::toString)
            .map(s -> s.replace('\n', ' '))
            .collect(Collectors.joining("\n"));
    Path warningsFile =
        dir.resolve(target == Target.SWARM ? "warnings.txt" : "warnings-compose.txt");
    if (UPDATE) {
      Files.writeString(expected, written.yaml(), StandardCharsets.UTF_8);
      if (!warnings.isEmpty()) {
        Files.writeString(warningsFile, warnings + "\n", StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(warningsFile);
      }
    }
    assertThat(written.yaml())
        .as("%s for %s", expectedName, dir.getFileName())
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    String expectedWarnings =
        Files.exists(warningsFile) ? Files.readString(warningsFile).strip() : "";
    assertThat(warnings)
        .as("writer warnings for %s", dir.getFileName())
        .isEqualTo(expectedWarnings);

    // idempotence: the expected output reads and writes back to itself
    String again =
        ComposeWriter.forTarget(target)
            .write(ComposeReader.create().read(written.yaml(), expectedName).stack());
    assertThat(again)
        .as("idempotence of %s for %s", expectedName, dir.getFileName())
        .isEqualTo(written.yaml());
  }
}
