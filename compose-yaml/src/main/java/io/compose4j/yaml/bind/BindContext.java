package io.compose4j.yaml.bind;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.RawValue;
import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.Interpolator;
import io.compose4j.yaml.read.Scalars;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YNode.Kind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of binding one file: its name and folder, what binding found (positions, warnings,
 * syntax facts), the mapping being read ({@link Obj}, which reports unknown keys) and the errors,
 * with file, line, column and YAML path.
 */
class BindContext {
  BindContext(
      String file,
      List<Diagnostic> warnings,
      Path baseDir,
      Function<String, String> env,
      ReaderLimits limits) {
    this.file = file;
    this.warnings = warnings;
    this.baseDir = baseDir;
    this.env = env;
    this.limits = limits;
  }

  final String file;

  final PositionLog positions = new PositionLog();

  final List<Diagnostic> warnings;

  final Path baseDir;

  final Function<String, String> env;

  final List<SyntaxFact> facts = new ArrayList<>();

  final ReaderLimits limits;

  /** Whether the tree was read without interpolation (its variables are kept as written). */
  boolean keepVariables;

  void fact(SyntaxFact.Kind kind, String path, String detail) {
    facts.add(new SyntaxFact(kind, path, detail));
  }

  /** Records a number written where the 3.x schema wants a string. */
  void noteNumber(YNode n, String path) {
    if (n instanceof YNode.YScalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
      fact(SyntaxFact.Kind.NUMBER_FOR_STRING, path, s.text());
    }
  }

  /** A mapping being bound: tracks which keys were read so the rest can be reported. */
  final class Obj {
    final YNode.YMap map;
    final String path;
    final List<String> known;

    /**
     * The entries read so far, by identity, in the order read (an entry read twice is listed
     * twice): appending is cheaper than a hash set (whose adds were a quarter of binding 2,000
     * services), and a mapping has few keys to look through when it is done.
     */
    private YNode.Entry[] used = new YNode.Entry[16];

    private int usedCount;

    Obj(YNode.YMap map, String path, List<String> known) {
      this.map = map;
      this.path = path;
      this.known = known;
    }

    private void markUsed(YNode.Entry e) {
      if (usedCount == used.length) {
        used = Arrays.copyOf(used, usedCount * 2);
      }
      used[usedCount++] = e;
    }

    // the entries of this one mapping, each the same object each time it is read: identity is
    // what is meant, and cheaper than comparing records field by field
    @SuppressWarnings("ReferenceEquality")
    private boolean isUsed(YNode.Entry e) {
      for (int i = 0; i < usedCount; i++) {
        if (used[i] == e) {
          return true;
        }
      }
      return false;
    }

