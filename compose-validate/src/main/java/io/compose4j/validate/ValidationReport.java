package io.compose4j.validate;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The findings of a {@link StackValidator} run, in a stable order (by path, then rule id). */
public final class ValidationReport {
  private final List<Diagnostic> diagnostics;
  private final Stack stack;

  ValidationReport(List<Diagnostic> diagnostics, Stack stack) {
    this.diagnostics = List.copyOf(diagnostics);
    this.stack = stack;
  }

  /**
   * Returns where in Java the object a finding is about was declared, for a stack built with the
   * DSL ({@code com.example.Shop.stack(Shop.java:42)}); empty for a stack read from YAML.
   */
  public Optional<String> declarationOf(Diagnostic diagnostic) {
    return stack == null ? Optional.empty() : stack.declarationOf(diagnostic.path());
  }

  /** Returns every finding. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Returns the findings of one severity. */
  public List<Diagnostic> withSeverity(Severity severity) {
    List<Diagnostic> out = new ArrayList<>(); // loops, not streams: see Rx on short runs
    for (Diagnostic d : diagnostics) {
      if (d.severity() == severity) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the errors: what Docker or the Swarm manager refuses, or what certainly fails at task
   * start.
   */
  public List<Diagnostic> errors() {
    return withSeverity(Severity.ERROR);
  }

  /** Returns the warnings. */
  public List<Diagnostic> warnings() {
    return withSeverity(Severity.WARNING);
  }

  /** Returns whether there is at least one error. */
  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /** Returns the findings of a rule. */
  public List<Diagnostic> forRule(String ruleId) {
    return diagnostics.stream().filter(d -> d.ruleId().equals(ruleId)).toList();
  }

  /**
   * Throws a {@link ValidationException} listing every error, if there is one.
   *
   * @throws ValidationException when the report has errors
   */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ValidationException(this);
    }
  }

  /**
   * Returns the findings at or above a severity, one per line with their hints and, for a stack
   * built with the DSL, the Java line that declared the object ({@code declared at ...}).
   */
  public String format(Severity atLeast) {
    return diagnostics.stream()
        .filter(d -> d.severity().compareTo(atLeast) <= 0)
        .map(d -> d + declarationOf(d).map(at -> "\n  declared at " + at).orElse(""))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return diagnostics.isEmpty() ? "no findings" : format(Severity.INFO);
  }
}
