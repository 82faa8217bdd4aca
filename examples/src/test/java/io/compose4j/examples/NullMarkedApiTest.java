package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Every public package of the library is null-marked (JSpecify), as the README says. */
class NullMarkedApiTest {
  @Test
  void publicPackagesAreNullMarked() throws Exception {
    for (String type :
        List.of(
            "io.compose4j.model.Stack",
            "io.compose4j.yaml.ComposeReader",
            "io.compose4j.dsl.Compose",
            "io.compose4j.validate.StackValidator",
            "io.compose4j.test.ComposeAssertions",
            "io.compose4j.plan.Planner")) {
      assertThat(Class.forName(type).getPackage().isAnnotationPresent(NullMarked.class))
          .as(type)
          .isTrue();
    }
  }
}
