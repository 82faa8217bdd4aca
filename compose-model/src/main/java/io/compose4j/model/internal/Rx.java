package io.compose4j.model.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression for the project's own patterns, matched without {@code java.util.regex}.
 *
 * <p>Why: {@code java.util.regex.Pattern} builds its character classes from lambdas, and the first
 * lambda of a process starts the JDK's {@code java.lang.invoke} machinery; with the streams'
 * lambdas that was about a tenth of a short CLI run on Java 17. The patterns a short run needs
 * (image names, keys, constraints, sizes, scalars) are matched here instead, by a Thompson
 * automaton: linear in the input, no recursion over the input, no backtracking.
 *
 * <p>The syntax is the subset of {@code java.util.regex} the project uses, with the same meaning:
 * literals and escaped punctuation; {@code .} (any character but a line terminator); {@code \d},
 * {@code \s}, {@code \w} and their negations (ASCII, as {@code Pattern} has them without {@code
 * UNICODE_CHARACTER_CLASS}); classes {@code [...]} and {@code [^...]} with ranges and those
 * escapes; groups {@code (...)} and {@code (?:...)} (nothing is captured); alternation; the greedy
 * quantifiers {@code * + ?} and {@code {n}}, {@code {n,}}, {@code {n,m}}; the anchors {@code ^} and
 * {@code $} (start and end of the input); and {@code (?i)} at the start (ASCII case folding).
 * Anything else is refused when the pattern is compiled. Characters are code points, as in {@code
 * Pattern}. {@code RxTest} compares every pattern of the project with {@code Pattern}.
 */
public final class Rx {
  private static final int CHAR = 0;
  private static final int SET = 1;
  private static final int ANY = 2;
  private static final int SPLIT = 3;
  private static final int JMP = 4;
  private static final int BOL = 5;
  private static final int EOL = 6;
  private static final int MATCH = 7;

  /** The pattern as given. */
  private final String pattern;

  /** Instruction codes, their first and second operands. */
  private final int[] op;

  private final int[] x;
  private final int[] y;

  /** The classes {@code SET} instructions refer to. */
  private final CharSet[] sets;

