package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;

/** Formats diagnostics as {@code FILE:LINE:COL: severity: message [rule]} plus an indented hint. */
final class Diagnostics {
  private Diagnostics() {}

  static SourcePosition position(ReadResult read, Diagnostic d) {
    return read.sourceMap().closest(d.path()).orElse(new SourcePosition(read.file(), 1, 1));
  }

  static String line(ReadResult read, Diagnostic d) {
    SourcePosition p = position(read, d);
    String where = d.path().isEmpty() ? "" : d.path() + ": ";
    String text = p.file() + ":" + p.line() + ":" + p.column() + ": " + d.severity().label() + ": " + where
        + d.message() + " [" + d.ruleId() + "]";
    return d.hint().isEmpty() ? text : text + "\n  hint: " + d.hint();
  }
}
