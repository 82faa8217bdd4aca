package io.compose4j.examples;

import static io.compose4j.test.ComposeAssertions.assertThat;
import static io.compose4j.test.ComposeAssertions.assertThatStackFile;
import static io.compose4j.test.ComposeAssertions.stackFolder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Testing your stacks", as tests: assertions on stacks built with the DSL, golden
 * files, a stack file of the repository, the defects of the seed stacks, and a folder of stack
 * files, all with {@code compose-test}.
 */
class TestingYourStacksTest {
  static final Path RESOURCES = Path.of("src/main/resources/stacks");

  @Test
  void assertionsOnAStackBuiltWithTheDsl() {
    assertThat(CloudmartProd.stack(RESOURCES))
        .isValid()
        .service("backend")
        .hasReplicas(5)
        .isConstrainedTo("node.role == worker")
        .usesSecret("db_password")
        .hasHealthcheck()
        .hasMemoryLimitAtMost("4G")
        .and()
        .service("haproxy")
        .publishes(443)
        .isConstrainedTo("node.role == manager")
        .hasMemoryLimitAtMost("512M")
        .and()
        .service("postgres-ha")
        .hasReplicas(3);
  }

  @Test
  void goldenFiles() {
    // src/test/resources/golden/nextcloud.yml; -Dcompose4j.golden.update=true rewrites it
    assertThat(Nextcloud.stack(RESOURCES)).matchesGolden("golden/nextcloud.yml");
  }

  @Test
  void aStackFileOfTheRepository() {
    assertThatStackFile("../samples/web-stack.yml")
        .isValid()
        .service("api")
        .hasImage("registry.example.com/shop/api:1.4.2")
        .hasReplicas(3)
        .isConstrainedTo("node.role == worker")
        .usesSecret("db_password")
        .hasMemoryLimitAtMost("512M")
        .and()
        .service("web")
        .publishes(80);
  }

  @Test
  void theValidatorCatchesTheSeedStacksDefects() {
    Path seed =
        Path.of(
            System.getProperty("compose4j.shared", "../../shared"),
            "seed-stacks",
            "monitoring-stack.yml");
    assumeTrue(Files.isRegularFile(seed), "../shared/seed-stacks is not available");
    assertThatStackFile(seed)
        .validate()
        .hasError("SWARM-REF-004")
        .at("services.prometheus.configs")
        .withMessageContaining("prometheus_config")
        .and()
        .hasError("SWARM-REF-002")
        .at("services.grafana.volumes")
        .and()
        .hasError("SWARM-REF-003")
        .at("services.grafana.secrets");
  }

  @Test
  void everyStackFileInAFolder(@TempDir Path dir) throws IOException {
    Main.write(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    stackFolder(dir).exclude("*/**").suppress("SWARM-PLC-008").failOnWarnings().assertAllValid();
  }

  @TestFactory
  Stream<DynamicTest> oneTestPerStackFile(@TempDir Path dir) throws IOException {
    Main.write(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return stackFolder(dir).exclude("*/**").dynamicTests();
  }
}
