package io.compose4j.test;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.validate.ValidationReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a validation report. When the report comes from {@link StackAssert#validate()},
 * failures quote the YAML each diagnostic points at.
 *
 * <pre>{@code
 * assertThat(stack).validate().hasNoErrors();
 * assertThat(report).hasError("SWARM-MODE-006").at("services.web.deploy");
 * }</pre>
 */
public final class ValidationReportAssert
    extends AbstractAssert<ValidationReportAssert, ValidationReport> {
  private final StackSource source;

  ValidationReportAssert(ValidationReport report, StackSource source) {
    super(report, ValidationReportAssert.class);
    this.source = source;
  }

  /** Checks that no diagnostic is an error. */
  public ValidationReportAssert hasNoErrors() {
    return hasNone(Severity.ERROR, "errors");
  }

  /** Checks that no diagnostic is a warning. */
  public ValidationReportAssert hasNoWarnings() {
    return hasNone(Severity.WARNING, "warnings");
  }

  private ValidationReportAssert hasNone(Severity severity, String what) {
    isNotNull();
    List<Diagnostic> found = actual.withSeverity(severity);
    if (!found.isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting no validation "
              + what
              + " but found "
              + found.size()
              + ":\n"
              + describe(found));
    }
    return this;
  }

  /** Checks that some error has this rule id and returns assertions on those errors. */
  public DiagnosticsAssert hasError(String ruleId) {
    return has(Severity.ERROR, ruleId);
  }

  /** Checks that some warning has this rule id and returns assertions on those warnings. */
  public DiagnosticsAssert hasWarning(String ruleId) {
    return has(Severity.WARNING, ruleId);
  }

  /** Checks that no diagnostic of any severity has this rule id. */
  public ValidationReportAssert doesNotReport(String ruleId) {
    isNotNull();
    List<Diagnostic> found = actual.forRule(ruleId);
    if (!found.isEmpty()) {
      failWithMessage(
          "%s", "Expecting no " + ruleId + " diagnostic but found:\n" + describe(found));
    }
    return this;
  }

  private DiagnosticsAssert has(Severity severity, String ruleId) {
    isNotNull();
    List<Diagnostic> found =
        actual.forRule(ruleId).stream().filter(d -> d.severity() == severity).toList();
    if (found.isEmpty()) {
      List<Diagnostic> all =
          actual.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
      failWithMessage(
          "%s",
          "Expecting "
              + (severity == Severity.ERROR ? "an error " : "a warning ")
              + ruleId
              + "\nbut the report has "
              + (all.isEmpty() ? "no errors or warnings" : "these:\n" + describe(all)));
    }
    return new DiagnosticsAssert(found, source, this);
  }

  String describe(List<Diagnostic> diagnostics) {
    return describe(diagnostics, source);
  }

  static String describe(List<Diagnostic> diagnostics, StackSource source) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      b.append("- ")
          .append(d.severity().label())
          .append(' ')
          .append(d.ruleId())
          .append(" at ")
          .append(d.path().isEmpty() ? "(the stack)" : d.path())
          .append(": ")
          .append(d.message())
          .append('\n');
      if (source != null && !d.path().isEmpty()) {
        b.append(source.fragment(d.path(), 6).indent(2));
      }
    }
    return b.toString().stripTrailing();
  }
}