    String child(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns the value of a key (null if absent or YAML null) and records its position. */
    YNode get(String key) {
      YNode.Entry e = map.get(key);
      if (e == null) {
        return null;
      }
      markUsed(e);
      positions.putChild(path, key, e.line(), e.column(), e.file());
      YNode v = e.value();
      if (v instanceof YNode.YScalar s && s.kind() == Kind.NULL) {
        return null;
      }
      return v;
    }

    /** Reports unknown keys; returns the x-* extensions when they are allowed here. */
    Map<String, RawValue> finish(boolean extensionsAllowed) {
      Map<String, RawValue> ext = new LinkedHashMap<>();
      for (YNode.Entry e : map.entries().values()) {
        if (isUsed(e)) {
          continue;
        }
        if (extensionsAllowed && e.key().startsWith("x-")) {
          positions.put(child(e.key()), e.line(), e.column(), e.file());
          ext.put(e.key(), raw(e.value()));
          continue;
        }
        throw unknownKey(e);
      }
      return ext;
    }

    void finishNoExtensions() {
      finish(false);
    }

    /**
     * Finishes a mapping whose x-* keys the model does not keep (healthcheck, logging, deploy's
     * objects, service networks, ipam, ...): each one is reported, as a reader warning and a {@link
     * SyntaxFact.Kind#DROPPED_EXTENSION} fact, rather than dropped silently. The 3.x schemas refuse
     * x-* keys in these mappings.
     */
    void finishDroppingExtensions() {
      reportDropped(finish(true), "refused");
    }

    /**
     * Like {@link #finishOpen()}, and reports the x-* keys the model does not keep as {@link
     * #finishDroppingExtensions()} does (the 3.x schemas accept them here and Docker drops them).
     */
    void finishOpenDroppingExtensions() {
      reportDropped(finishOpen(), "accepted");
    }

    private void reportDropped(Map<String, RawValue> ext, String swarm) {
      for (String key : ext.keySet()) {
        String p = child(key);
        fact(SyntaxFact.Kind.DROPPED_EXTENSION, p, swarm);
        warnings.add(
            Diagnostic.warning(
                "dropped-extension",
                p,
                "'"
                    + key
                    + "' is left out of the stack: Compose4J keeps no x-* keys in this mapping",
                "move it to the x-* keys of the service (or of the top level), or remove it"));
      }
    }

    /**
     * Like {@link #finish(boolean) finish(true)} for a mapping the 3.x schemas leave open (Docker
     * accepts and silently drops unknown keys there): an unknown key is recorded as an {@link
     * SyntaxFact.Kind#IGNORED_KEY} fact, with its position, instead of refused.
     */
    Map<String, RawValue> finishOpen() {
      for (YNode.Entry e : map.entries().values()) {
        if (!isUsed(e) && !e.key().startsWith("x-")) {
          markUsed(e);
          positions.put(child(e.key()), e.line(), e.column(), e.file());
          fact(SyntaxFact.Kind.IGNORED_KEY, child(e.key()), e.key());
          warnings.add(
              Diagnostic.warning(
                  "ignored-key",
                  child(e.key()),
                  "unknown key '"
                      + e.key()
                      + "' is left out of the "
                      + "stack (the 3.x schema leaves this mapping open; see SWARM-KEY-006)",
                  "remove it or fix its spelling"));
        }
      }
      return finish(true);
    }

    private ComposeReadException unknownKey(YNode.Entry e) {
      String suggestion = closest(e.key(), known);
      String where = path.isEmpty() ? "at the top level" : "in " + path;
      String hint =
          suggestion != null
              ? "did you mean '" + suggestion + "'?"
              : e.key().startsWith("x-")
                  ? "extension keys are not allowed here"
                  : "remove it or check the spelling; allowed keys: " + String.join(", ", known);
      return new ComposeReadException(
          e.file() != null ? e.file() : file,
          e.line(),
          e.column(),
          child(e.key()),
          "unknown key '" + e.key() + "' " + where + "; " + hint);
    }
  }

  Obj obj(YNode node, String path, List<String> known) {
    if (!(node instanceof YNode.YMap m)) {
      throw typeError(node, path, "a mapping");
    }
    return new Obj(m, path, known);
  }

  ComposeReadException typeError(YNode node, String path, String expected) {
    if (node instanceof YNode.YScalar s && s.kept()) {
      return cannotKeep(s, path, "it takes " + expected);
    }
    return new ComposeReadException(
        fileOf(node),
        node.line(),
        node.column(),
        path,
        "expected " + expected + ", got " + node.describe());
  }

  ComposeReadException error(YNode node, String path, String message) {
    if (node instanceof YNode.YScalar s && s.kept()) {
      return cannotKeep(s, path, "its value is parsed when the file is read");
    }
    return new ComposeReadException(fileOf(node), node.line(), node.column(), path, message);
  }

