package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;

/** Formats diagnostics as {@code FILE:LINE:COL: severity: message [rule]} plus an indented hint. */
final class Diagnostics {
  private Diagnostics() {}

  /** Returns where a diagnostic points in the file it was found in: its path or closest written ancestor. */
  static SourcePosition position(ReadResult read, Diagnostic d) {
    return read.positionOf(d.path());
  }

  static String line(ReadResult read, Diagnostic d) {
    return position(read, d).describe(d);
  }

  /**
   * Returns the text form of one diagnostic; {@code line} 0 means the file has no position to
   * show (it could not be opened), and the form is then {@code FILE: severity: ...}.
   */
  static String line(String file, int line, int column, Diagnostic d) {
    return new SourcePosition(file, line, column).describe(d);
  }
}
