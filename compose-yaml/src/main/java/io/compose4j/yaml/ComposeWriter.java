package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.StackCheck;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.Target;
import io.compose4j.yaml.write.StackEmitter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes a stack as canonical YAML for one {@link Target}. The output is deterministic (the same
 * model gives the same bytes however it was built), idempotent ({@code write(read(write(m)))}
 * equals {@code write(m)}) and faithful: Docker reads it as it reads the original. See {@code
 * docs/FORMAT.md} for the key order and the spelling of each value.
 *
 * <p>{@link Target#SWARM} writes a file {@code docker stack deploy} accepts: a {@code version:}
 * that allows every key used, only keys the 3.x formats know; what they cannot express is left out
 * and reported in {@link WriteResult#warnings()}. {@link Target#COMPOSE} writes the Compose
 * Specification: no {@code version}, a top-level {@code name}.
 */
public final class ComposeWriter {
  private final Target target;
  private final StackCheck check;

  private ComposeWriter(Target target, StackCheck check) {
    this.target = Objects.requireNonNull(target, "target");
    this.check = check;
  }

  /** Returns a writer for the given target. It writes any stack, valid or not. */
  public static ComposeWriter forTarget(Target target) {
    return new ComposeWriter(target, null);
  }

  /**
   * Returns a writer that runs a check before every write and refuses to write a stack it finds
   * errors in: every {@code write}, {@code writeBytes} and {@code render} throws {@link
   * InvalidStackException} listing them. Warnings do not stop the write.
   *
   * <pre>{@code
   * ComposeWriter writer = ComposeWriter.forTarget(Target.SWARM)
   *     .validating(StackValidator.forTarget(Target.SWARM));
   * }</pre>
   */
  public ComposeWriter validating(StackCheck check) {
    return new ComposeWriter(target, Objects.requireNonNull(check, "check"));
  }

  /** Returns the target this writer writes for. */
  public Target target() {
    return target;
  }

  /** Returns the canonical YAML of a stack. */
  public String write(Stack stack) {
    return render(stack).yaml();
  }

  /** Returns the canonical YAML of a stack as UTF-8 bytes. */
  public byte[] writeBytes(Stack stack) {
    return write(stack).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the canonical YAML of a stack to a stream as UTF-8 and returns what was left out. */
  public List<Diagnostic> write(Stack stack, OutputStream out) throws IOException {
    WriteResult result = render(stack);
    out.write(result.yaml().getBytes(StandardCharsets.UTF_8));
    return result.warnings();
  }

  /**
   * Returns the {@code version:} the SWARM writer writes: the stack's own when it is a 3.x version
   * that allows everything written ({@code 3} counts as {@code 3.0}), otherwise the lowest 3.x
   * version that does. Everything written is the keys of the stack ({@link
   * SwarmFormat#requiredMinor}) and the long syntax the writer uses for ports and volumes (3.2).
   */
  static String swarmVersion(Stack stack) {
    boolean longSyntax =
        stack.services().values().stream()
            .anyMatch(s -> !s.ports().isEmpty() || !s.volumes().isEmpty());
    int required = Math.max(SwarmFormat.requiredMinor(stack), longSyntax ? 2 : 0);
    String own = stack.version().orElse(null);
    return own != null && SwarmFormat.minorOf(own) >= required ? own : "3." + required;
  }

  /** Returns the canonical YAML of a stack and the warnings about what it leaves out. */
  public WriteResult render(Stack stack) {
    if (check != null) {
      List<Diagnostic> errors =
          check.check(stack).stream().filter(d -> d.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        throw new InvalidStackException(errors, stack);
      }
    }
    // about 1 KB of YAML per service; growing a large buffer by doubling costs more than writing it
    StringBuilder buffer = new StringBuilder(4096 + 1024 * stack.services().size());
    if (target == Target.SWARM) {
      buffer.append("version: \"").append(swarmVersion(stack)).append("\"\n");
    }
    int start = buffer.length();
    List<Diagnostic> warnings = StackEmitter.write(stack, target, buffer);
    if (buffer.length() - start == 3 && buffer.substring(start).equals("{}\n")) {
      buffer.setLength(start);
    }
    if (buffer.length() == start && target == Target.COMPOSE) {
      // an empty file does not read back; a stack with nothing in it is written as its smallest
      // valid form
      buffer.append("services: {}\n");
    }
    return new WriteResult(buffer.toString(), warnings);
  }
}
