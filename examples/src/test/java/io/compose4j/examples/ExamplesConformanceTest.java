package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker stack config} accepts every founding stack as written by the examples. */
@Tag("conformance")
class ExamplesConformanceTest {
  private static int run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      System.out.println(String.join(" ", command) + ":\n" + output);
    }
    return p.exitValue();
  }

  @Test
  void dockerStackConfigAcceptsEveryStack(@TempDir Path dir) throws Exception {
    Process version = new ProcessBuilder("docker", "--version").start();
    assumeTrue(version.waitFor() == 0, "docker CLI not available");
    Main.write(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    for (String name : Examples.all().keySet()) {
      assertThat(run(dir, "docker", "stack", "config", "-c", name + ".yml"))
          .as("docker stack config -c %s.yml", name)
          .isZero();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isGreaterThanOrEqualTo(5);
    }
  }
}
