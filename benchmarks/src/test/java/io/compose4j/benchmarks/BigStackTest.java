package io.compose4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.yaml.ComposeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark input is the reference file, and the DSL builds the same stack. */
class BigStackTest {
  @Test
  void yamlIsByteForByteWhatGenBigStackWrites() throws Exception {
    String shared = System.getProperty("compose4j.shared", "../../shared");
    Path script = Path.of(shared, "tools", "gen-big-stack.py");
    assumeTrue(Files.isRegularFile(script), "../shared/tools/gen-big-stack.py is not available");
    Process p =
        new ProcessBuilder("python3", script.toString(), "50").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assumeTrue(p.exitValue() == 0, "python3 is not available: " + out);
    assertThat(BigStack.yaml(50)).isEqualTo(out);
  }

  @Test
  void theDslBuildsTheStackTheYamlDescribes() {
    Stack read = ComposeReader.create().readStack(BigStack.yaml(30));
    Stack built = BigStack.dsl(30);
    assertThat(built.toBuilder().name(Optional.empty()).build()).isEqualTo(read);
  }

  @Test
  void theStackIsValidForSwarm() {
    Stack stack = ComposeReader.create().readStack(BigStack.yaml(20));
    assertThat(StackValidator.forTarget(Target.SWARM).validate(stack).errors()).isEmpty();
  }
}
