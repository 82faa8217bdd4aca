package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck.FileReport;
import io.compose4j.validate.FileCheck.Finding;
import io.compose4j.validate.FileCheck.Report;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckTest {
  /** A warning at line 4 (the unset variable, from the reader), an error at line 6. */
  private static final String WARNING_BEFORE_ERROR =
      """
      version: "3.9"
      services:
        web:
          image: nginx:${TAG}
          deploy:
            replicas: -1
      """;

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.diagnostic().ruleId()).toList();
  }

  @Test
  void aFileReportIsInFileOrderAndTheReportErrorsFirst() throws IOException {
    Path a = file("a.yml", WARNING_BEFORE_ERROR);
    Report report = FileCheck.forTarget(Target.SWARM).check(List.of(a));
    FileReport only = report.files().get(0);
    List<String> inFile = rules(only.findings());
    assertThat(inFile.indexOf(ReadResult.VARIABLE_UNSET))
        .isLessThan(inFile.indexOf("SWARM-MODE-006"));
    assertThat(only.findings()).isSortedAccordingTo((x, y) -> Integer.compare(x.line(), y.line()));
    assertThat(only.findings().get(0).diagnostic().severity()).isNotEqualTo(Severity.ERROR);
    assertThat(report.findings().get(0).diagnostic().severity()).isEqualTo(Severity.ERROR);
    assertThat(report.findings())
        .isSortedAccordingTo(
            (x, y) -> x.diagnostic().severity().compareTo(y.diagnostic().severity()));
    assertThat(report.fails(Severity.ERROR)).isTrue();
    assertThat(report.hasUnreadable()).isFalse();
  }

  @Test
  void theEnvironmentSetsVariablesAndSuppressionCoversTheReadersWarnings() throws IOException {
    Path a = file("a.yml", WARNING_BEFORE_ERROR);
    assertThat(
            rules(
                FileCheck.forTarget(Target.SWARM)
                    .environment(Map.of("TAG", "1.25"))
                    .check(List.of(a))
                    .findings()))
        .doesNotContain(ReadResult.VARIABLE_UNSET);
    assertThat(
            rules(
                FileCheck.forTarget(Target.SWARM)
                    .suppress(ReadResult.VARIABLE_UNSET, "SWARM-MODE-006")
                    .check(List.of(a))
                    .findings()))
        .doesNotContain(ReadResult.VARIABLE_UNSET, "SWARM-MODE-006");
  }

  @Test
  void theFilesOfOneDeployMustDeclareTheSameVersionUnlessTheyAreSeparateStacks()
      throws IOException {
    Path a = file("a.yml", "version: \"3.9\"\nservices:\n  web:\n    image: nginx:1.25\n");
    Path b = file("b.yml", "version: \"3.8\"\nservices:\n  api:\n    image: nginx:1.25\n");
    Report together = FileCheck.forTarget(Target.SWARM).check(List.of(a, b));
    assertThat(rules(together.files().get(0).findings())).doesNotContain("SWARM-VER-005");
    assertThat(rules(together.files().get(1).findings())).contains("SWARM-VER-005");
    assertThat(
            rules(
                FileCheck.forTarget(Target.SWARM).separateStacks().check(List.of(a, b)).findings()))
        .doesNotContain("SWARM-VER-005");
    assertThat(
            rules(
                FileCheck.forTarget(Target.SWARM)
                    .suppress("SWARM-VER-005")
                    .check(List.of(a, b))
                    .findings()))
        .doesNotContain("SWARM-VER-005");
  }

  @Test
  void anUnreadableFileIsOneParseErrorAndTheOthersAreStillChecked() throws IOException {
    Path broken =
        file("broken.yml", "services:\n  web:\n    image: nginx\n    deploy:\n      replica: 2\n");
    Path missing = dir.resolve("missing.yml");
    Path a = file("a.yml", WARNING_BEFORE_ERROR);
    Report report = FileCheck.forTarget(Target.SWARM).check(List.of(broken, missing, a));
    assertThat(report.files())
        .extracting(FileReport::unreadable)
        .containsExactly(true, true, false);
    Finding parse = report.files().get(0).findings().get(0);
    assertThat(parse.describe())
        .isEqualTo(
            broken
                + ":5:7: error: unknown key 'replica' in services.web.deploy; "
                + "did you mean 'replicas'? ["
                + FileCheck.PARSE
                + "]");
    assertThat(report.files().get(1).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isZero())
        .satisfies(f -> assertThat(f.diagnostic().ruleId()).isEqualTo(FileCheck.PARSE));
    assertThat(rules(report.files().get(2).findings())).contains("SWARM-MODE-006");
  }

  @Test
  void theReadersRuleIdsCanBeSuppressedLikeRules() {
    assertThat(FileCheck.isRule(ReadResult.VARIABLE_UNSET)).isTrue();
    assertThat(FileCheck.isRule("SWARM-MODE-006")).isTrue();
    assertThat(FileCheck.isRule("SWARM-NO-SUCH-RULE")).isFalse();
  }
}
