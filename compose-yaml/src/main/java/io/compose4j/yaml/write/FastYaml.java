package io.compose4j.yaml.write;

import java.util.Arrays;

/**
 * Writes canonical YAML straight into a buffer, byte for byte what {@link JacksonYaml} (Jackson's
 * YAML generator over SnakeYAML's emitter, configured for canonical YAML) writes for the same
 * calls, at a fraction of its cost.
 *
 * <p>Layout: block mappings and sequences; a mapping's keys two columns right of its parent key; a
 * sequence's dashes two columns right of its key ({@code INDENT_ARRAYS_WITH_INDICATOR}); an item
 * that is a mapping starts on its dash's line, one that is a sequence four columns right of the
 * dash; an empty mapping or sequence is {@code {}} or {@code []}; lines end with {@code \n}.
 *
 * <p>Scalars: a string is double-quoted when it is empty or {@link QuotingRules} says it must be
 * quoted; a string with a line feed is a literal block ({@code |}, {@code |-}, {@code |+}, with an
 * indentation indicator when it starts with a space or a line feed) unless a literal cannot hold it
 * (a space at the end of a line, a tab), then double-quoted; any other string is plain unless plain
 * style cannot hold it (an indicator first, {@code ": "} or {@code " #"} inside, surrounding
 * spaces, {@code ---} or {@code ...} first), then single-quoted, or double-quoted when it holds a
 * tab. These are SnakeYAML's emitter rules (its {@code analyzeScalar} and {@code
 * chooseScalarStyle}) for the strings a stack holds.
 *
 * <p>What this class does not reproduce makes it throw {@link Unsupported} before the writer relies
 * on its output, and the stack is written again with {@link JacksonYaml}: a key of 100 characters
 * or more or an empty or multi-line key (SnakeYAML writes them as explicit {@code ?} keys), control
 * characters other than tab and line feed, {@code U+0085}, {@code U+00A0}, {@code U+2028}, {@code
 * U+2029}, {@code U+FEFF}, surrogates and non-characters (SnakeYAML escapes or breaks lines on
 * them), and anything but a mapping at the top. {@code FastYamlTest} compares the two writers on
 * every corpus file and on generated trees whose strings hold the characters that change a scalar's
 * style.
 */
final class FastYaml implements YamlSink {

  /**
   * Thrown when a value needs a rule of SnakeYAML's emitter that this writer leaves to it. It has
   * no stack trace: it is a signal, caught by the writer, which starts over with {@link
   * JacksonYaml}.
   */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  /** Keys this long or longer are left to SnakeYAML (it writes 128 and more as {@code ?} keys). */
  static final int LONG_KEY = 100;

  private final StringBuilder out;

  /** Per open mapping or sequence: whether it is a mapping. */
  private boolean[] map = new boolean[16];

  /** Per open collection: the column of its keys (mapping) or dashes (sequence). */
  private int[] column = new int[16];

  /** Per open collection: the keys or items written so far. */
  private int[] count = new int[16];

  /** Per open collection: whether its first key or dash continues its parent's dash line. */
  private boolean[] inline = new boolean[16];

  /** Per open mapping: its current key (for {@link #path()}). */
  private String[] key = new String[16];

  private int depth = -1;

  /** Whether a key was written and its value is due. */
  private boolean valueDue;

  /** Where this writer's output starts in {@link #out}. */
  private final int start;

  FastYaml(StringBuilder out) {
    this.out = out;
    this.start = out.length();
  }

  // ------------------------------------------------------------------ structure

  @Override
  public void writeStartObject() {
    open(true);
  }

  @Override
  public void writeStartArray() {
    open(false);
  }

  @Override
  public void writeEndObject() {
    close();
  }

  @Override
  public void writeEndArray() {
    close();
  }

  private void open(boolean isMap) {
    int col;
    boolean inl;
    if (depth < 0) {
      if (!isMap) {
        throw new Unsupported("a sequence at the top");
      }
      col = 0;
      inl = false;
    } else {
      int parent = column[depth];
      if (map[depth]) {
        col = parent + 2;
        inl = false;
      } else {
        col = isMap ? parent + 2 : parent + 4;
        inl = true;
      }
      placeValue();
    }
    push(isMap, col, inl);
  }

  private void push(boolean isMap, int col, boolean inl) {
    depth++;
    if (depth == map.length) {
      int n = depth * 2;
      map = Arrays.copyOf(map, n);
      column = Arrays.copyOf(column, n);
      count = Arrays.copyOf(count, n);
      inline = Arrays.copyOf(inline, n);
      key = Arrays.copyOf(key, n);
    }
    map[depth] = isMap;
    column[depth] = col;
    count[depth] = 0;
    inline[depth] = inl;
    key[depth] = null;
  }

