package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;

/**
 * Where a key or value was written: file name as given, 1-based line and column.
 *
 * @param file the file name as given to the reader
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePosition(String file, int line, int column) {
  /**
   * Returns a diagnostic found here in the compiler-style form tools and editors read: {@code
   * FILE:LINE:COL: severity: message [rule]}, and an indented {@code hint:} line when it has one. A
   * line of 0 (a file that could not be opened) gives {@code FILE: severity: ...}.
   */
  public String describe(Diagnostic d) {
    String where = line > 0 ? toString() : file;
    String text =
        where + ": " + d.severity().label() + ": " + d.message() + " [" + d.ruleId() + "]";
    return d.hint().isEmpty() ? text : text + "\n  hint: " + d.hint();
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