  private Rx(String pattern, int[] op, int[] x, int[] y, CharSet[] sets) {
    this.pattern = pattern;
    this.op = op;
    this.x = x;
    this.y = y;
    this.sets = sets;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException for syntax outside the supported subset, naming the position
   */
  public static Rx compile(String pattern) {
    Parser p = new Parser(pattern);
    Node root = p.parse();
    Emitter e = new Emitter(p.caseInsensitive);
    e.emit(root);
    e.add(MATCH, 0, 0);
    return new Rx(pattern, e.ops(), e.xs(), e.ys(), e.sets.toArray(new CharSet[0]));
  }

  /** Returns whether the whole input matches, as {@code Pattern.matcher(s).matches()}. */
  public boolean matches(CharSequence s) {
    return run(s, true);
  }

  /** Returns whether some part of the input matches, as {@code Pattern.matcher(s).find()}. */
  public boolean find(CharSequence s) {
    return run(s, false);
  }

  @Override
  public String toString() {
    return pattern;
  }

  private boolean run(CharSequence s, boolean whole) {
    int n = op.length;
    int[] current = new int[n];
    int[] next = new int[n];
    int[] mark = new int[n];
    int[] stack = new int[2 * n + 1]; // every instruction has at most two successors
    int generation = 1;
    int len = s.length();
    int pos = 0;
    int currentSize = close(s, 0, pos, len, current, 0, mark, generation, stack);
    while (true) {
      for (int i = 0; i < currentSize; i++) {
        if (op[current[i]] == MATCH && (!whole || pos == len)) {
          return true;
        }
      }
      if (pos >= len) {
        return false;
      }
      int c = Character.codePointAt(s, pos);
      int after = pos + Character.charCount(c);
      generation++;
      int nextSize = 0;
      for (int i = 0; i < currentSize; i++) {
        int pc = current[i];
        if (step(pc, c)) {
          nextSize = close(s, pc + 1, after, len, next, nextSize, mark, generation, stack);
        }
      }
      if (!whole) {
        nextSize = close(s, 0, after, len, next, nextSize, mark, generation, stack); // a new start
      }
      int[] t = current;
      current = next;
      next = t;
      currentSize = nextSize;
      pos = after;
      if (currentSize == 0 && whole) {
        return false;
      }
    }
  }

  /** Whether the instruction at {@code pc} consumes the code point {@code c}. */
  private boolean step(int pc, int c) {
    return switch (op[pc]) {
      case CHAR -> x[pc] == c || (y[pc] != 0 && y[pc] == c);
      case SET -> sets[x[pc]].contains(c);
      case ANY -> c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029';
      default -> false;
    };
  }

  /**
   * Adds {@code start} and everything reachable from it without consuming input (jumps, splits,
   * anchors that hold at {@code pos}) to {@code list}; returns the new size.
   */
  private int close(
      CharSequence s,
      int start,
      int pos,
      int len,
      int[] list,
      int size,
      int[] mark,
      int generation,
      int[] stack) {
    int top = 0;
    stack[top++] = start;
    while (top > 0) {
      int pc = stack[--top];
      if (mark[pc] == generation) {
        continue;
      }
      mark[pc] = generation;
      switch (op[pc]) {
        case JMP -> stack[top++] = x[pc];
        case SPLIT -> {
          stack[top++] = y[pc];
          stack[top++] = x[pc];
        }
        case BOL -> {
          if (pos == 0) {
            stack[top++] = pc + 1;
          }
        }
        case EOL -> {
          if (atEnd(s, pos, len)) {
            stack[top++] = pc + 1;
          }
        }
        default -> list[size++] = pc;
      }
    }
    return size;
  }

  /**
   * Whether {@code $} holds at {@code pos}: at the end of the input, or before a line terminator
   * that ends it ({@code \n} not after {@code \r}, {@code \r}, {@code \r\n}, U+0085, U+2028,
   * U+2029), as {@code Pattern} has it without {@code MULTILINE}.
   */
  private static boolean atEnd(CharSequence s, int pos, int len) {
    if (pos == len) {
      return true;
    }
    if (pos == len - 2) {
      return s.charAt(pos) == '\r' && s.charAt(pos + 1) == '\n';
    }
    if (pos != len - 1) {
      return false;
    }
    char c = s.charAt(pos);
    if (c == '\n') {
      return pos == 0 || s.charAt(pos - 1) != '\r';
    }
    return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  // ---- syntax tree ----

  private abstract static class Node {}

  private static final class Literal extends Node {
    final int c;

    Literal(int c) {
      this.c = c;
    }
  }

  private static final class SetNode extends Node {
    final CharSet set;

    SetNode(CharSet set) {
      this.set = set;
    }
  }

  private static final class AnyNode extends Node {}

  private static final class Anchor extends Node {
    final boolean start;

    Anchor(boolean start) {
      this.start = start;
    }
  }

  private static final class Sequence extends Node {
    final List<Node> items = new ArrayList<>();
  }

  private static final class Alternation extends Node {
    final List<Node> choices = new ArrayList<>();
  }

  private static final class Repeat extends Node {
    final Node body;
    final int min;

    /** At most this many; -1 for no limit. */
    final int max;

    Repeat(Node body, int min, int max) {
      this.body = body;
      this.min = min;
      this.max = max;
    }
  }

  // ---- parser ----

  private static final class Parser {
    final String p;
    int i;
    boolean caseInsensitive;

    Parser(String pattern) {
      this.p = pattern;
    }

    Node parse() {
      if (p.startsWith("(?i)")) {
        caseInsensitive = true;
        i = 4;
      }
      Node n = alternation();
      if (i < p.length()) {
        throw error("unexpected '" + p.charAt(i) + "'");
      }
      return n;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "Rx: " + what + " at index " + i + " of the pattern \"" + p + "\"");
    }

    Node alternation() {
      Alternation a = new Alternation();
      a.choices.add(sequence());
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        a.choices.add(sequence());
      }
      return a.choices.size() == 1 ? a.choices.get(0) : a;
    }

    Node sequence() {
      Sequence s = new Sequence();
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        s.items.add(quantified(atom()));
      }
      return s;
    }

    Node quantified(Node atom) {
      while (i < p.length()) {
        char c = p.charAt(i);
        int min;
        int max;
        if (c == '*') {
          min = 0;
          max = -1;
          i++;
        } else if (c == '+') {
          min = 1;
          max = -1;
          i++;
        } else if (c == '?') {
          min = 0;
          max = 1;
          i++;
        } else if (c == '{') {
          i++;
          min = number();
          if (i < p.length() && p.charAt(i) == ',') {
            i++;
            max = i < p.length() && p.charAt(i) == '}' ? -1 : number();
          } else {
            max = min;
          }
          if (i >= p.length() || p.charAt(i) != '}' || (max != -1 && max < min)) {
            throw error("bad repetition");
          }
          i++;
        } else {
          return atom;
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
          throw error("lazy and possessive quantifiers are not supported");
        }
        if (atom instanceof Anchor) {
          throw error("a quantifier on an anchor");
        }
        atom = new Repeat(atom, min, max);
      }
      return atom;
    }

