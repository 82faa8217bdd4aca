package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Deploy;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library example of the README, run against samples/web-stack.yml. */
class ReadmeExampleTest {
  @Test
  void readsChangesAndWritesTheSampleStack() {
    ReadResult read =
        ComposeReader.create()
            .withEnvironment(Map.of("API_TAG", "1.5.0"))
            .read(Path.of("../samples/web-stack.yml"));
    Stack stack = read.stack();
    Service api = stack.services().get("api");
    assertThat(api.image()).contains("registry.example.com/shop/api:1.5.0");
    assertThat(
            api.deploy()
                .flatMap(
                    d ->
                        d.replicas().isPresent()
                            ? java.util.Optional.of(d.replicas().getAsLong())
                            : java.util.Optional.empty()))
        .contains(3L);
    SourcePosition pos = read.sourceMap().get("services.api.deploy.replicas").orElseThrow();
    assertThat(pos.line()).isEqualTo(32);
    assertThat(pos.column()).isEqualTo(7);

    Stack scaled =
        stack.copy(
            s ->
                s.putService(
                    "api", api.copy(a -> a.deploy(api.deploy().get().copy(d -> d.replicas(5))))));
    String yaml = ComposeWriter.forTarget(Target.SWARM).write(scaled);
    assertThat(yaml).contains("    deploy:\n      replicas: 5\n");
    assertThat(
            ComposeReader.create()
                .read(yaml, "out.yml")
                .stack()
                .services()
                .get("api")
                .deploy()
                .map(Deploy::replicas)
                .orElseThrow())
        .hasValue(5);
  }

  /** The README's "Loading a Compose project in code", on the override-file golden case. */
  @Test
  void loadsAProjectAndConvertsIt() {
    Path dir = Path.of("src/test/resources/convert/override-file-and-extends-together");
    ReadResult project =
        ComposeLoader.create()
            .withProfiles(java.util.List.of("debug"))
            .load(dir.resolve("1-compose.yml"), dir.resolve("2-prod.yml"));
    SwarmConverter.Result swarm = SwarmConverter.create(dir).convert(project.stack());
    assertThat(swarm.yaml()).startsWith("version: \"3.2\"\n").contains("      replicas: 3\n");
    assertThat(swarm.diagnostics()).isEmpty();
  }
}
