package io.compose4j.yaml;

import java.util.Optional;

/**
 * A Compose file that cannot be read: malformed YAML, an unknown key, a value of the wrong type,
 * an unset required variable. The message is one line a person can act on, and the exception
 * carries where the problem is: file, line, column and YAML path.
 */
public final class ComposeReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file name as given by the caller. */
  private final String file;
  /** The 1-based line, 0 when unknown. */
  private final int line;
  /** The 1-based column, 0 when unknown. */
  private final int column;
  /** The YAML path of the offending key. */
  private final String path;
  /** What is wrong, without position. */
  private final String reason;

  /**
   * Creates an exception.
   *
   * @param file the file name as given by the caller (or {@code <input>})
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param path YAML path of the offending key, {@code ""} for the document
   * @param reason what is wrong and what to do, without position
   */
  public ComposeReadException(String file, int line, int column, String path, String reason) {
    super(format(file, line, column, path, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.reason = reason;
  }

  private static String format(String file, int line, int column, String path, String reason) {
    String where = path == null || path.isEmpty() ? "" : path + ": ";
    return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": error: " + where + reason;
  }

  /** Returns whether the error has a position in the file (false when the file could not be opened). */
  public boolean hasPosition() {
    return line > 0;
  }

  /** Returns the file name as given by the caller. */
  public String file() {
    return file;
  }

  /** Returns the 1-based line of the problem (1 when the whole file is meant). */
  public int line() {
    return Math.max(line, 1);
  }

  /** Returns the 1-based column of the problem (1 when the whole file is meant). */
  public int column() {
    return Math.max(column, 1);
  }

  /** Returns the YAML path of the offending key ({@code services.web.deploy.replicas}), possibly empty. */
  public String path() {
    return path == null ? "" : path;
  }

  /** Returns what is wrong, without file and position. */
  public String reason() {
    return reason;
  }

  /** Returns the YAML path when there is one. */
  public Optional<String> pathIfAny() {
    return path == null || path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  /** Returns the one-line {@code FILE:LINE:COL: error: ...} form. */
  @Override
  public String getMessage() {
    return super.getMessage();
  }
}
