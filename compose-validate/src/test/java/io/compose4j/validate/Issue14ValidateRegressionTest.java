package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the validator's part of issue 14 (hardening): findings, never an exception.
 */
class Issue14ValidateRegressionTest {
  private static List<Diagnostic> validate(String yaml) {
    ReadResult read = ComposeReader.create().read(yaml, "stack.yml");
    return StackValidator.forTarget(Target.SWARM)
        .validate(read.stack(), read.facts())
        .diagnostics();
  }

  @Test
  void defect02_aTenKilobyteImageNameIsAFindingNotAStackOverflow() {
    for (String name :
        new String[] {
          "a-".repeat(5_000) + "a",
          "a/".repeat(5_000) + "a",
          "a.".repeat(5_000) + "a/b",
          "nginx@" + "a+".repeat(5_000) + "a:" + "0".repeat(64)
        }) {
      List<Diagnostic> found = validate("services:\n  web:\n    image: \"" + name + "\"\n");
      List<Diagnostic> image =
          found.stream().filter(d -> d.message().contains("invalid image reference")).toList();
      assertThat(image).as(name.substring(0, 10)).hasSize(1);
      assertThat(image.get(0).message().length()).isLessThan(1000);
    }
  }

  @Test
  void defect06_aPublishedPortOfTwoToTheSixtyThreeOrMoreIsOutOfRange() {
    for (String published :
        new String[] {
          "9223372036854775808", "\"99999999999999999999999\"", "65536", "\"0000065536\""
        }) {
      List<Diagnostic> found =
          validate(
              "version: \"3.9\"\nservices:\n  web:\n    image: nginx:1.25\n    ports:\n"
                  + "      - target: 80\n        published: "
                  + published
                  + "\n");
      assertThat(found)
          .as(published)
          .anySatisfy(d -> assertThat(d.message()).contains("is out of range"));
    }
    List<Diagnostic> inRange =
        validate(
            """
            version: "3.9"
            services:
              web:
                image: nginx:1.25
                ports:
                  - target: 80
                    published: "0008080"
            """);
    assertThat(inRange).noneSatisfy(d -> assertThat(d.message()).contains("is out of range"));
  }
}
