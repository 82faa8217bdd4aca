package io.compose4j.yaml.read;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * A SnakeYAML {@link StreamReader} over a whole document held in memory. SnakeYAML's own reader
 * reads 1,024 characters at a time and copies the unread window on every refill, so one token of n
 * characters costs n²/1024 copies (an 8 MB scalar took 9 s); this one indexes the text directly and
 * reads a token of any length in linear time. It keeps SnakeYAML's semantics: positions count code
 * points, {@code \r\n}, {@code \r} and {@code \n} (and the other YAML line breaks) end a line, a
 * byte order mark takes no column, and a character YAML does not allow is refused with SnakeYAML's
 * {@link ReaderException} when the scanner reaches the part of the text holding it.
 *
 * <p>Text without surrogate pairs (nearly all files) is read straight from the {@link String};
 * other text is converted to code points once.
 */
final class TextStreamReader extends StreamReader {
  private static final String NAME = "'reader'";
  private static final int[] NO_SNIPPET = new int[0];

  /** SnakeYAML refuses a bad character when it loads the 1,024-character chunk holding it. */
  private static final int CHUNK = 1024;

  private final String text;
  private final int[] codePoints;
  private final int length;

  /** Index of the first character YAML does not allow, or {@code length}. */
  private final int firstBad;

  private int pointer;
  private int line;
  private int column;
  private int documentIndex;

  TextStreamReader(String text) {
    super("");
    this.text = text;
    boolean surrogates = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    this.codePoints = surrogates ? text.codePoints().toArray() : null;
    this.length = surrogates ? codePoints.length : text.length();
    int bad = length;
    for (int i = 0; i < length; i++) {
      if (!isPrintable(at(i))) {
        bad = i;
        break;
      }
    }
    this.firstBad = bad;
  }

  private int at(int i) {
    return codePoints != null ? codePoints[i] : text.charAt(i);
  }

  /**
   * Refuses a look at or past the chunk that holds a character YAML does not allow, as SnakeYAML
   * does.
   */
  private void check(int index) {
    if (firstBad < length && index >= (firstBad / CHUNK) * CHUNK) {
      throw new ReaderException(NAME, firstBad, at(firstBad), "special characters are not allowed");
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, pointer, line, column, NO_SNIPPET, 0);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int count) {
    for (int i = 0; i < count && pointer < length; i++) {
      check(pointer);
      int c = at(pointer++);
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && at(pointer) != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int index) {
    int i = pointer + index;
    if (i >= length) {
      return 0;
    }
    check(i);
    return at(i);
  }

  @Override
  public String prefix(int count) {
    if (count == 0) {
      return "";
    }
    int end = Math.min(length, pointer + count);
    check(end - 1);
    if (codePoints == null) {
      return text.substring(pointer, end);
    }
    return new String(codePoints, pointer, end - pointer);
  }

  @Override
  public String prefixForward(int count) {
    String s = prefix(count);
    pointer += count;
    documentIndex += count;
    column += count;
    return s;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
