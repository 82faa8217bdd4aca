package io.compose4j.test;

import static io.compose4j.test.ComposeAssertions.stackFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class StackFolderTest {
  @TempDir Path dir;

  void write(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
  }

  static final String VALID =
      "version: \"3.9\"\nservices:\n  web:\n    image: nginx:${TAG:-1.25}\n";

  void repository() throws IOException {
    write("shop/stack.yml", VALID);
    write("shop/staging.yaml", VALID.replace("web", "api"));
    write(
        "monitoring/stack.yml",
        """
        version: "3.9"
        services:
          prom:
            image: prom/prometheus:v2.53.0
            networks: [metrics]
            deploy:
              replicas: -1
        """);
    write(
        "legacy/broken.yml",
        "services:\n  web:\n    image: nginx\n    deploy:\n      replica: 2\n");
    write("README.md", "not a stack\n");
  }

  @Test
  void reportsEveryProblemOfEveryFileInOneFailure() throws IOException {
    repository();
    assertThatThrownBy(() -> stackFolder(dir).assertAllValid())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "3 problems in 2 of 4 stack files under "
                + dir
                + ":\n"
                + dir.resolve("legacy/broken.yml")
                + ":5:7: error: unknown key 'replica' in "
                + "services.web.deploy; did you mean 'replicas'? [parse]\n"
                + dir.resolve("monitoring/stack.yml")
                + ":5:5: error: service prom: undefined network \"metrics\" [SWARM-REF-001]\n"
                + "  hint: declare it under top-level networks (external: true if it exists already)\n"
                + dir.resolve("monitoring/stack.yml")
                + ":7:7: error: replicas must not be negative (got -1) [SWARM-MODE-006]\n"
                + "  hint: change the value");
  }

  @Test
  void excludedAndSuppressedProblemsDoNotFail() throws IOException {
    repository();
    stackFolder(dir)
        .exclude("legacy/**")
        .suppress("SWARM-REF-001", "SWARM-MODE-006")
        .assertAllValid();
    assertThat(stackFolder(dir).include("shop/*.yml").files())
        .containsExactly(dir.resolve("shop/stack.yml"));
  }

  @Test
  void warningsFailOnlyWhenAskedTo() throws IOException {
    write("stack.yml", "version: \"3.9\"\nservices:\n  web:\n    image: nginx:latest\n");
    stackFolder(dir).assertAllValid();
    assertThatThrownBy(() -> stackFolder(dir).failOnWarnings().assertAllValid())
        .hasMessageContaining(
            "warning: the image nginx:latest is not pinned to a version [LINT-IMAGE-LATEST]");
  }

  @Test
  void variablesComeFromTheGivenEnvironmentOnly() throws IOException {
    write("stack.yml", "version: \"3.9\"\nservices:\n  web:\n    image: nginx:${TAG}\n");
    assertThatThrownBy(() -> stackFolder(dir).assertAllValid())
        .hasMessageContaining("[SWARM-MISC-001]");
    stackFolder(dir).environment(Map.of("TAG", "1.25")).assertAllValid();
  }

  @Test
  void oneDynamicTestPerFile() throws Throwable {
    repository();
    List<DynamicTest> tests = stackFolder(dir).dynamicTests().toList();
    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .containsExactly(
            "legacy/broken.yml", "monitoring/stack.yml", "shop/stack.yml", "shop/staging.yaml");
    assertThatThrownBy(() -> run(tests.get(1).getExecutable()))
        .hasMessageContaining("[SWARM-MODE-006]");
    run(tests.get(2).getExecutable());
  }

  @Test
  void anEmptyOrMissingFolderFails() {
    assertThatThrownBy(() -> stackFolder(dir).assertAllValid())
        .hasMessage(
            "no stack files under "
                + dir
                + " matching [**.yml, **.yaml]; check the folder and the include/exclude globs");
    assertThatThrownBy(() -> stackFolder(dir.resolve("none")).assertAllValid())
        .hasMessageStartingWith("no folder ");
  }

  @Test
  void dynamicTestsFailWhenNothingMatchesInsteadOfRunningZeroTests() throws IOException {
    write("stack.yml", VALID);
    assertThatThrownBy(
            () -> stackFolder(dir).include("stacks/*.yml").exclude("old/**").dynamicTests())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "no stack files under "
                + dir
                + " matching [stacks/*.yml] and not [old/**]; "
                + "check the folder and the include/exclude globs");
  }

  @Test
  void filesThatStacksReferToAsConfigsSecretsOrBindMountsAreNotStacks() throws IOException {
    write(
        "edge/stack.yml",
        """
        version: "3.9"
        services:
          traefik:
            image: traefik:v3.1
            configs:
              - source: dynamic
                target: /etc/traefik/dynamic.yml
            secrets: [acme]
            volumes:
              - ./static/traefik.yml:/etc/traefik/traefik.yml:ro
        configs:
          dynamic:
            file: ./configs/dynamic.yml
        secrets:
          acme:
            file: ./secrets/acme.yaml
        """);
    write(
        "edge/configs/dynamic.yml",
        "http:\n  routers:\n    api:\n      rule: Host(`api.example.com`)\n");
    write("edge/secrets/acme.yaml", "email: ops@example.com\n");
    write("edge/static/traefik.yml", "entryPoints:\n  web:\n    address: \":80\"\n");
    write("other/stack.yml", VALID);
    assertThat(stackFolder(dir).files())
        .containsExactly(dir.resolve("edge/stack.yml"), dir.resolve("other/stack.yml"));
    stackFolder(dir).assertAllValid();
    // without the stack that refers to it, the Traefik file is a stack file again, and not a valid
    // one
    assertThatThrownBy(() -> stackFolder(dir).exclude("edge/stack.yml").assertAllValid())
        .hasMessageContaining(dir.resolve("edge/configs/dynamic.yml") + ":1:1: error:");
  }

  @Test
  void foldersReachedThroughSymbolicLinksAreSearched() throws IOException {
    write("real/shop/stack.yml", VALID);
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("real/shared"), dir.resolve("real/shop"));
    assertThat(stackFolder(link).files())
        .containsExactly(link.resolve("shared/stack.yml"), link.resolve("shop/stack.yml"));
    assertThat(stackFolder(link).dynamicTests().toList())
        .extracting(DynamicTest::getDisplayName)
        .containsExactly("shared/stack.yml", "shop/stack.yml");
  }

  @Test
  void aLinkLoopIsAClearFailure() throws IOException {
    write("real/stack.yml", VALID);
    Files.createSymbolicLink(dir.resolve("real/loop"), dir.resolve("real"));
    assertThatThrownBy(() -> stackFolder(dir.resolve("real")).files())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the folder " + dir.resolve("real") + " links back into itself at ")
        .hasMessageEndingWith("; exclude that link or remove it");
  }

  private static void run(Executable e) throws Throwable {
    e.execute();
  }
}
