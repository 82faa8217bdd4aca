package io.compose4j.benchmarks;

import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.util.List;
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
 * Validating a stack that is already read (issue 4: the 2,000-service stack in under 50 ms in a
 * warm JVM), and the linear growth to 20,000 services.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ValidateBenchmark {
  @Param({"2000"})
  public int services;

  private Stack stack;
  private List<SyntaxFact> facts;
  private StackValidator validator;

  @Setup
  public void read() {
    ReadResult read = ComposeReader.create().read(BigStack.yaml(services), "big.yml");
    stack = read.stack();
    facts = read.facts();
    validator = StackValidator.forTarget(Target.SWARM);
    ValidationReport report = validator.validate(stack, facts);
    if (report.hasErrors()) {
      throw new IllegalStateException("the benchmark stack should be valid:\n" + report);
    }
  }

  /** Field constraints (Hibernate Validator) and every Swarm and lint rule. */
  @Benchmark
  public ValidationReport validate() {
    return validator.validate(stack, facts);
  }
}
