package io.compose4j.model;

import java.util.Locale;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  /**
   * {@code docker stack deploy} refuses the stack, or some task of it can never run on any cluster
   * (or on the cluster described, when cluster facts are given).
   */
  ERROR,
  /**
   * It fails or misbehaves only on some clusters, or Swarm silently drops or alters what was
   * written.
   */
  WARNING,
  /** Style and practice. */
  INFO;

  /** Returns the lower-case name used in text, JSON and SARIF output ({@code error}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
