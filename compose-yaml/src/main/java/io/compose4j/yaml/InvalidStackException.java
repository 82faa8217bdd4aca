package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a {@linkplain ComposeWriter#validating validating} writer instead of writing a stack
 * that has errors: the message lists every error with its hint and, for a stack built with the DSL,
 * the Java line that declared the object.
 */
public final class InvalidStackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The errors that stopped the write. */
  private final transient List<Diagnostic> errors;

  InvalidStackException(List<Diagnostic> errors, Stack stack) {
    super(
        "refusing to write a stack with "
            + errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + "; fix "
            + (errors.size() == 1 ? "it" : "them")
            + " or write with a writer that does not validate:\n"
            + errors.stream()
                .map(
                    d ->
                        d
                            + stack
                                .declarationOf(d.path())
                                .map(at -> "\n  declared at " + at)
                                .orElse(""))
                .collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** Returns the errors that stopped the write. */
  public List<Diagnostic> errors() {
    return errors;
  }
}
