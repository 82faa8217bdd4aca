package io.compose4j.yaml.read;

import io.compose4j.yaml.ReaderLimits;
import java.util.Arrays;

/**
 * Reads the YAML most Compose files are written in straight into a {@link YNode} tree, without the
 * general parser underneath (SnakeYAML behind Jackson), and gives up on everything else.
 *
 * <p>It takes block mappings and sequences indented with spaces, plain scalars on one line, single-
 * and double-quoted scalars on one line, literal and folded block scalars, flow sequences and
 * mappings on one line, comments and blank lines: 587 of the 616 corpus files. On anything else
 * (anchors, aliases, tags, merge keys, multi-line plain or quoted scalars or flow collections,
 * document markers, tabs, carriage returns, control characters, characters YAML treats as line
 * breaks, surrogates, duplicate keys, rare escapes, a value over one of the reader's limits, and
 * every syntax error) it returns {@code null} and {@link YamlTreeReader} reads the file with the
 * general parser, which also reports every error. So it never changes what a file means or which
 * error it gets: where it answers, it builds the tree the general parser builds, with the same
 * positions (1-based line and column of each node and key, and for an empty value the place
 * SnakeYAML gives it, just after the {@code :} or {@code -}), texts, styles and kinds. {@code
 * FastYamlReaderTest} compares the two on the corpus, on hand-written cases and on mutants of them.
 *
 * <p>Not thread-safe; one instance reads one document.
 */
final class FastYamlReader {
  /** Gives up: the general parser reads the file. Carries no stack trace. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  /**
   * SnakeYAML refuses a simple key longer than this (1024 characters); the fast path stays below.
   */
  private static final int MAX_KEY = 1000;

  /** Texts up to this length are shared (as the general path does). */
  private static final int MAX_SHARED = 64;

  private final char[] s;
  private final int n;
  private final ReaderLimits limits;

  /**
   * One instance of each short text (open addressing over the characters, so a text already seen
   * costs no new string): a large stack repeats its keys and most values thousands of times.
   */
  private String[] table = new String[1024];

  private char[][] tableChars = new char[1024][];
  private int tableSize;

  /** Whether the text holds a {@code $} (interpolation then has work). */
  private boolean dollar;

  /** Whether a plain string reads differently in YAML 1.1 (interpolation reports it). */
  private boolean ambiguous;

  /** The cursor. */
  private int pos;

  /** The 1-based line of the cursor. */
  private int line = 1;

  /** Index of the first character of the cursor's line. */
  private int lineStart;

  /** Indentation of the content line the cursor is on after a value was read (-1: end of input). */
  private int indent;

  private FastYamlReader(String text, ReaderLimits limits) {
    this.s = text.toCharArray();
    this.n = s.length;
    this.limits = limits;
  }

  /**
   * Reads a document, or returns null when the general parser must read it.
   *
   * @param text the whole document
   * @param limits the reader's limits (a value over one of them is left to the general parser,
   *     which reports it)
   * @return the root node, or null
   */
  static YNode read(String text, ReaderLimits limits) {
    FastYamlReader r = new FastYamlReader(text, limits);
    if (!r.plainCharacters()) {
      return null;
    }
    try {
      int first = r.skipToContent();
      if (first < 0) {
        return null; // no content: the general parser says what that means
      }
      YNode root = r.node(first, 1, -1);
      if (r.indent >= 0) {
        return null;
      }
      root.nothingToInterpolate = !r.dollar && !r.ambiguous;
      return root;
    } catch (GiveUp | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * Whether the text holds only characters the fast path reads as they are: no tab, carriage return
   * or other control character, nothing YAML 1.1 reads as a line break (U+0085, U+2028, U+2029), no
   * byte order mark, non-character or surrogate.
   */
  private boolean plainCharacters() {
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c >= 0x20 && c < 0x7f) {
        if (c == '$') {
          dollar = true;
        }
        continue;
      }
      if (c == '\n'
          || (c >= 0xa0
              && c != 0x2028
              && c != 0x2029
              && (c < 0xd800 || c > 0xdfff)
              && c != 0xfeff
              && c < 0xfffe)) {
        continue;
      }
      return false;
    }
    return true;
  }

