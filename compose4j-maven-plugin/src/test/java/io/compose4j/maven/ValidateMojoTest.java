package io.compose4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {
  private static final String VALID =
      """
      version: "3.8"
      services:
        web:
          image: nginx:1.25
          deploy:
            replicas: 2
      """;
  private static final String GLOBAL_WITH_REPLICAS =
      """
      version: "3.8"
      services:
        web:
          image: nginx:1.25
          deploy:
            mode: global
            replicas: 2
      """;
  private static final String IGNORED_BUILD =
      """
      version: "3.8"
      services:
        worker:
          image: registry.example.com/worker:2.0
          build: .
      """;

  @TempDir Path project;

  private final RecordingLog log = new RecordingLog();
  private ValidateMojo mojo;

  @BeforeEach
  void setUp() {
    mojo = new ValidateMojo();
    mojo.basedir = project.toFile();
    mojo.directory = project.resolve("src/main/stacks").toFile();
    mojo.setLog(log);
  }

  private void stack(String name, String yaml) throws IOException {
    Path file = project.resolve("src/main/stacks").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  @Test
  void passesValidStacksAndSaysWhatItChecked() throws Exception {
    stack("web.yml", VALID);
    stack("api.yaml", VALID);

    mojo.execute();

    assertThat(log.lines)
        .contains("[INFO] 0 errors, 0 warnings, 4 info in 2 stack files under src/main/stacks")
        .noneMatch(l -> l.startsWith("[ERROR]") || l.startsWith("[WARNING]"));
  }

  @Test
  void failsOnAnErrorWithTheCliDiagnosticNamingTheCountAndTheFirstError() throws Exception {
    stack("a.yml", VALID);
    stack("b.yml", GLOBAL_WITH_REPLICAS);
    stack("c.yml", GLOBAL_WITH_REPLICAS);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "2 errors in 2 of 3 stack files under src/main/stacks; the first: src/main/stacks/b.yml:7:7: "
                + "error: replicas can only be used with replicated or replicated-job mode [SWARM-MODE-002] "
                + "(hint: remove 'replicas' or set 'mode: replicated')");
    assertThat(log.lines)
        .containsSubsequence(
            "[ERROR] src/main/stacks/b.yml:7:7: error: replicas can only be used with replicated or replicated-job mode [SWARM-MODE-002]",
            "[ERROR]   hint: remove 'replicas' or set 'mode: replicated'",
            "[ERROR] src/main/stacks/c.yml:7:7: error: replicas can only be used with replicated or replicated-job mode [SWARM-MODE-002]",
            "[INFO] 2 errors, 0 warnings, 6 info in 3 stack files under src/main/stacks");
  }

  @Test
  void warningsPassByDefaultAndFailWithFailOnWarning() throws Exception {
    stack("worker.yml", IGNORED_BUILD);
    mojo.execute();
    assertThat(log.lines)
        .contains(
            "[WARNING] src/main/stacks/worker.yml:5:5: warning: 'build' is ignored by docker stack deploy [SWARM-KEY-002]");

    mojo.failOn = "WARNING";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "1 diagnostic at or above warning in 1 of 1 stack file under src/main/stacks; "
                + "the first: src/main/stacks/worker.yml:5:5: warning: 'build' is ignored");
  }

  @Test
  void infoIsShownOnlyWithDebugUnlessItFailsTheBuild() throws Exception {
    stack("web.yml", VALID);
    mojo.execute();
    assertThat(log.lines)
        .contains(
            "[DEBUG] src/main/stacks/web.yml:3:3: info: no health check: tasks count as healthy as soon as they start [LINT-NO-HEALTHCHECK]");

    log.lines.clear();
    mojo.failOn = "info";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("2 diagnostics at or above info in 1 of 1 stack file");
    assertThat(log.lines)
        .contains(
            "[INFO] src/main/stacks/web.yml:3:3: info: no health check: tasks count as healthy as soon as they start [LINT-NO-HEALTHCHECK]");
  }

  @Test
  void suppressedRulesAreNotReportedAndMayBeCommaSeparated() throws Exception {
    stack("b.yml", GLOBAL_WITH_REPLICAS);
    mojo.suppress = List.of("SWARM-MODE-002, LINT-NO-HEALTHCHECK", "LINT-NO-MEMORY-LIMIT");

    mojo.execute();

    assertThat(log.lines)
        .containsExactly(
            "[INFO] 0 errors, 0 warnings, 0 info in 1 stack file under src/main/stacks");
  }

  @Test
  void anUnknownRuleToSuppressIsAConfigurationError() throws Exception {
    stack("web.yml", VALID);
    mojo.suppress = List.of("SWARM-NOPE-001");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "<suppress> SWARM-NOPE-001: no such rule; use a rule id from docs/RULES.md");
  }

  @Test
  void aBadTargetOrFailOnIsAConfigurationError() throws Exception {
    stack("web.yml", VALID);
    mojo.target = "kubernetes";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("<target>kubernetes</target> is not a target; use swarm or compose");
    mojo.target = "compose";
    mojo.failOn = "fatal";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("<failOn>fatal</failOn> is not a severity; use error, warning or info");
  }

  @Test
  void theTargetDecidesTheRules() throws Exception {
    stack("worker.yml", IGNORED_BUILD);
    mojo.target = "compose";
    mojo.failOn = "warning";

    mojo.execute();

    assertThat(log.lines).noneMatch(l -> l.contains("SWARM-KEY-002"));
  }

  @Test
  void aFileThatDoesNotParseIsAnErrorAtItsPosition() throws Exception {
    stack(
        "typo.yml",
        """
        services:
          web:
            imagee: nginx
        """);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "1 error in 1 of 1 stack file under src/main/stacks; the first: src/main/stacks/typo.yml:3:5: "
                + "error: unknown key 'imagee' in services.web; did you mean 'image'? [parse]");
  }

  @Test
  void unsetVariablesAreReportedAndTheEnvironmentParameterSetsThem() throws Exception {
    stack(
        "web.yml",
        VALID.replace(
            "nginx:1.25", "nginx:${TAG:-1.25}\n    environment: [\"LOG_LEVEL=${LOG_LEVEL}\"]"));
    mojo.execute();
    assertThat(log.lines)
        .contains(
            "[WARNING] src/main/stacks/web.yml:5:5: warning: the variable LOG_LEVEL is not set; "
                + "an empty string is used [variable-unset]",
            "[WARNING]   hint: set it in the plugin's <environment>, or give a default with ${LOG_LEVEL:-default}");

    log.lines.clear();
    mojo.environment = Map.of("LOG_LEVEL", "debug");
    mojo.execute();
    assertThat(log.lines).noneMatch(l -> l.contains("variable"));
  }

  @Test
  void includesAndExcludesAreGlobsUnderTheFolderAndDoubleStarSlashAlsoMatchesTheTop()
      throws Exception {
    stack("web.yml", VALID);
    stack("prod/api.yml", VALID);
    stack("ci/broken.yml", GLOBAL_WITH_REPLICAS);
    stack("notes.txt", "not a stack");
    mojo.excludes = List.of("ci/**");

    assertThat(mojo.files(mojo.directory.toPath()))
        .map(p -> mojo.directory.toPath().relativize(p).toString())
        .containsExactly("prod/api.yml", "web.yml");

    mojo.includes = List.of("prod/*.yml");
    assertThat(mojo.files(mojo.directory.toPath()))
        .map(p -> mojo.directory.toPath().relativize(p).toString())
        .containsExactly("prod/api.yml");
  }

  @Test
  void aMissingFolderOrNoStackFilesIsSaidAndPasses() throws Exception {
    mojo.execute();
    assertThat(log.lines)
        .containsExactly("[INFO] No stack folder src/main/stacks; nothing to validate");

    log.lines.clear();
    stack("notes.txt", "not a stack");
    mojo.execute();
    assertThat(log.lines)
        .containsExactly(
            "[INFO] No stack files under src/main/stacks (includes [**/*.yml, **/*.yaml], excludes []); nothing to validate");
  }

  @Test
  void skipSkips() throws Exception {
    stack("b.yml", GLOBAL_WITH_REPLICAS);
    mojo.skip = true;

    mojo.execute();

    assertThat(log.lines).containsExactly("[INFO] compose4j:validate skipped (compose4j.skip)");
  }

  @Test
  void theStackNameEnablesTheNameRules() throws Exception {
    stack("web.yml", VALID);
    mojo.execute();
    mojo.stackName = "\"\"";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("[SWARM-NAME-001]");
  }
}