    int number() {
      int start = i;
      int v = 0;
      while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9' && i - start < 4) {
        v = v * 10 + (p.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        throw error("a number expected");
      }
      return v;
    }

    Node atom() {
      char c = p.charAt(i);
      switch (c) {
        case '(' -> {
          i++;
          if (p.startsWith("?:", i)) {
            i += 2;
          } else if (i < p.length() && p.charAt(i) == '?') {
            throw error("only (?:...) groups are supported");
          }
          Node inner = alternation();
          if (i >= p.length() || p.charAt(i) != ')') {
            throw error("unclosed group");
          }
          i++;
          return inner;
        }
        case '[' -> {
          return new SetNode(charClass());
        }
        case '.' -> {
          i++;
          return new AnyNode();
        }
        case '^' -> {
          i++;
          return new Anchor(true);
        }
        case '$' -> {
          i++;
          return new Anchor(false);
        }
        case '\\' -> {
          CharSet predefined = predefined();
          return predefined != null ? new SetNode(predefined) : new Literal(escaped());
        }
        case '*', '+', '?', '{' -> throw error("a quantifier without an atom");
        default -> {
          int cp = p.codePointAt(i);
          i += Character.charCount(cp);
          return new Literal(cp);
        }
      }
    }

    /** At a backslash: \d \D \s \S \w \W as a class (consumed), else null (nothing consumed). */
    CharSet predefined() {
      if (i + 1 >= p.length()) {
        throw error("a trailing backslash");
      }
      CharSet s;
      switch (p.charAt(i + 1)) {
        case 'd' -> s = CharSet.digits(false);
        case 'D' -> s = CharSet.digits(true);
        case 's' -> s = CharSet.spaces(false);
        case 'S' -> s = CharSet.spaces(true);
        case 'w' -> s = CharSet.word(false);
        case 'W' -> s = CharSet.word(true);
        default -> s = null;
      }
      if (s != null) {
        i += 2;
      }
      return s;
    }

    /** At a backslash that is not a class: the character it stands for (consumed). */
    int escaped() {
      char e = p.charAt(i + 1);
      i += 2;
      return switch (e) {
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 'f' -> '\f';
        default -> {
          if (Character.isLetterOrDigit(e)) {
            i -= 2;
            throw error("the escape \\" + e + " is not supported");
          }
          yield e;
        }
      };
    }

