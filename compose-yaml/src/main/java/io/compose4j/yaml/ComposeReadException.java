package io.compose4j.yaml;

import java.util.Optional;

/**
 * A Compose file that cannot be read: malformed YAML, an unknown key, a value of the wrong type, an
 * unset required variable. The message is one line a person can act on, and the exception carries
 * where the problem is: file, line, column and YAML path.
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
    super(format(file, line, column, oneLine(path), oneLine(reason)));
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = oneLine(path);
    this.reason = oneLine(reason);
  }

  /**
   * Longest run without a space kept whole in a message; longer ones (a quoted 1 MB value) are
   * shortened.
   */
  private static final int MAX_RUN = 200;

  /** Longest path or reason kept whole; the middle of a longer one is left out. */
  private static final int MAX_TEXT = 2000;

  /**
   * Returns the text as one line of bounded length: line breaks and other control characters are
   * written as escapes ({@code \n}), a run of more than 200 characters without a space keeps its
   * start and end, and a text longer than 2,000 characters loses its middle.
   */
  static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT + 100));
    int run = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        run = 0;
        out.append(c);
        continue;
      }
      if (run == MAX_RUN) {
        int end = i;
        while (end < n && text.charAt(end) != ' ') {
          end++;
        }
        int skip = Math.max(0, end - i - 40);
        if (skip > 0) {
          out.append("...(").append(skip).append(" more characters)...");
          i += skip;
        }
        run++;
        i--;
        continue;
      }
      run++;
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
      if (out.length() > 4 * MAX_TEXT) {
        break;
      }
    }
    if (out.length() > MAX_TEXT) {
      int tail = MAX_TEXT / 3;
      String tailText = tailOf(text, tail);
      out.setLength(MAX_TEXT - tail);
      out.append(" ... ").append(tailText);
    }
    return out.toString();
  }

  private static String tailOf(String text, int length) {
    String t = text.length() > length ? text.substring(text.length() - length) : text;
    return t.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String format(String file, int line, int column, String path, String reason) {
    String where = path == null || path.isEmpty() ? "" : path + ": ";
    return file
        + ":"
        + Math.max(line, 1)
        + ":"
        + Math.max(column, 1)
        + ": error: "
        + where
        + reason;
  }

  /**
   * Returns whether the error has a position in the file (false when the file could not be opened).
   */
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

  /**
   * Returns the YAML path of the offending key ({@code services.web.deploy.replicas}), possibly
   * empty.
   */
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
