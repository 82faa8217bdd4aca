package io.compose4j.yaml.read;

import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Variable interpolation with compose-go's rules: {@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code
 * ${VAR:+alternative}}, {@code ${VAR+alternative}} (defaults and alternatives are themselves
 * interpolated) and {@code $$} for a literal {@code $}. Only values are interpolated, never keys.
 */
public final class Interpolator {
  private final Function<String, String> lookup;
  private final String file;
  private final Map<String, String> unset = new LinkedHashMap<>();
  private Object currentPath;
  private final List<SyntaxFact> facts = new ArrayList<>();
  private final int maxDepth;
  private int depth;

  /** Creates an interpolator over a variable lookup that returns null for unset variables. */
  public Interpolator(Function<String, String> lookup, String file) {
    this(lookup, file, ReaderLimits.defaults().maxInterpolationDepth());
  }

  /**
   * Creates an interpolator over a variable lookup that returns null for unset variables, refusing
   * {@code ${...}} nested deeper than {@code maxDepth}.
   */
  public Interpolator(Function<String, String> lookup, String file, int maxDepth) {
    this.lookup = lookup;
    this.file = file;
    this.maxDepth = maxDepth;
  }

  /** Returns the names of variables that were referenced without a default but are not set. */
  public Set<String> unsetVariables() {
    return Collections.unmodifiableSet(unset.keySet());
  }

  /**
   * Returns each unset variable with the YAML path of its first use ({@code ""} outside a tree
   * walk).
   */
  public Map<String, String> unsetVariableUses() {
    return Collections.unmodifiableMap(unset);
  }

  /**
   * Returns what the walk noticed: YAML 1.1 ambiguities and variables interpolated inside Go
   * templates.
   */
  public List<SyntaxFact> facts() {
    return facts;
  }

  private boolean keep;

  /** Interpolates every string scalar under the node, in place, once per shared node. */
  public void interpolateTree(YNode root) {
    if (root.nothingToInterpolate) {
      return;
    }
    walk(root, new Path(), Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Checks the variables of every string scalar under the node without substituting them: the text
   * stays as written ({@code ${VAR}}, {@code $VAR}, {@code $$}) and a scalar that holds a variable
   * is marked {@link YNode.YScalar#kept()}.
   *
   * @throws ComposeReadException if a {@code $} starts no variable (as interpolation would)
   */
  public void keepTree(YNode root) {
    if (root.nothingToInterpolate) {
      return;
    }
    keep = true;
    try {
      walk(root, new Path(), Collections.newSetFromMap(new IdentityHashMap<>()));
    } finally {
      keep = false;
    }
  }

  /**
   * Returns the variable expressions of a Compose template as written ({@code ${TAG:-1.0}}, {@code
   * $HOME}), in order; {@code $$} is none.
   *
   * @throws IllegalArgumentException if a {@code $} starts no variable
   */
  public static List<String> expressions(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) != '$') {
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw invalid(text);
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(text, i + 2);
        if (close < 0 || close == i + 2 || !isNameStart(text.charAt(i + 2))) {
          throw invalid(text);
        }
        out.add(text.substring(i, close + 1));
        i = close + 1;
      } else if (isNameStart(next)) {
        int j = i + 1;
        while (j < n && isNamePart(text.charAt(j))) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else {
        throw invalid(text);
      }
    }
    return out;
  }

  /** The YAML path of the node being walked, as segments; joined only when it is needed. */
  private static final class Path {
    private Object[] segments = new Object[16];
    private int depth;

    void push(Object segment) {
      if (depth == segments.length) {
        segments = Arrays.copyOf(segments, depth * 2);
      }
      segments[depth++] = segment;
    }

    void pop() {
      segments[--depth] = null;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        if (segments[i] instanceof Integer index) {
          b.append('[').append(index).append(']');
        } else {
          if (b.length() > 0) {
            b.append('.');
          }
          b.append(segments[i]);
        }
      }
      return b.toString();
    }
  }

  private void walk(YNode node, Path path, Set<YNode> seen) {
    if (node.shared && !seen.add(node)) {
      return;
    }
    if (node instanceof YNode.YMap m) {
      for (YNode.Entry e : m.entries.values()) {
        path.push(e.key());
        walk(e.value(), path, seen);
        path.pop();
      }
    } else if (node instanceof YNode.YSeq s) {
      int i = 0;
      for (YNode item : s.items) {
        path.push(i++);
        walk(item, path, seen);
        path.pop();
      }
    } else if (node instanceof YNode.YScalar s) {
      scalar(s, path);
    }
  }

  private void scalar(YNode.YScalar s, Path path) {
    if (s.kind != YNode.Kind.STRING) {
      return;
    }
    if (s.plain && Yaml11.readsDifferently(s.text)) {
      facts.add(new SyntaxFact(SyntaxFact.Kind.YAML11_AMBIGUOUS, path.toString(), s.text));
    }
    if (s.text.indexOf('$') >= 0) {
      if (s.text.contains("{{") && hasTemplateVariable(s.text)) {
        facts.add(
            new SyntaxFact(
                SyntaxFact.Kind.TEMPLATE_VARIABLE_INTERPOLATED, path.toString(), s.text));
      }
      if (keep) {
        try {
          s.kept = !expressions(s.text).isEmpty();
        } catch (IllegalArgumentException e) {
          throw new ComposeReadException(file, s.line, s.column, path.toString(), e.getMessage());
        }
        return;
      }
      try {
        currentPath = path;
        String out = interpolate(s.text);
        if (!out.equals(s.text)) {
          s.text = out;
          s.interpolated = true;
        }
      } catch (IllegalArgumentException e) {
        throw new ComposeReadException(file, s.line, s.column, path.toString(), e.getMessage());
      } finally {
        currentPath = null;
      }
    }
  }

