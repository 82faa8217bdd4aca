package io.compose4j.test;

import io.compose4j.model.Diagnostic;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the diagnostics of one rule, from {@link ValidationReportAssert#hasError}. */
public final class DiagnosticsAssert extends AbstractAssert<DiagnosticsAssert, List<Diagnostic>> {
  private final StackSource source;
  private final ValidationReportAssert report;

  DiagnosticsAssert(
      List<Diagnostic> diagnostics, StackSource source, ValidationReportAssert report) {
    super(diagnostics, DiagnosticsAssert.class);
    this.source = source;
    this.report = report;
  }

  /**
   * Checks that one of the diagnostics is at this YAML path or under it ({@code
   * at("services.web.deploy")} matches {@code services.web.deploy.replicas}).
   */
  public DiagnosticsAssert at(String path) {
    boolean found =
        actual.stream()
            .anyMatch(
                d ->
                    d.path().equals(path)
                        || d.path().startsWith(path + ".")
                        || d.path().startsWith(path + "["));
    if (!found) {
      failWithMessage(
          "%s",
          "Expecting "
              + actual.get(0).ruleId()
              + " at "
              + path
              + "\nbut it is reported at:\n"
              + ValidationReportAssert.describe(actual, source));
    }
    return this;
  }

  /** Checks that one of the diagnostics' messages contains this text. */
  public DiagnosticsAssert withMessageContaining(String text) {
    if (actual.stream().noneMatch(d -> d.message().contains(text))) {
      failWithMessage(
          "%s",
          "Expecting a "
              + actual.get(0).ruleId()
              + " message containing \""
              + text
              + "\"\nbut the messages are:\n"
              + ValidationReportAssert.describe(actual, source));
    }
    return this;
  }

  /** Returns to the report. */
  public ValidationReportAssert and() {
    return report;
  }
}