  private static GiveUp giveUp() {
    return new GiveUp();
  }

  private char at(int i) {
    return i < n ? s[i] : '\0';
  }

  private boolean blankOrEnd(int i) {
    return i >= n || s[i] == ' ' || s[i] == '\n';
  }

  private int column() {
    return pos - lineStart;
  }

  /**
   * From the start of a line, skips blank and comment lines; returns the indentation of the next
   * content line with the cursor on its first character, or -1 at the end of the input. Sets {@link
   * #indent}.
   */
  private int skipToContent() {
    while (pos < n) {
      int i = pos;
      while (i < n && s[i] == ' ') {
        i++;
      }
      if (i >= n) {
        pos = n;
        break;
      }
      char c = s[i];
      if (c == '\n' || c == '#') {
        int eol = lineEnd(i);
        if (eol < 0) {
          pos = n;
          break;
        }
        pos = eol + 1;
        line++;
        lineStart = pos;
        continue;
      }
      pos = i;
      int ind = i - lineStart;
      if (ind == 0 && (c == '-' || c == '.' || c == '%')) {
        if (c == '%' || (at(i + 1) == c && at(i + 2) == c)) {
          throw giveUp(); // document markers and directives
        }
      }
      indent = ind;
      return ind;
    }
    indent = -1;
    return -1;
  }

  /**
   * After a value, skips spaces and a comment to the end of the line and moves to the next content
   * line.
   */
  private void endLine() {
    int start = pos;
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    if (pos < n) {
      char c = s[pos];
      if (c == '#' && (pos > start || pos == lineStart || s[pos - 1] == ' ')) {
        int eol = lineEnd(pos);
        pos = eol < 0 ? n : eol;
      }
      if (pos < n && s[pos] != '\n') {
        throw giveUp();
      }
    }
    if (pos < n) {
      pos++;
      line++;
      lineStart = pos;
    }
    skipToContent();
  }

  /**
   * Reads a block node whose first character is under the cursor, in column {@code col} (0-based);
   * {@code parentIndent} is the indentation of the collection holding it (a scalar's continuation
   * lines would be indented more).
   */
  private YNode node(int col, int depth, int parentIndent) {
    if (depth > limits.maxNestingDepth()) {
      throw giveUp();
    }
    char c = s[pos];
    if (c == '-' && blankOrEnd(pos + 1)) {
      return blockSeq(col, depth, false);
    }
    int colon = keyColon();
    if (colon >= 0) {
      return blockMap(col, depth, colon);
    }
    YNode value;
    if (c == '|' || c == '>') {
      value = blockScalar(parentIndent);
    } else {
      value = inline(depth);
      endLine();
    }
    if (indent > parentIndent) {
      throw giveUp(); // a multi-line scalar, or an error
    }
    return value;
  }

