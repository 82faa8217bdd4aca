package io.compose4j.validate;

import io.compose4j.model.Severity;

/** Thrown by {@link ValidationReport#throwIfErrors()}: the message lists every error. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The report with the errors. */
  private final transient ValidationReport report;

  ValidationException(ValidationReport report) {
    super(report.format(Severity.ERROR));
    this.report = report;
  }

  /** Returns the report. */
  public ValidationReport report() {
    return report;
  }
}
