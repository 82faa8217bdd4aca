package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's program that validates a stack prints nothing on its stderr: Hibernate Validator's
 * {@code HV000001} version line is kept out (it appears on the first validation of each JVM, so the
 * check runs in a fresh one).
 */
class QuietStderrTest {

  /** The user's program: validates a stack with a field error, prints the findings' rule ids. */
  public static final class Program {
    public static void main(String[] args) {
      Stack stack =
          Stack.builder()
              .putService(
                  "web",
                  Service.builder()
                      .image("nginx:1.27")
                      .deploy(
                          io.compose4j.model.Deploy.builder()
                              .updateConfig(
                                  io.compose4j.model.UpdateConfig.builder().parallelism(-1).build())
                              .build())
                      .build())
              .build();
      ValidationReport report = StackValidator.forTarget(Target.SWARM).validate(stack);
      report.diagnostics().forEach(d -> System.out.println(d.ruleId()));
    }
  }

  @Test
  void validatingPrintsNothingOnStderr() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p =
        new ProcessBuilder(
                List.of(
                    java, "-cp", System.getProperty("java.class.path"), Program.class.getName()))
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("stderr: %s", err).isZero();
    assertThat(out).as("the field constraint ran").isNotBlank();
    assertThat(err).isEmpty();
  }
}
