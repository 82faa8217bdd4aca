package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import java.util.List;

/**
 * The canonical YAML of a stack and what the writer had to leave out (keys the target format cannot
 * express), as warnings.
 *
 * @param yaml the YAML text, {@code \n} line ends
 * @param warnings one warning per key left out, with its YAML path
 */
public record WriteResult(String yaml, List<Diagnostic> warnings) {
  /** Copies the warnings into an unmodifiable list. */
  public WriteResult {
    warnings = List.copyOf(warnings);
  }
}