  /**
   * Reads a literal ({@code |}) or folded ({@code >}) block scalar whose indicator is under the
   * cursor, with a chomping indicator or none; its lines must be indented more than {@code
   * parentIndent}. An indentation indicator, text after the header, a block without content, a line
   * of spaces longer than the block's indentation, and in a folded block a more-indented line are
   * left to the general parser. Leaves the cursor on the next content line.
   */
  private YNode.YScalar blockScalar(int parentIndent) {
    if (parentIndent < 0) {
      throw giveUp();
    }
    boolean folded = s[pos] == '>';
    int atLine = line;
    int atColumn = column() + 1;
    pos++;
    char chomp = ' ';
    if (at(pos) == '-' || at(pos) == '+') {
      chomp = s[pos++];
    }
    if (pos < n && s[pos] != ' ' && s[pos] != '\n') {
      throw giveUp(); // an indentation indicator, or something else after the indicator
    }
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    if (pos < n && s[pos] == '#') {
      int eol = lineEnd(pos);
      pos = eol < 0 ? n : eol;
    }
    if (pos >= n || s[pos] != '\n') {
      throw giveUp(); // text after the header, or no line after it
    }
    pos++; // the line break after the header
    line++;
    lineStart = pos;
    // the block's lines: each holds only spaces, or is indented by the block's indentation
    int blockIndent = -1;
    StringBuilder text = new StringBuilder();
    int pendingBreaks = 0; // line breaks not yet written: written before the next content line
    boolean content = false;
    boolean previousLine = false; // the last line written was a content line (for folding)
    while (pos < n) {
      int i = pos;
      while (i < n && s[i] == ' ') {
        i++;
      }
      int spaces = i - pos;
      if (i >= n || s[i] == '\n') {
        if (blockIndent >= 0 ? spaces > blockIndent : spaces > parentIndent + 1) {
          throw giveUp(); // a line of spaces longer than the indentation
        }
        if (i >= n) {
          pos = n;
          break;
        }
        pendingBreaks++;
        pos = i + 1;
        line++;
        lineStart = pos;
        continue;
      }
      if (blockIndent < 0) {
        if (spaces <= parentIndent) {
          throw giveUp(); // a block without content
        }
        blockIndent = spaces;
      }
      if (spaces < blockIndent) {
        break; // the next node, or a comment, at a smaller indentation
      }
      if (folded && spaces > blockIndent) {
        throw giveUp(); // a more-indented line in a folded block
      }
      if (content) {
        if (folded && pendingBreaks == 1 && previousLine) {
          text.append(' ');
        } else {
          int breaks = folded ? pendingBreaks - 1 : pendingBreaks;
          for (int k = 0; k < breaks; k++) {
            text.append('\n');
          }
        }
      } else {
        for (int k = 0; k < pendingBreaks; k++) {
          text.append('\n'); // leading empty lines
        }
      }
      int eol = lineEnd(i);
      int end = eol < 0 ? n : eol;
      text.append(s, pos + blockIndent, end - pos - blockIndent);
      content = true;
      previousLine = true;
      pendingBreaks = 1;
      if (eol < 0) {
        pos = n;
        pendingBreaks = 0;
        break;
      }
      pos = eol + 1;
      line++;
      lineStart = pos;
    }
    if (!content) {
      throw giveUp();
    }
    if (chomp == '+') {
      for (int k = 0; k < pendingBreaks; k++) {
        text.append('\n');
      }
    } else if (chomp == ' ' && pendingBreaks > 0) {
      text.append('\n');
    }
    // the cursor is at the start of a line (or the end): move to the next content line
    lineStart = pos;
    skipToContent();
    if (text.length() > limits.maxScalarLength()) {
      throw giveUp();
    }
    return new YNode.YScalar(atLine, atColumn, null, text.toString(), false, YNode.Kind.STRING);
  }