  private void close() {
    if (count[depth] == 0) {
      if (depth > 0) {
        out.append(' ');
      }
      out.append(map[depth] ? "{}" : "[]");
    }
    depth--;
    if (depth < 0) {
      out.append('\n');
    }
  }

  /**
   * Moves to where the next value goes: after its key, or at a new dash in a sequence (a dash on
   * its parent's dash line for the first item of a sequence in a sequence).
   */
  private void placeValue() {
    if (map[depth]) {
      if (!valueDue) {
        throw new IllegalStateException("a value without a key");
      }
      valueDue = false;
      return;
    }
    if (count[depth] == 0 && inline[depth]) {
      out.append("   -");
    } else {
      newLine(column[depth]);
      out.append('-');
    }
    count[depth]++;
  }

  private void newLine(int col) {
    if (out.length() > start) {
      out.append('\n');
    }
    for (int i = 0; i < col; i++) {
      out.append(' ');
    }
  }

  @Override
  public void writeFieldName(String name) {
    if (depth < 0 || !map[depth] || valueDue) {
      throw new IllegalStateException("a key outside a mapping: " + name);
    }
    if (name.length() >= LONG_KEY) {
      throw new Unsupported("a long key");
    }
    int flags = analyze(name);
    if ((flags & (UNSUPPORTED | BREAKS)) != 0 || name.isEmpty()) {
      throw new Unsupported("an empty key or a key with line breaks or control characters");
    }
    if (count[depth] == 0 && inline[depth]) {
      out.append(' ');
    } else {
      newLine(column[depth]);
    }
    count[depth]++;
    key[depth] = name;
    if (QuotingRules.INSTANCE.needToQuoteName(name)) {
      doubleQuoted(name);
    } else {
      flowScalar(name, flags);
    }
    out.append(':');
    valueDue = true;
  }

  // ------------------------------------------------------------------ scalars

  @Override
  public void writeString(String text) {
    if (text.isEmpty()) {
      scalarStart();
      out.append("\"\"");
      return;
    }
    int flags = analyze(text);
    if ((flags & UNSUPPORTED) != 0) {
      throw new Unsupported("a character SnakeYAML escapes or breaks lines on");
    }
    scalarStart();
    if ((flags & BREAKS) != 0) {
      if ((flags & BLOCK) != 0) {
        literal(text);
      } else {
        doubleQuoted(text);
      }
    } else if (QuotingRules.INSTANCE.needToQuoteValue(text)) {
      doubleQuoted(text);
    } else {
      flowScalar(text, flags);
    }
  }

  /** Writes a one-line key or value plain, else single-quoted, else double-quoted, as allowed. */
  private void flowScalar(String text, int flags) {
    if ((flags & PLAIN) != 0) {
      out.append(text);
    } else if ((flags & SINGLE) != 0) {
      singleQuoted(text);
    } else {
      doubleQuoted(text);
    }
  }

  @Override
  public void writeNumber(int value) {
    plain(Integer.toString(value));
  }

  @Override
  public void writeNumber(long value) {
    plain(Long.toString(value));
  }

  @Override
  public void writeNumber(double value) {
    plain(String.valueOf(value));
  }

  @Override
  public void writeNumber(String encoded) {
    plain(encoded);
  }

  @Override
  public void writeBoolean(boolean value) {
    plain(value ? "true" : "false");
  }

  @Override
  public void writeNull() {
    plain("null");
  }

  /**
   * Writes a scalar Jackson asks to be plain (numbers, booleans, null): plain if plain holds it.
   */
  private void plain(String text) {
    int flags = analyze(text);
    if ((flags & (PLAIN | UNSUPPORTED)) != PLAIN) {
      throw new Unsupported("a number or word plain style cannot hold");
    }
    scalarStart();
    out.append(text);
  }

  private void scalarStart() {
    if (depth < 0) {
      throw new Unsupported("a scalar at the top");
    }
    placeValue();
    out.append(' ');
  }

