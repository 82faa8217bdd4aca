package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;

/** Formats diagnostics as {@code FILE:LINE:COL: severity: message [rule]} plus an indented hint. */
final class Diagnostics {
  private Diagnostics() {}

  /** Returns where a diagnostic points in the file it was found in: its path or closest written ancestor. */
  static SourcePosition position(ReadResult read, Diagnostic d) {
    return read.sourceMap().closest(d.path()).orElse(new SourcePosition(read.file(), 1, 1));
  }

  static String line(ReadResult read, Diagnostic d) {
    SourcePosition p = position(read, d);
    return line(p.file(), p.line(), p.column(), d);
  }

  /**
   * Returns the text form of one diagnostic; {@code line} 0 means the file has no position to
   * show (it could not be opened), and the form is then {@code FILE: severity: ...}.
   */
  static String line(String file, int line, int column, Diagnostic d) {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    String text = where + ": " + d.severity().label() + ": " + d.message() + " [" + d.ruleId() + "]";
    return d.hint().isEmpty() ? text : text + "\n  hint: " + d.hint();
  }
}
