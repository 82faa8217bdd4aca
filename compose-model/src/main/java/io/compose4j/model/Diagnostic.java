package io.compose4j.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a stack: a rule id, where (a YAML path such as {@code
 * services.web.deploy.replicas}), what (a lower-case message without trailing period) and what to
 * do about it (a hint, possibly empty).
 *
 * @param severity how serious the finding is
 * @param ruleId stable id of the rule that produced it ({@code parse} for unreadable files)
 * @param path YAML path of the offending key, {@code ""} for the whole file
 * @param message what is wrong, a lower-case fragment without trailing period
 * @param hint what to change, or {@code ""}
 */
public record Diagnostic(
    Severity severity, String ruleId, String path, String message, String hint) {

  /** Checks that no component is null. */
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** Returns an error diagnostic. */
  public static Diagnostic error(String ruleId, String path, String message, String hint) {
    return new Diagnostic(Severity.ERROR, ruleId, path, message, hint);
  }

  /** Returns a warning diagnostic. */
  public static Diagnostic warning(String ruleId, String path, String message, String hint) {
    return new Diagnostic(Severity.WARNING, ruleId, path, message, hint);
  }

  /** Returns an info diagnostic. */
  public static Diagnostic info(String ruleId, String path, String message, String hint) {
    return new Diagnostic(Severity.INFO, ruleId, path, message, hint);
  }

  /** Returns the hint when there is one. */
  public Optional<String> hintIfAny() {
    return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
  }

  @Override
  public String toString() {
    return severity.name()
        + " "
        + path
        + " ["
        + ruleId
        + "] "
        + message
        + (hint.isEmpty() ? "" : "\n  hint: " + hint);
  }
}