  private void doubleQuoted(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\u00a0' -> throw new Unsupported("U+00A0 in a double-quoted string");
        default -> out.append(c);
      }
    }
    out.append('"');
  }

  private void singleQuoted(String s) {
    out.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        out.append('\'');
      }
      out.append(c);
    }
    out.append('\'');
  }

  /**
   * Writes a literal block: {@code |}, then {@code 2} when the text starts with a space or a line
   * feed, then {@code -} when it does not end with a line feed or {@code +} when it ends with two
   * (or is one); its lines indented two columns right of the key or dash, empty lines empty.
   */
  private void literal(String s) {
    int n = s.length();
    // scalarStart wrote the space after the key or dash
    out.append('|');
    char first = s.charAt(0);
    if (first == ' ' || first == '\n') {
      out.append('2');
    }
    String content;
    if (s.charAt(n - 1) != '\n') {
      out.append('-');
      content = s;
    } else {
      if (n == 1 || s.charAt(n - 2) == '\n') {
        out.append('+');
      }
      content = s.substring(0, n - 1);
    }
    int col = column[depth] + 2;
    int start = 0;
    while (true) {
      int end = content.indexOf('\n', start);
      String line = end < 0 ? content.substring(start) : content.substring(start, end);
      out.append('\n');
      if (!line.isEmpty()) {
        for (int i = 0; i < col; i++) {
          out.append(' ');
        }
        out.append(line);
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
  }

  // ------------------------------------------------------------------ analysis

  /** Plain style holds the text (in block context, as a value or a key). */
  static final int PLAIN = 1;

  /** Single quotes hold the text. */
  static final int SINGLE = 2;

  /** A literal block holds the text. */
  static final int BLOCK = 4;

  /** The text has a line feed. */
  static final int BREAKS = 8;

  /** The text has a character this writer leaves to SnakeYAML. */
  static final int UNSUPPORTED = 16;

  /**
   * Returns which styles can hold a non-empty text, by the rules of YAML's block context as
   * SnakeYAML's emitter applies them: an indicator character first ({@code # , [ ] { } & * ! | > '
   * " % @ `}), or {@code ?}, {@code :} or {@code -} first and followed by a space, or {@code ---}
   * or {@code ...} first, or {@code :} followed by a space or the end, or {@code #} after a space,
   * or a space at either end, or a line feed, rules out plain; a tab rules out every style but
   * double quotes; a space before a line feed rules out single quotes and literals; a line feed
   * before a space rules out single quotes; a space at the end rules out literals.
   */
  static int analyze(String s) {
    int n = s.length();
    boolean indicator = s.startsWith("---") || s.startsWith("...");
    boolean breaks = false;
    boolean special = false;
    boolean unsupported = false;
    boolean leadingSpace = false;
    boolean trailingSpace = false;
    boolean leadingBreak = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean followedBySpace = i + 1 >= n || isSpace(s.charAt(i + 1));
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
              indicator = true;
          case '?', ':', '-' -> indicator |= followedBySpace;
          default -> {}
        }
      } else if ((c == ':' && followedBySpace) || (c == '#' && isSpace(s.charAt(i - 1)))) {
        indicator = true;
      }
      if (c == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == n - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (c == '\n') {
        breaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == n - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
        if (c < 0x20 || c > 0x7e) {
          if (c == '\t') {
            special = true;
          } else if (!ordinaryUnicode(c)) {
            unsupported = true;
          }
        }
      }
    }
    int flags = 0;
    if (!(indicator
        || breaks
        || special
        || leadingSpace
        || trailingSpace
        || leadingBreak
        || trailingBreak)) {
      flags |= PLAIN;
    }
    if (!(breakSpace || spaceBreak || special)) {
      flags |= SINGLE;
    }
    if (!(trailingSpace || spaceBreak || special)) {
      flags |= BLOCK;
    }
    if (breaks) {
      flags |= BREAKS;
    }
    if (unsupported) {
      flags |= UNSUPPORTED;
    }
    return flags;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\0';
  }

  /** Printable characters outside ASCII that every style writes as they are. */
  private static boolean ordinaryUnicode(char c) {
    return (c > 0xa0 && c < 0xd800 && c != 0x2028 && c != 0x2029)
        || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
  }

  // ------------------------------------------------------------------ path

  @Override
  public String path() {
    StringBuilder b = new StringBuilder();
    for (int d = 1; d <= depth; d++) {
      if (map[d - 1]) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(key[d - 1]);
      } else {
        b.append('[').append(Math.max(0, count[d - 1] - 1)).append(']');
      }
    }
    if (depth >= 0) {
      if (map[depth]) {
        if (key[depth] != null) {
          if (b.length() > 0) {
            b.append('.');
          }
          b.append(key[depth]);
        }
      } else {
        b.append('[').append(Math.max(0, count[depth])).append(']');
      }
    }
    return b.toString();
  }
}
