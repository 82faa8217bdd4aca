package io.compose4j.yaml;

/**
 * Where a key or value was written: file name as given, 1-based line and column.
 *
 * @param file the file name as given to the reader
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePosition(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
