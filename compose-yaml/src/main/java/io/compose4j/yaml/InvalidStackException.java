package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a {@linkplain ComposeWriter#validating validating} writer instead of writing a stack
 * that has errors: the message lists every error with its hint.
 */
public final class InvalidStackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The errors that stopped the write. */
  private final transient List<Diagnostic> errors;

  InvalidStackException(List<Diagnostic> errors) {
    super("refusing to write a stack with " + errors.size() + (errors.size() == 1 ? " error" : " errors")
        + "; fix " + (errors.size() == 1 ? "it" : "them") + " or write with a writer that does not validate:\n"
        + errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** Returns the errors that stopped the write. */
  public List<Diagnostic> errors() {
    return errors;
  }
}
