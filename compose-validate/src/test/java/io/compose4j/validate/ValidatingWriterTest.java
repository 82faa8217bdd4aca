package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.InvalidStackException;
import org.junit.jupiter.api.Test;

/** {@code ComposeWriter.validating(StackValidator)} refuses to write a stack with errors. */
class ValidatingWriterTest {
  private static final ComposeWriter WRITER =
      ComposeWriter.forTarget(Target.SWARM).validating(StackValidator.forTarget(Target.SWARM));

  @Test
  void refusesAStackWithErrorsAndListsThem() {
    Stack invalid =
        ComposeReader.create()
            .readStack(
                """
        services:
          api:
            deploy:
              replicas: -1
        """);
    assertThat(ComposeWriter.forTarget(Target.SWARM).write(invalid)).contains("replicas: -1");
    assertThatThrownBy(() -> WRITER.write(invalid))
        .isInstanceOf(InvalidStackException.class)
        .hasMessageStartingWith(
            "refusing to write a stack with 2 errors; fix them or write with a writer that does not validate:\n")
        .hasMessageContaining("ERROR services.api.deploy.replicas [SWARM-MODE-006]")
        .hasMessageContaining(
            "ERROR services.api [SWARM-MISC-001] invalid image reference for service api: no image specified")
        .satisfies(
            e ->
                assertThat(((InvalidStackException) e).errors())
                    .extracting(Diagnostic::ruleId)
                    .contains("SWARM-MODE-006"));
    assertThatThrownBy(() -> WRITER.writeBytes(invalid)).isInstanceOf(InvalidStackException.class);
    assertThatThrownBy(() -> WRITER.render(invalid)).isInstanceOf(InvalidStackException.class);
  }

  @Test
  void writesAValidStackAsTheUncheckedWriterDoes() {
    Stack valid =
        ComposeReader.create()
            .readStack(
                """
        services:
          api:
            image: nginx:1.27
            deploy:
              replicas: 2
        """);
    assertThat(WRITER.write(valid)).isEqualTo(ComposeWriter.forTarget(Target.SWARM).write(valid));
  }
}
