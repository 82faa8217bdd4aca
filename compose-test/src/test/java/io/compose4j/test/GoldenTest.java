package io.compose4j.test;

import static io.compose4j.test.ComposeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenTest {
  @TempDir Path dir;

  @BeforeEach
  void goldenDir() {
    System.setProperty(Golden.DIR_PROPERTY, dir.toString());
  }

  @AfterEach
  void reset() {
    System.clearProperty(Golden.DIR_PROPERTY);
    System.clearProperty(Golden.UPDATE_PROPERTY);
  }

  static Stack stack(int replicas) {
    return io.compose4j.dsl.Compose.stack(
        "shop", s -> s.service("web", w -> w.image("nginx:1.25").replicas(replicas)));
  }

  static final String GOLDEN =
      """
      version: "3.0"
      services:
        web:
          image: nginx:1.25
          deploy:
            replicas: 2
      """;

  @Test
  void aMatchingGoldenFilePasses() throws IOException {
    Files.writeString(dir.resolve("web.yml"), GOLDEN, StandardCharsets.UTF_8);
    assertThat(stack(2)).matchesGolden("web.yml");
  }

  @Test
  void aDifferenceFailsWithAUnifiedDiffAndBothTexts() throws IOException {
    Files.writeString(dir.resolve("web.yml"), GOLDEN, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> assertThat(stack(3)).matchesGolden("web.yml"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "The canonical YAML of the stack differs from the golden file "
                + dir.resolve("web.yml")
                + ":\n"
                + "--- web.yml (golden)\n"
                + "+++ web.yml (stack)\n"
                + "@@ -3,4 +3,4 @@\n"
                + "   web:\n"
                + "     image: nginx:1.25\n"
                + "     deploy:\n"
                + "-      replicas: 2\n"
                + "+      replicas: 3\n"
                + "If the change is intended, run the test with -Dcompose4j.golden.update=true and review the file.")
        .satisfies(
            e -> {
              AssertionFailedError f = (AssertionFailedError) e;
              org.assertj.core.api.Assertions.assertThat(f.getExpected().getStringRepresentation())
                  .isEqualTo(GOLDEN);
              org.assertj.core.api.Assertions.assertThat(f.getActual().getStringRepresentation())
                  .contains("replicas: 3");
            });
  }

  @Test
  void aMissingGoldenFileSaysHowToCreateIt() {
    assertThatThrownBy(() -> assertThat(stack(2)).matchesGolden("stacks/new.yml"))
        .hasMessage(
            "The golden file "
                + dir.resolve("stacks/new.yml")
                + " does not exist.\n"
                + "Run the test with -Dcompose4j.golden.update=true to write it from the stack, then review and commit it.");
  }

  @Test
  void theUpdatePropertyWritesTheGoldenFiles() throws IOException {
    System.setProperty(Golden.UPDATE_PROPERTY, "true");
    assertThat(stack(2)).matchesGolden("stacks/new.yml");
    assertThat(stack(2)).matchesGolden("stacks/new-compose.yml", Target.COMPOSE);
    org.assertj.core.api.Assertions.assertThat(dir.resolve("stacks/new.yml"))
        .hasContent(GOLDEN.stripTrailing());
    org.assertj.core.api.Assertions.assertThat(dir.resolve("stacks/new-compose.yml"))
        .content()
        .doesNotContain("version")
        .contains("replicas: 2");
    System.clearProperty(Golden.UPDATE_PROPERTY);
    assertThat(stack(2)).matchesGolden("stacks/new.yml");
  }

  @Test
  void windowsLineEndingsInTheGoldenFileAreTolerated() throws IOException {
    Files.writeString(dir.resolve("web.yml"), GOLDEN.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    assertThat(stack(2)).matchesGolden("web.yml");
  }
}
