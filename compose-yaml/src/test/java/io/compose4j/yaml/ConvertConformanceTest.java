package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** {@code docker stack config} accepts the Swarm stack of every convert golden case. */
@Tag("conformance")
class ConvertConformanceTest {
  @TestFactory
  Stream<DynamicTest> dockerStackConfigAcceptsEveryConvertedStack() throws Exception {
    Process version = new ProcessBuilder("docker", "--version").start();
    assumeTrue(version.waitFor() == 0, "docker CLI not available");
    return ConvertGoldenTest.cases().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Path expected = dir.resolve("expected.yml").toAbsolutePath();
                      Process p =
                          new ProcessBuilder("docker", "stack", "config", "-c", expected.toString())
                              .directory(dir.toFile())
                              .redirectErrorStream(true)
                              .start();
                      String output =
                          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                      assertThat(p.waitFor())
                          .as("docker stack config -c %s:%n%s", expected, output)
                          .isZero();
                    }));
  }
}
