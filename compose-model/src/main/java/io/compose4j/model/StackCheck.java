package io.compose4j.model;

import java.util.List;

/**
 * A check a stack must pass before it is written: {@code StackValidator} (in compose-validate) is
 * one, so that {@code ComposeWriter.forTarget(SWARM).validating(StackValidator.forTarget(SWARM))}
 * refuses to write a stack with errors without compose-yaml depending on compose-validate.
 */
@FunctionalInterface
public interface StackCheck {
  /**
   * Returns the findings about a stack; those of severity {@link Severity#ERROR} stop the write.
   */
  List<Diagnostic> check(Stack stack);
}
