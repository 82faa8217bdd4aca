package io.compose4j.benchmarks;

import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Reading and validating many small (ten-service) stacks in one JVM: budget under 1 ms each. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmallStackBenchmark {
  private byte[] bytes;
  private final ComposeReader reader = ComposeReader.create().withEnvironment(Map.of());
  private final FileCheck check = FileCheck.forTarget(Target.SWARM);

  @Setup
  public void input() {
    bytes = BigStack.yaml(10).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public ValidationReport readAndValidate() {
    ReadResult read = reader.read(bytes, "small.yml");
    return check.validate(read, null);
  }
}
