package io.compose4j.model;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  /** Docker or the Swarm manager refuses the stack, or its tasks certainly fail. */
  ERROR,
  /** Accepted, but silently ignored or altered, or a likely mistake. */
  WARNING,
  /** Advice. */
  INFO;

  /** Returns the lower-case name used in text, JSON and SARIF output ({@code error}, ...). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