  /**
   * Returns whether a Go template action ({@code {{ ... }}}) holds a {@code $VAR} or {@code ${VAR}}
   * that interpolation will replace: a <code>{{</code> with no <code>}}</code> before the closing
   * <code>}}</code>, holding a {@code $} not preceded by {@code $} and followed by a name or <code>
   * {</code>. Linear in the text (the regular expression this replaces was quadratic on <code>
   * ${{{{...</code>).
   */
  static boolean hasTemplateVariable(String text) {
    int n = text.length();
    int segment = 0; // start of the current run without '}'
    for (int end = 0; end < n; end++) {
      if (text.charAt(end) != '}') {
        continue;
      }
      if (end + 1 < n && text.charAt(end + 1) == '}' && segmentHasVariable(text, segment, end)) {
        return true;
      }
      segment = end + 1;
    }
    return false;
  }

  private static boolean segmentHasVariable(String text, int from, int to) {
    int open = -1;
    for (int i = from; i + 1 < to; i++) {
      if (text.charAt(i) == '{' && text.charAt(i + 1) == '{') {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return false;
    }
    for (int q = open + 2; q + 1 < to; q++) {
      if (text.charAt(q) == '$' && text.charAt(q - 1) != '$') {
        char c = text.charAt(q + 1);
        if (isNameStart(c) || c == '{') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Interpolates one string.
   *
   * @throws IllegalArgumentException with a message that names the problem and the fix
   */
  public String interpolate(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw invalid(text);
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(text, i + 2);
        if (close < 0) {
          throw invalid(text);
        }
        out.append(braced(text.substring(i + 2, close), text));
        i = close + 1;
      } else if (isNameStart(next)) {
        int j = i + 1;
        while (j < n && isNamePart(text.charAt(j))) {
          j++;
        }
        out.append(value(text.substring(i + 1, j), true));
        i = j;
      } else {
        throw invalid(text);
      }
    }
    return out.toString();
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        i++;
      } else if (c == '}') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private String braced(String expr, String whole) {
    if (++depth > maxDepth) {
      depth = 0;
      throw new IllegalArgumentException(
          "the value nests ${...} more than "
              + maxDepth
              + " deep "
              + ReaderLimits.raise("maxInterpolationDepth", maxDepth));
    }
    try {
      return bracedBody(expr, whole);
    } finally {
      depth = Math.max(0, depth - 1);
    }
  }

  private String bracedBody(String expr, String whole) {
    int j = 0;
    if (expr.isEmpty() || !isNameStart(expr.charAt(0))) {
      throw invalid(whole);
    }
    while (j < expr.length() && isNamePart(expr.charAt(j))) {
      j++;
    }
    String name = expr.substring(0, j);
    String rest = expr.substring(j);
    if (rest.isEmpty()) {
      return value(name, true);
    }
    String current = lookup.apply(name);
    boolean set = current != null;
    boolean nonEmpty = set && !current.isEmpty();
    if (rest.startsWith(":-")) {
      return nonEmpty ? current : nested(rest.substring(2));
    } else if (rest.startsWith(":?")) {
      if (!nonEmpty) {
        throw required(name, rest.substring(2));
      }
      return current;
    } else if (rest.startsWith(":+")) {
      return nonEmpty ? nested(rest.substring(2)) : "";
    } else if (rest.startsWith("-")) {
      return set ? current : nested(rest.substring(1));
    } else if (rest.startsWith("?")) {
      if (!set) {
        throw required(name, rest.substring(1));
      }
      return current;
    } else if (rest.startsWith("+")) {
      return set ? nested(rest.substring(1)) : "";
    }
    throw invalid(whole);
  }

  /**
   * Interpolates a default or alternative value: nested {@code ${...}} expressions are substituted
   * (as compose-go does); any other {@code $} is kept literally (as docker/cli does).
   */
  private String nested(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = closingBrace(text, i + 2);
        if (close < 0) {
          throw invalid(text);
        }
        out.append(braced(text.substring(i + 2, close), text));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String value(String name, boolean warnIfUnset) {
    String v = lookup.apply(name);
    if (v == null) {
      if (warnIfUnset) {
        unset.computeIfAbsent(name, k -> currentPath == null ? "" : currentPath.toString());
      }
      return "";
    }
    return v;
  }

  private static IllegalArgumentException required(String name, String message) {
    return new IllegalArgumentException(
        "required variable "
            + name
            + " is missing a value"
            + (message.isEmpty() ? "" : ": " + message)
            + "; set it in the environment or an --env-file");
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid interpolation format in \""
            + text
            + "\": '$' must start $VAR or ${VAR...}; write $$ for a literal $");
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  /** Returns a lookup over a map (null for absent keys). */
  public static Function<String, String> lookup(Map<String, String> env) {
    return env::get;
  }
}
