package com.example.shop;

import static io.compose4j.test.ComposeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShopStackTest {

  @Test
  void theStackIsValidForSwarm() {
    ValidationReport report = StackValidator.forTarget(Target.SWARM).validate(ShopStack.stack());
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void theStackReadsBackAsWritten() throws Exception {
    String yaml = ComposeWriter.forTarget(Target.SWARM).write(ShopStack.stack());
    Path file = Files.createDirectories(Path.of("target", "stacks")).resolve("shop.yml");
    Files.writeString(file, yaml);
    Stack read = ComposeReader.create().read(file).stack();
    assertThat(read.services()).containsOnlyKeys("api");
    assertThat(ComposeWriter.forTarget(Target.SWARM).write(read)).isEqualTo(yaml);
  }

  @Test
  void composeTestAssertions() {
    assertThat(ShopStack.stack())
        .isValid()
        .service("api")
        .hasReplicas(3)
        .isConstrainedTo("node.role == worker")
        .usesSecret("db_password")
        .hasHealthcheck()
        .publishes(8080, 80);
  }
}
