package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table behind folder expansion (a top-level services key) and fmt's refusal of variable
 * references.
 */
class StackFileRuleTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      services: {}                                      | true
      version: '3.8'\\nservices:\\n  web: {image: x}      | true
      x-a: &a {services: 1}\\nservices: {}              | true
      x-a: {services: 1}                                | false
      networks: {services: {}}                          | false
      'services'                                        | false
      - services                                        | false
      ''                                                | false
      server:\\n  port: 8080\\n---\\nservices: {}       | false
      key: [a, {b: c}]\\nother: 1\\nservices: {}        | true
      services: [\\n                                    | true
      """)
  void aStackFileHasATopLevelServicesKeyAndInvalidYamlIsKept(String text, boolean stack)
      throws IOException {
    Path f = dir.resolve("f.yml");
    Files.writeString(f, text.replace("\\n", "\n"), StandardCharsets.UTF_8);
    assertThat(Inputs.hasServicesKey(f)).isEqualTo(stack);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      nginx:1.25              | -1
      ${TAG}                  | 0
      nginx:${TAG:-1}         | 6
      $HOME                   | 0
      $$HOME                  | -1
      echo $$$$ $$1           | -1
      a $$${X}                | 4
      price: 5$               | -1
      $1                      | -1
      $_x                     | 0
      """)
  void findsVariableReferencesButNotEscapedDollars(String value, int index) {
    assertThat(Rewrite.variableReference(value)).isEqualTo(index);
  }
}
