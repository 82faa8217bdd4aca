package io.compose4j.test;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML text a failure message quotes: the user's own file when the stack was read from one,
 * otherwise the canonical YAML of the stack (built lazily, only when an assertion fails).
 */
final class StackSource {
  private final Stack stack;
  private ReadResult read;
  private List<String> lines;
  private boolean unreadable;

  private StackSource(Stack stack, ReadResult read, String text) {
    this.stack = stack;
    this.read = read;
    this.lines = text == null ? null : text.lines().toList();
  }

  /** The source of a stack read from a file, with the file's text. */
  static StackSource of(ReadResult read, String text) {
    return new StackSource(read.stack(), read, text);
  }

  /** The source of a stack built in code: its canonical YAML, rendered when first needed. */
  static StackSource of(Stack stack) {
    return new StackSource(stack, null, null);
  }

  Stack stack() {
    return stack;
  }

  Optional<ReadResult> readResult() {
    return Optional.ofNullable(read);
  }

  /**
   * Returns the read stack, or for a stack built in code its canonical YAML read back; empty when
   * that YAML cannot be read back (a value Docker would refuse, such as a negative memory size).
   */
  private Optional<ReadResult> read() {
    if (read == null && !unreadable) {
      String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(stack);
      lines = yaml.lines().toList();
      try {
        read = ComposeReader.create().withEnvironment(Map.of()).read(yaml, "<canonical YAML>");
      } catch (ComposeReadException e) {
        unreadable = true;
      }
    }
    return Optional.ofNullable(read);
  }

  /** Returns the position of a YAML path (or of its closest written parent). */
  Optional<SourcePosition> position(String path) {
    return read().flatMap(r -> r.sourceMap().closest(path));
  }

  /**
   * Returns the YAML at a path as a numbered excerpt: the line of the key and the lines nested
   * under it (at most {@code max}), the key's line marked with {@code >}; for a stack built with
   * the DSL, preceded by the Java line that declared the object ({@code declared at
   * Shop.stack(Shop.java:42)}).
   */
  String fragment(String path, int max) {
    String declared = stack.declarationOf(path).map(at -> "  declared at " + at + "\n").orElse("");
    return declared + excerpt(path, max);
  }

  private String excerpt(String path, int max) {
    Optional<SourcePosition> pos = position(path);
    if (pos.isEmpty() || lines == null || pos.get().line() > lines.size()) {
      return "";
    }
    int first = pos.get().line() - 1;
    int indent = indentOf(lines.get(first));
    boolean listItem = lines.get(first).stripLeading().startsWith("- ");
    int last = first;
    while (last + 1 < lines.size() && last + 1 - first < max) {
      String next = lines.get(last + 1);
      boolean nested =
          next.isBlank()
              || indentOf(next) > indent
              // a block sequence may sit at its key's indentation: "ports:\n- 80:80"
              || (indentOf(next) == indent && !listItem && next.stripLeading().startsWith("- "));
      if (!nested) {
        break;
      }
      last++;
    }
    StringBuilder b = new StringBuilder();
    b.append("  at ")
        .append(pos.get().file())
        .append(':')
        .append(pos.get().line())
        .append(':')
        .append(pos.get().column())
        .append('\n');
    int width = String.valueOf(last + 1).length();
    for (int i = first; i <= last; i++) {
      b.append(i == first ? "  > " : "    ")
          .append(String.format("%" + width + "d", i + 1))
          .append(" | ")
          .append(lines.get(i))
          .append('\n');
    }
    if (last + 1 < lines.size() && last + 1 - first >= max) {
      b.append("    ").append(" ".repeat(width)).append(" | ...\n");
    }
    return b.toString();
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