  /**
   * Returns the index of the {@code :} ending a simple key that starts at the cursor, or -1 when
   * the line holds no key there.
   */
  private int keyColon() {
    char c = s[pos];
    if (c == '"' || c == '\'') {
      int end = quotedEnd(pos);
      if (end < n && s[end] == ':' && blankOrEnd(end + 1)) {
        if (end - pos > MAX_KEY) {
          throw giveUp(); // a key SnakeYAML finds too long
        }
        return end;
      }
      return -1;
    }
    if (!plainStart(pos, false)) {
      return -1;
    }
    for (int i = pos; i < n; i++) {
      char k = s[i];
      if (k == '\n') {
        return -1;
      }
      if (k == ':' && blankOrEnd(i + 1)) {
        if (s[i - 1] == ' ' || i - pos > MAX_KEY) {
          throw giveUp(); // a space before the colon, or a key SnakeYAML finds too long
        }
        return i;
      }
      if (k == ' ' && at(i + 1) == '#') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether a plain scalar may start at {@code i} (in a flow collection when {@code flow}). */
  private boolean plainStart(int i, boolean flow) {
    char c = s[i];
    switch (c) {
      case '-' -> {
        char next = at(i + 1);
        return !(blankOrEnd(i + 1) || (flow && ",[]{}".indexOf(next) >= 0));
      }
      case '?',
          ':',
          ',',
          '[',
          ']',
          '{',
          '}',
          '#',
          '&',
          '*',
          '!',
          '|',
          '>',
          '\'',
          '"',
          '%',
          '@',
          '`',
          ' ',
          '\n' -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** Reads a block mapping whose first key, ending at {@code firstColon}, is under the cursor. */
  private YNode.YMap blockMap(int col, int depth, int firstColon) {
    YNode.YMap map = YNode.map(line, col + 1, null);
    int colon = firstColon;
    while (true) {
      int keyLine = line;
      int keyColumn = column() + 1;
      if (colon < 0) {
        throw giveUp();
      }
      String key;
      if (s[pos] == '"' || s[pos] == '\'') {
        key = quoted();
      } else {
        key = text(pos, colon);
        if ("<<".equals(key)) {
          throw giveUp(); // a merge key
        }
      }
      if (map.entries.containsKey(key)) {
        throw giveUp(); // the general parser reports it with both positions
      }
      pos = colon + 1;
      YNode value = mapValue(col, depth, keyLine, colon - lineStart + 2);
      map.entries.put(key, new YNode.Entry(key, keyLine, keyColumn, value));
      if (indent < col) {
        return map;
      }
      if (indent > col) {
        throw giveUp();
      }
      colon = keyColon();
    }
  }

  /** Reads the value after a key's colon; the empty value's place is given. */
  private YNode mapValue(int mapCol, int depth, int emptyLine, int emptyColumn) {
    if (depth + 1 > limits.maxNestingDepth()) {
      throw giveUp(); // the general parser counts every value, an empty one too
    }
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    char c = at(pos);
    if (pos >= n || c == '\n' || c == '#') {
      endLine();
      if (indent > mapCol) {
        return node(indent, depth + 1, mapCol);
      }
      if (indent == mapCol && s[pos] == '-' && blankOrEnd(pos + 1)) {
        return blockSeq(mapCol, depth + 1, true);
      }
      return empty(emptyLine, emptyColumn);
    }
    if (c == '-' && blankOrEnd(pos + 1)) {
      throw giveUp();
    }
    YNode value;
    if (c == '|' || c == '>') {
      value = blockScalar(mapCol);
    } else {
      value = inline(depth + 1);
      endLine();
    }
    if (indent > mapCol) {
      throw giveUp();
    }
    return value;
  }

  private YNode.YSeq blockSeq(int col, int depth, boolean indentless) {
    YNode.YSeq seq = YNode.seq(line, col + 1, null);
    while (true) {
      if (depth + 1 > limits.maxNestingDepth()) {
        throw giveUp(); // the general parser counts every item, an empty one too
      }
      int dashLine = line;
      int dashEnd = column() + 2;
      pos++;
      while (pos < n && s[pos] == ' ') {
        pos++;
      }
      char c = at(pos);
      YNode item;
      if (pos >= n || c == '\n' || c == '#') {
        if (c == '#' && s[pos - 1] != ' ') {
          throw giveUp();
        }
        endLine();
        item =
            indent > col
                ? node(/* col= */ indent, depth + 1, /* parentIndent= */ col)
                : empty(dashLine, dashEnd);
      } else {
        item = node(column(), depth + 1, col);
      }
      seq.items.add(item);
      if (indent < col) {
        return seq;
      }
      if (indent > col) {
        throw giveUp();
      }
      if (!(s[pos] == '-' && blankOrEnd(pos + 1))) {
        if (indentless) {
          return seq; // the next key of the mapping holding the list
        }
        throw giveUp();
      }
    }
  }

  private YNode.YScalar empty(int atLine, int atColumn) {
    return new YNode.YScalar(atLine, atColumn, null, "", true, YNode.Kind.NULL);
  }

  /** Reads a scalar or flow collection that ends on this line. */
  private YNode inline(int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw giveUp();
    }
    char c = s[pos];
    switch (c) {
      case '"', '\'' -> {
        int l = line;
        int col = column() + 1;
        return scalar(l, col, quoted(), false);
      }
      case '[' -> {
        return flowSeq(depth);
      }
      case '{' -> {
        return flowMap(depth);
      }
      default -> {}
    }
    if (!plainStart(pos, false)) {
      throw giveUp();
    }
    int start = pos;
    int end = start;
    int i = start;
    while (i < n) {
      char k = s[i];
      if (k == '\n') {
        break;
      }
      if (k == ':' && blankOrEnd(i + 1)) {
        throw giveUp(); // a key where a value belongs
      }
      if (k == ' ') {
        if (at(i + 1) == '#') {
          break;
        }
      } else {
        end = i + 1;
      }
      i++;
    }
    int col = column() + 1;
    pos = end;
    return scalar(line, col, text(start, end), true);
  }

  private YNode.YSeq flowSeq(int depth) {
    YNode.YSeq seq = YNode.seq(line, column() + 1, null);
    pos++;
    skipFlowSpaces();
    if (s[pos] == ']') {
      pos++;
      return seq;
    }
    while (true) {
      seq.items.add(flowItem(depth + 1));
      if (flowCollectionEnds(']')) {
        return seq;
      }
    }
  }

  /**
   * After an item of a flow collection: returns true at its closing bracket (the cursor moved past
   * it), false after a comma (the cursor on the next item); gives up on anything else, a trailing
   * comma included.
   */
  private boolean flowCollectionEnds(char close) {
    skipFlowSpaces();
    char c = s[pos];
    if (c == close) {
      pos++;
      return true;
    }
    if (c != ',') {
      throw giveUp();
    }
    pos++;
    skipFlowSpaces();
    if (s[pos] == close) {
      throw giveUp(); // a trailing comma
    }
    return false;
  }

  private YNode.YMap flowMap(int depth) {
    YNode.YMap map = YNode.map(line, column() + 1, null);
    pos++;
    skipFlowSpaces();
    if (s[pos] == '}') {
      pos++;
      return map;
    }
    while (true) {
      int keyLine = line;
      int keyColumn = column() + 1;
      int keyStart = pos;
      char c = s[pos];
      String key;
      if (c == '"' || c == '\'') {
        key = quoted();
      } else {
        key = flowPlain(true);
        if ("<<".equals(key)) {
          throw giveUp();
        }
      }
      if (s[pos] != ':' || s[pos + 1] != ' ' || pos - keyStart > MAX_KEY) {
        throw giveUp(); // no colon, or a key SnakeYAML finds too long
      }
      pos += 2;
      skipFlowSpaces();
      char v = s[pos];
      if (v == ',' || v == '}') {
        throw giveUp(); // an empty value
      }
      if (map.entries.containsKey(key)) {
        throw giveUp();
      }
      YNode value = flowItem(depth + 1);
      map.entries.put(key, new YNode.Entry(key, keyLine, keyColumn, value));
      if (flowCollectionEnds('}')) {
        return map;
      }
    }
  }

  private void skipFlowSpaces() {
    while (s[pos] == ' ') {
      pos++;
    }
  }

  private YNode flowItem(int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw giveUp();
    }
    char c = s[pos];
    switch (c) {
      case '[' -> {
        return flowSeq(depth);
      }
      case '{' -> {
        return flowMap(depth);
      }
      case '"', '\'' -> {
        int l = line;
        int col = column() + 1;
        return scalar(l, col, quoted(), false);
      }
      default -> {
        int col = column() + 1;
        return scalar(line, col, flowPlain(false), true);
      }
    }
  }

  /**
   * Reads a plain scalar inside a flow collection: it ends at a flow indicator or, for a key, at
   * its colon. A colon in a value, a question mark or a comment is left to the general parser.
   */
  private String flowPlain(boolean key) {
    if (!plainStart(pos, true)) {
      throw giveUp();
    }
    int start = pos;
    int end = start;
    while (true) {
      char c = s[pos];
      switch (c) {
        case ',', '[', ']', '{', '}', '\n' -> {
          if (key) {
            throw giveUp();
          }
          pos = end;
          return text(start, end);
        }
        case ':' -> {
          if (!key || end != pos) {
            throw giveUp();
          }
          return text(start, end);
        }
        case '?', '#' -> throw giveUp();
        case ' ' -> pos++;
        default -> {
          pos++;
          end = pos;
        }
      }
    }
  }

  /** Returns the index just after a quoted scalar starting at {@code i}, or n if not closed. */
  private int quotedEnd(int i) {
    char q = s[i];
    for (int j = i + 1; j < n; j++) {
      char c = s[j];
      if (c == '\n') {
        return n;
      }
      if (c == q) {
        if (q == '\'' && at(j + 1) == '\'') {
          j++;
          continue;
        }
        return j + 1;
      }
      if (c == '\\' && q == '"') {
        j++;
      }
    }
    return n;
  }

  /** Reads a quoted scalar on one line and moves past its closing quote. */
  private String quoted() {
    char q = s[pos];
    int start = pos + 1;
    StringBuilder sb = null;
    int i = start;
    while (true) {
      char c = s[i];
      if (c == '\n') {
        throw giveUp();
      }
      if (c == q) {
        if (q == '\'' && at(i + 1) == '\'') {
          if (sb == null) {
            sb = new StringBuilder().append(s, start, i - start);
          }
          sb.append('\'');
          i += 2;
          continue;
        }
        pos = i + 1;
        return sb == null ? text(start, i) : shared(sb.toString());
      }
      if (c == '\\' && q == '"') {
        if (sb == null) {
          sb = new StringBuilder().append(s, start, i - start);
        }
        char e = s[i + 1];
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          default -> throw giveUp();
        }
        i += 2;
        continue;
      }
      if (sb != null) {
        sb.append(c);
      }
      i++;
    }
  }

  private YNode.YScalar scalar(int atLine, int atColumn, String raw, boolean plain) {
    if (raw.length() > limits.maxScalarLength()) {
      throw giveUp();
    }
    String text = raw;
    YNode.Kind kind;
    if (plain) {
      if (text.length() > limits.maxNumberLength() && Scalars.looksNumeric(text)) {
        throw giveUp();
      }
      kind = Scalars.resolvePlain(text);
      if (kind == YNode.Kind.STRING && !ambiguous) {
        ambiguous = Yaml11.readsDifferently(text);
      }
    } else {
      kind = YNode.Kind.STRING;
    }
    return new YNode.YScalar(atLine, atColumn, null, text, plain, kind);
  }

  /** Returns the text between two indexes, one instance per short text (see {@link #table}). */
  private String text(int from, int to) {
    int len = to - from;
    if (len > MAX_SHARED) {
      return new String(s, from, len);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s[i];
    }
    return lookup(h ^ (h >>> 16), s, from, to);
  }

  /** Returns the one instance of a short text that did not come straight from the input. */
  private String shared(String text) {
    if (text.length() > MAX_SHARED) {
      return text;
    }
    char[] chars = text.toCharArray();
    int h = 0;
    for (char c : chars) {
      h = 31 * h + c;
    }
    return lookup(h ^ (h >>> 16), chars, 0, chars.length);
  }

  private String lookup(int hash, char[] src, int from, int to) {
    int mask = table.length - 1;
    int len = to - from;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      char[] known = tableChars[i];
      if (known == null) {
        String made = new String(src, from, len);
        table[i] = made;
        tableChars[i] = Arrays.copyOfRange(src, from, to);
        if (++tableSize * 2 > table.length) {
          grow();
        }
        return made;
      }
      if (known.length == len && Arrays.equals(known, 0, len, src, from, to)) {
        return table[i];
      }
    }
  }

  private void grow() {
    String[] oldTable = table;
    char[][] oldChars = tableChars;
    table = new String[oldTable.length * 2];
    tableChars = new char[table.length][];
    int mask = table.length - 1;
    for (int j = 0; j < oldTable.length; j++) {
      char[] chars = oldChars[j];
      if (chars == null) {
        continue;
      }
      int h = 0;
      for (char c : chars) {
        h = 31 * h + c;
      }
      int i = (h ^ (h >>> 16)) & mask;
      while (tableChars[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = oldTable[j];
      tableChars[i] = chars;
    }
  }

  /** Returns the index of the line break at or after {@code i}, or -1. */
  private int lineEnd(int i) {
    for (int j = i; j < n; j++) {
      if (s[j] == '\n') {
        return j;
      }
    }
    return -1;
  }
}
