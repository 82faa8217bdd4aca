package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import org.junit.jupiter.api.Test;

/** Findings quote a size as the user wrote it, not as a number of bytes. */
class ValuesAsWrittenTest {
  @Test
  void aSizeBuiltInCodeIsReportedAsWritten() {
    Stack stack =
        Stack.builder()
            .service(
                "api",
                s ->
                    s.image("nginx:1.27")
                        .deploy(d -> d.resources(r -> r.limits(Cpus.parse("1"), ByteSize.mib(-5)))))
            .build();
    assertThat(StackValidator.forTarget(Target.SWARM).validate(stack).forRule("SWARM-RES-004"))
        .extracting(Diagnostic::message)
        .containsExactly("invalid memory value -5MiB: Must be at least 4MiB");
  }

  @Test
  void aSizeReadFromAFileIsReportedAsWritten() {
    Stack stack =
        ComposeReader.create()
            .readStack(
                """
        services:
          api:
            image: nginx:1.27
            deploy:
              resources:
                limits:
                  memory: 2m
        """);
    assertThat(StackValidator.forTarget(Target.SWARM).validate(stack).forRule("SWARM-RES-004"))
        .extracting(Diagnostic::message)
        .containsExactly("invalid memory value 2m: Must be at least 4MiB");
  }
}