    CharSet charClass() {
      i++; // [
      CharSet set = new CharSet();
      if (i < p.length() && p.charAt(i) == '^') {
        set.negated = true;
        i++;
      }
      boolean first = true;
      while (true) {
        if (i >= p.length()) {
          throw error("unclosed class");
        }
        char c = p.charAt(i);
        if (c == ']' && !first) {
          i++;
          return set;
        }
        if (c == '[' || (c == '&' && p.startsWith("&&", i))) {
          throw error("nested classes and intersections are not supported");
        }
        first = false;
        if (c == '\\') {
          CharSet predefined = predefined();
          if (predefined != null) {
            set.addAll(predefined);
            continue;
          }
        }
        int from = classChar();
        if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          i++;
          if (p.charAt(i) == '\\' && i + 1 < p.length() && "dDsSwW".indexOf(p.charAt(i + 1)) >= 0) {
            throw error("a range to a class");
          }
          int to = classChar();
          if (to < from) {
            throw error("an empty range");
          }
          set.addRange(from, to);
        } else {
          set.addRange(from, from);
        }
      }
    }

    int classChar() {
      if (p.charAt(i) == '\\') {
        return escaped();
      }
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      return cp;
    }
  }

  // ---- code ----

  private static final class Emitter {
    final boolean caseInsensitive;
    final List<CharSet> sets = new ArrayList<>();
    int[] op = new int[16];
    int[] x = new int[16];
    int[] y = new int[16];
    int size;

    Emitter(boolean caseInsensitive) {
      this.caseInsensitive = caseInsensitive;
    }

    int add(int code, int a, int b) {
      if (size == op.length) {
        op = java.util.Arrays.copyOf(op, size * 2);
        x = java.util.Arrays.copyOf(x, size * 2);
        y = java.util.Arrays.copyOf(y, size * 2);
      }
      op[size] = code;
      x[size] = a;
      y[size] = b;
      return size++;
    }

    int[] ops() {
      return java.util.Arrays.copyOf(op, size);
    }

    int[] xs() {
      return java.util.Arrays.copyOf(x, size);
    }

    int[] ys() {
      return java.util.Arrays.copyOf(y, size);
    }

    void emit(Node n) {
      if (n instanceof Literal l) {
        int c = l.c;
        int other = 0;
        if (caseInsensitive && c < 128 && Character.isLetter(c)) {
          int lower = Character.toLowerCase(c);
          int upper = Character.toUpperCase(c);
          other = c == lower ? upper : lower;
        }
        add(CHAR, c, other);
      } else if (n instanceof SetNode s) {
        sets.add(caseInsensitive ? s.set.foldedAscii() : s.set);
        add(SET, sets.size() - 1, 0);
      } else if (n instanceof AnyNode) {
        add(ANY, 0, 0);
      } else if (n instanceof Anchor a) {
        add(a.start ? BOL : EOL, 0, 0);
      } else if (n instanceof Sequence s) {
        for (Node item : s.items) {
          emit(item);
        }
      } else if (n instanceof Alternation a) {
        // SPLIT L1, next; L1: choice; JMP end; next: SPLIT ... ; last choice
        List<Integer> jumps = new ArrayList<>();
        for (int k = 0; k < a.choices.size() - 1; k++) {
          int split = add(SPLIT, 0, 0);
          x[split] = size;
          emit(a.choices.get(k));
          jumps.add(add(JMP, 0, 0));
          y[split] = size;
        }
        emit(a.choices.get(a.choices.size() - 1));
        for (int j : jumps) {
          x[j] = size;
        }
      } else if (n instanceof Repeat r) {
        for (int k = 0; k < r.min; k++) {
          emit(r.body);
        }
        if (r.max == -1) {
          // L: SPLIT body, out; body; JMP L
          int split = add(SPLIT, 0, 0);
          x[split] = size;
          emit(r.body);
          add(JMP, split, 0);
          y[split] = size;
        } else {
          // (body (body (...)?)?)? for the optional copies
          List<Integer> splits = new ArrayList<>();
          for (int k = r.min; k < r.max; k++) {
            int split = add(SPLIT, 0, 0);
            x[split] = size;
            splits.add(split);
            emit(r.body);
          }
          for (int split : splits) {
            y[split] = size;
          }
        }
      } else {
        throw new IllegalStateException("unknown node " + n);
      }
    }
  }

  // ---- character classes ----

  /** A set of code points: a bitmap of ASCII and ranges beyond it, possibly negated. */
  private static final class CharSet {
    long low;
    long high;
    final List<int[]> ranges = new ArrayList<>();
    boolean negated;

    static CharSet digits(boolean negated) {
      CharSet s = new CharSet();
      s.addRange('0', '9');
      s.negated = negated;
      return s;
    }

    static CharSet spaces(boolean negated) {
      CharSet s = new CharSet();
      s.addRange(' ', ' ');
      s.addRange('\t', '\r'); // \t \n \x0B \f \r
      s.negated = negated;
      return s;
    }

    static CharSet word(boolean negated) {
      CharSet s = new CharSet();
      s.addRange('a', 'z');
      s.addRange('A', 'Z');
      s.addRange('0', '9');
      s.addRange('_', '_');
      s.negated = negated;
      return s;
    }

    void addRange(int from, int to) {
      for (int c = from; c <= Math.min(to, 127); c++) {
        if (c < 64) {
          low |= 1L << c;
        } else {
          high |= 1L << (c - 64);
        }
      }
      if (to >= 128) {
        ranges.add(new int[] {Math.max(from, 128), to});
      }
    }

    /** Adds another set; a negated one (\D, \S, \W in a class) adds everything outside it. */
    void addAll(CharSet other) {
      if (!other.negated) {
        low |= other.low;
        high |= other.high;
        ranges.addAll(other.ranges);
      } else {
        low |= ~other.low;
        high |= ~other.high;
        ranges.add(new int[] {128, Character.MAX_CODE_POINT}); // \D \S \W hold no non-ASCII
      }
    }

    /** The set with both cases of every ASCII letter in it, as (?i) has it. */
    CharSet foldedAscii() {
      CharSet s = new CharSet();
      s.low = low;
      s.high = high;
      s.ranges.addAll(ranges);
      s.negated = negated;
      for (int c = 'A'; c <= 'Z'; c++) {
        int lower = c + 32;
        if (inBitmap(c) || inBitmap(lower)) {
          s.addRange(c, c);
          s.addRange(lower, lower);
        }
      }
      return s;
    }

    private boolean inBitmap(int c) {
      return c < 64 ? (low & (1L << c)) != 0 : (high & (1L << (c - 64))) != 0;
    }

    boolean contains(int c) {
      boolean in;
      if (c < 128) {
        in = inBitmap(c);
      } else {
        in = false;
        for (int[] r : ranges) {
          if (c >= r[0] && c <= r[1]) {
            in = true;
            break;
          }
        }
      }
      return in != negated;
    }
  }
}
