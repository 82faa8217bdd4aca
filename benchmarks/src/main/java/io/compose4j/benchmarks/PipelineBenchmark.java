package io.compose4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The budgets of docs/PERFORMANCE.md, in one run: read + validate + write of the big stack against
 * raw Jackson {@code readTree} + {@code writeValueAsBytes} of the same bytes (budget: at most
 * 1.5x), and building the same stack with the DSL + validate + write (budget: under 100 ms). {@code
 * -p services=2000,20000} shows the growth (budget: at most 11x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {
  @Param({"2000"})
  public int services;

  private byte[] bytes;
  private final ObjectMapper yaml = new YAMLMapper();
  private final ComposeReader reader = ComposeReader.create().withEnvironment(Map.of());
  private final FileCheck check = FileCheck.forTarget(Target.SWARM);
  private final StackValidator validator = StackValidator.forTarget(Target.SWARM);
  private final ComposeWriter writer = ComposeWriter.forTarget(Target.SWARM);

  @Setup
  public void input() {
    bytes = BigStack.yaml(services).getBytes(StandardCharsets.UTF_8);
  }

  /** The baseline: Jackson's YAML tree in and out, no model, no checks. */
  @Benchmark
  public byte[] jacksonReadTreeWrite() throws IOException {
    JsonNode tree = yaml.readTree(bytes);
    return yaml.writeValueAsBytes(tree);
  }

  /** compose4j: read with positions and interpolation, validate for Swarm, write canonical YAML. */
  @Benchmark
  public String readValidateWrite() {
    ReadResult read = reader.read(bytes, "big.yml");
    ValidationReport report = check.validate(read, null);
    if (report.hasErrors()) {
      throw new IllegalStateException(report.toString());
    }
    return writer.write(read.stack());
  }

  /** Reading alone (parse, positions, interpolation, binding to the model). */
  @Benchmark
  public ReadResult read() {
    return reader.read(bytes, "big.yml");
  }

  /** Writing alone (canonical YAML of a stack already read). */
  @Benchmark
  public String write(Written w) {
    return writer.write(w.stack);
  }

  /** A stack read once, for {@link #write}. */
  @State(Scope.Benchmark)
  public static class Written {
    Stack stack;

    @Setup
    public void read(PipelineBenchmark b) {
      stack = b.reader.read(b.bytes, "big.yml").stack();
    }
  }

  /** The same stack built with the DSL, validated and written. */
  @Benchmark
  public String dslValidateWrite() {
    Stack stack = BigStack.dsl(services);
    ValidationReport report = validator.validate(stack);
    if (report.hasErrors()) {
      throw new IllegalStateException(report.toString());
    }
    return writer.write(stack);
  }
}
