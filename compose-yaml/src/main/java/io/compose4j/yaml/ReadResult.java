package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import java.util.List;
import java.util.Objects;

/**
 * A stack read from YAML, with the positions of its keys and the warnings reading produced (unset
 * variables, options Docker ignores, deprecated spellings).
 *
 * @param file the file name as given to the reader
 * @param stack the stack
 * @param sourceMap the position of every key by YAML path
 * @param warnings what reading noticed without failing
 * @param facts how the file was spelled where the model does not keep it (for the validator)
 */
public record ReadResult(
    String file,
    Stack stack,
    SourceMap sourceMap,
    List<Diagnostic> warnings,
    List<SyntaxFact> facts) {
  /**
   * The rule id of the reader's warning about a variable that is used but not set (it becomes an
   * empty string): {@code variable-unset}. Suppress it like a rule of docs/RULES.md.
   */
  public static final String VARIABLE_UNSET = "variable-unset";

  /** Checks the components and copies the lists. */
  public ReadResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(sourceMap, "sourceMap");
    warnings = List.copyOf(warnings);
    facts = List.copyOf(facts);
  }

  /**
   * Returns where a YAML path was written, or its closest written ancestor (a diagnostic about a
   * key that is missing points at its parent), or the start of the file.
   */
  public SourcePosition positionOf(String path) {
    return sourceMap.closest(path).orElse(new SourcePosition(file, 1, 1));
  }
}
