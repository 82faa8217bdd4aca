package io.compose4j.cli;

import static io.compose4j.test.ComposeAssertions.assertThatStackFile;
import static io.compose4j.test.ComposeAssertions.stackFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.compose4j.cli.FmtCommandTest.Run;
import io.compose4j.model.Diagnostic;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose4j validate} and compose-test ({@code StackFolder}, {@code StackAssert}) report the
 * same findings for the same files: all of them run {@code FileCheck}.
 */
class SameFindingsTest {
  /** A variable no test environment sets: the reader warns that it is unset. */
  private static final String UNSET = "COMPOSE4J_SAME_FINDINGS_UNSET_VARIABLE";

  /** An unset variable (reader), an error, a warning and info (validator). */
  private static final String FINDINGS =
      """
      version: "3.9"
      services:
        web:
          image: nginx:${%s}
          deploy:
            replicas: -1
          ports:
            - "127.0.0.1:8080:80"
          networks: [front]
      """
          .formatted(UNSET);

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /**
   * Splits text output into findings: each starts with the folder's path, a hint line belongs to
   * it.
   */
  private List<String> findings(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.strip().split("\n(?=" + Pattern.quote(dir.toString()) + ")", -1)) {
      out.add(part.strip());
    }
    return out;
  }

  @Test
  void stackFolderFailsWithTheFindingsTheCliPrints() throws IOException {
    file("stack.yml", FINDINGS);
    file("broken.yml", "services:\n  web:\n    image: nginx\n    deploy:\n      replica: 2\n");
    Run cli =
        FmtCommandTest.run(Map.of(), "validate", "--quiet", "--fail-on", "warning", dir.toString());
    assertThat(cli.code()).isEqualTo(Main.EXIT_UNREADABLE);
    List<String> printed = findings(cli.out());
    assertThat(printed).anyMatch(f -> f.contains("[" + ReadResult.VARIABLE_UNSET + "]"));
    assertThat(printed).anyMatch(f -> f.contains("[parse]"));
    assertThat(printed).anyMatch(f -> f.contains("[SWARM-MODE-006]"));

    assertThatThrownBy(() -> stackFolder(dir).failOnWarnings().assertAllValid())
        .isInstanceOf(AssertionError.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              List<String> reported = findings(message.substring(message.indexOf('\n') + 1));
              assertThat(reported).containsExactlyInAnyOrderElementsOf(printed);
            });
  }

  @Test
  void stackAssertReportsWhatTheCliReportsIncludingTheReadersWarnings() throws IOException {
    Path stack = file("stack.yml", FINDINGS);
    Run cli = FmtCommandTest.run(Map.of(), "validate", "--format", "json", stack.toString());
    List<String> printed = new ArrayList<>();
    for (JsonNode d :
        ValidateCommandTest.JSON.readTree(cli.out()).get("files").get(0).get("diagnostics")) {
      printed.add(
          d.get("severity").asText()
              + " "
              + d.get("rule").asText()
              + " "
              + d.get("path").asText()
              + ": "
              + d.get("message").asText());
    }
    assertThat(printed).anyMatch(d -> d.startsWith("warning " + ReadResult.VARIABLE_UNSET + " "));

    List<String> asserted = new ArrayList<>();
    for (Diagnostic d : assertThatStackFile(stack).validate().actual().diagnostics()) {
      asserted.add(d.severity().label() + " " + d.ruleId() + " " + d.path() + ": " + d.message());
    }
    assertThat(asserted).containsExactlyInAnyOrderElementsOf(printed);
  }
}
