package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/RULES.md is generated from the rules; this fails when it is stale (regenerate with
 * -Dcompose4j.docs.update=true).
 */
class RulesDocTest {
  @Test
  void rulesMarkdownIsUpToDate() throws IOException {
    Path doc = Path.of("..", "docs", "RULES.md");
    String expected = RulesDoc.render();
    if (Boolean.getBoolean("compose4j.docs.update")) {
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as(
            "docs/RULES.md is out of date; run mvn -pl compose-validate test -Dcompose4j.docs.update=true")
        .isEqualTo(expected);
  }
}
