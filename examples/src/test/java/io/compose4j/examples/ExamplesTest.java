package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Mount;
import io.compose4j.model.Service;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.WriteResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The founding stacks: each writes exactly its golden file (run with {@code
 * -Dcompose4j.golden.update=true} to rewrite them on purpose), reads back to itself, and no longer
 * has the defects the seed stacks had.
 */
class ExamplesTest {
  static final Path RESOURCES = Path.of("src/main/resources/stacks");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> eachStackMatchesItsGoldenFile() {
    return Examples.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Stack stack = e.getValue().apply(RESOURCES);
                      WriteResult written = ComposeWriter.forTarget(Target.SWARM).render(stack);
                      assertThat(written.warnings())
                          .as("nothing is left out")
                          .allMatch(d -> d.severity() == Severity.INFO);
                      Path golden = GOLDEN.resolve(e.getKey() + ".yml");
                      if (Boolean.getBoolean("compose4j.golden.update")) {
                        Files.writeString(golden, written.yaml(), StandardCharsets.UTF_8);
                      }
                      assertThat(written.yaml())
                          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                      Stack back =
                          ComposeReader.create().read(written.yaml(), e.getKey() + ".yml").stack();
                      assertThat(back.toBuilder().version(java.util.Optional.empty()).build())
                          .isEqualTo(stack.toBuilder().name(java.util.Optional.empty()).build());
                    }));
  }

  /**
   * The validator finds no error in any founding stack; the only warnings are SWARM-PLC-008 (the HA
   * services need the brief's three nodes, one replica per node).
   */
  @TestFactory
  Stream<DynamicTest> theValidatorFindsNoErrors() {
    return Examples.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Stack stack = e.getValue().apply(RESOURCES);
                      ValidationReport report =
                          StackValidator.forTarget(Target.SWARM)
                              .stackName(e.getKey())
                              .baseDir(RESOURCES)
                              .validate(stack);
                      assertThat(report.errors()).as(report.toString()).isEmpty();
                      assertThat(report.warnings())
                          .as(report.toString())
                          .allMatch(d -> d.ruleId().equals("SWARM-PLC-008"));
                    }));
  }

  @Test
  void theStacksNoLongerHaveTheSeedDefects() {
    Map<String, Function<Path, Stack>> all = Examples.all();
    for (Map.Entry<String, Function<Path, Stack>> e : all.entrySet()) {
      Stack stack = e.getValue().apply(RESOURCES);
      for (Map.Entry<String, Service> s : stack.services().entrySet()) {
        String where = e.getKey() + "/" + s.getKey();
        Service svc = s.getValue();
        assertThat(svc.image())
            .as(where)
            .hasValueSatisfying(i -> assertThat(i).doesNotEndWith(":latest").contains(":"));
        assertThat(svc.restart()).as(where + " uses deploy.restart_policy, not restart").isEmpty();
        assertThat(svc.build()).as(where + " has no build").isEmpty();
        assertThat(svc.dependsOn()).as(where + " has no depends_on").isEmpty();
        assertThat(svc.ports())
            .as(where + " publishes no host IP")
            .allMatch(p -> p.hostIp().isEmpty());
        assertThat(svc.environment())
            .as(where + " has no plain-text password")
            .allSatisfy(
                (k, v) -> assertThat(k.contains("PASSWORD") && !k.endsWith("_FILE")).isFalse());
        assertThat(svc.environment())
            .as(where)
            .doesNotContainEntry("POSTGRES_HOST_AUTH_METHOD", java.util.Optional.of("trust"));
        assertThat(svc.volumes())
            .as(where + " has no relative bind mounts")
            .noneMatch(
                m ->
                    m.type().equals("bind")
                        && m.source().map(x -> x.startsWith(".")).orElse(false));
        assertThat(svc.healthcheck()).as(where + " has a health check").isPresent();
        long replicas = svc.deploy().map(d -> d.replicas().orElse(1)).orElse(1L);
        boolean replicatedStateful =
            replicas > 1
                && svc.volumes().stream()
                    .anyMatch(m -> m.type().equals("volume") && isNodeLocal(stack, m));
        if (replicatedStateful) {
          assertThat(
                  svc.deploy()
                      .flatMap(d -> d.placement())
                      .map(p -> p.maxReplicasPerNode().orElse(0)))
              .as(where + " keeps one stateful task per node")
              .contains(1L);
        }
      }
    }
  }

  /** A named volume is node-local unless its driver options mount shared storage (nfs, cifs). */
  private static boolean isNodeLocal(Stack stack, Mount m) {
    var volume = stack.volumes().get(m.source().orElse(""));
    if (volume == null) {
      return true;
    }
    String driver = volume.driver().orElse("local");
    String type = volume.driverOpts().getOrDefault("type", "");
    return driver.equals("local") && !(type.startsWith("nfs") || type.equals("cifs"));
  }

  @Test
  void monitoringDeclaresWhatTheSeedForgot() {
    Stack monitoring = Monitoring.stack(RESOURCES);
    assertThat(monitoring.volumes())
        .containsKeys("prometheus_data", "grafana_data", "elasticsearch_data");
    assertThat(monitoring.configs())
        .containsKeys("prometheus_config", "logstash_config", "alertmanager_config");
    assertThat(monitoring.secrets()).containsKey("grafana_password");
    assertThat(monitoring.configs().get("prometheus_config").name().orElseThrow())
        .matches("prometheus_config_[0-9a-f]{12}");
  }

  @Test
  void mainWritesEveryStackWithItsFiles(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Stack> stacks = Main.write(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(stacks)
        .containsOnlyKeys("discourse", "mastodon", "nextcloud", "cloudmart-prod", "monitoring");
    for (String name : stacks.keySet()) {
      assertThat(dir.resolve(name + ".yml")).exists();
    }
    for (String file : Examples.FILES) {
      assertThat(dir.resolve(file)).exists();
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("monitoring")
        .contains("cloudmart-prod");
    // the hashes come from the copied files, which equal the resources
    assertThat(stacks.get("monitoring")).isEqualTo(Monitoring.stack(RESOURCES));
  }
}