  /**
   * The error for a variable kept (reading without interpolation) where the key needs a typed
   * value.
   */
  ComposeReadException cannotKeep(YNode.YScalar s, String path, String why) {
    List<String> vars = Interpolator.expressions(s.text()).stream().distinct().toList();
    String last = path.substring(path.lastIndexOf('.') + 1);
    return new ComposeReadException(
        fileOf(s),
        s.line(),
        s.column(),
        path,
        "cannot keep the variable "
            + String.join(", ", vars)
            + " in '"
            + last
            + "' when reading without interpolation: "
            + why
            + ", so its value must be known; read the file with interpolation (give the variable a value)"
            + " or write the value instead of the variable");
  }

  /** The file a node was read from (merged projects mix files). */
  String fileOf(YNode node) {
    return node.file() != null ? node.file() : file;
  }

  /** The file an entry was read from. */
  String fileOf(YNode.Entry entry) {
    return entry.file() != null ? entry.file() : file;
  }

  static String closest(String key, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(key.toLowerCase(Locale.ROOT), c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int limit = Math.max(1, Math.min(3, key.length() / 3));
    return bestDistance <= limit ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static boolean isNull(YNode n) {
    return n instanceof YNode.YScalar s && s.kind() == Kind.NULL;
  }

  String resolvePath(String source) {
    String s = source;
    if (s.startsWith("~")) {
      String home = env.apply("HOME");
      if (home == null) {
        return source;
      }
      s = home + s.substring(1);
    }
    if (baseDir == null
        || s.startsWith("/")
        || s.startsWith("\\")
        || (s.length() > 1 && s.charAt(1) == ':')) {
      return s;
    }
    return baseDir.resolve(s).normalize().toString();
  }

  /** Resolves a relative file against the base directory (no {@code ~} expansion, as Docker). */
  String resolveFile(String file) {
    if (baseDir == null
        || file.startsWith("/")
        || file.startsWith("\\")
        || (file.length() > 1 && file.charAt(1) == ':')) {
      return file;
    }
    return baseDir.resolve(file).normalize().toString();
  }

  /**
   * Returns the variable expressions of a kept scalar replaced by placeholders without {@code :},
   * {@code /} or {@code $} (so that a short syntax splits as Docker splits it after interpolation),
   * and the expressions by placeholder.
   */
  static Map.Entry<String, Map<String, String>> mask(String spec) {
    Map<String, String> byToken = new LinkedHashMap<>();
    String masked = spec;
    int i = 0;
    for (String expression : Interpolator.expressions(spec)) {
      String token = "\uFDD0" + i++ + "\uFDD1";
      byToken.put(token, expression);
      masked = masked.replace(expression, token);
    }
    return Map.entry(masked, byToken);
  }

  static String unmask(String text, Map<String, String> byToken) {
    String out = text;
    for (Map.Entry<String, String> t : byToken.entrySet()) {
      out = out.replace(t.getKey(), t.getValue());
    }
    return out;
  }

  RawValue raw(YNode n) {
    if (n instanceof YNode.YMap m) {
      Map<String, RawValue> entries = new LinkedHashMap<>();
      m.entries().values().forEach(e -> entries.put(e.key(), raw(e.value())));
      return new RawValue.Mapping(entries);
    }
    if (n instanceof YNode.YSeq s) {
      List<RawValue> items = new ArrayList<>(s.items().size());
      s.items().forEach(i -> items.add(raw(i)));
      return new RawValue.Seq(items);
    }
    YNode.YScalar s = (YNode.YScalar) n;
    return switch (s.kind()) {
      case NULL -> RawValue.NULL;
      case BOOL -> RawValue.of(s.text().equalsIgnoreCase("true"));
      case INT -> {
        BigInteger v = Scalars.goInt(s.text());
        yield v.bitLength() < 64 ? RawValue.of(v.longValue()) : new RawValue.Float(v.doubleValue());
      }
      case FLOAT -> new RawValue.Float(Scalars.goFloat(s.text()));
      case STRING, TIMESTAMP -> RawValue.of(Scalars.goString(s));
    };
  }
}
