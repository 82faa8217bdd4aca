package io.compose4j.yaml.bind;

import io.compose4j.model.ByteSize;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.Cpus;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.FileMode;
import io.compose4j.model.GoDuration;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.internal.Rx;
import io.compose4j.yaml.ReaderLimits;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.bind.ValueReader.ComplexReader;
import io.compose4j.yaml.read.Scalars;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YNode.Kind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the values of keys: scalars of each type with Docker's conversions, lists, list-or-dict
 * mappings, and the keys of an object as the rows of its {@link ComposeKeys} table say they are
 * spelled ({@link #bindKeys}).
 */
final class ValueReader extends BindContext {
  private static final Rx LONG_TEXT = Rx.compile("[-+]?\\d{1,18}");

  ValueReader(
      String file,
      List<Diagnostic> warnings,
      Path baseDir,
      Function<String, String> env,
      ReaderLimits limits) {
    super(file, warnings, baseDir, env, limits);
  }

  String str(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING) {
      return s.text();
    }
    if (n instanceof YNode.YScalar s && s.kind() != Kind.NULL) {
      throw error(
          n, path, "expected a string, got " + n.describe() + "; quote it: \"" + s.text() + "\"");
    }
    throw typeError(n, path, "a string");
  }

  /** A string, number or boolean (schema "string|number"), turned into text as Docker does. */
  String text(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() != Kind.NULL) {
      return Scalars.goString(s);
    }
    throw typeError(n, path, "a string or number");
  }

  boolean bool(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.BOOL) {
        return s.text().equalsIgnoreCase("true");
      }
      if (s.kind() == Kind.STRING && s.interpolated()) {
        switch (s.text().toLowerCase(Locale.ROOT)) {
          case "y", "yes", "true", "on" -> {
            return true;
          }
          case "n", "no", "false", "off" -> {
            return false;
          }
          default -> {}
        }
      }
    }
    throw typeError(n, path, "a boolean (true or false)");
  }

  long integer(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.INT) {
        BigInteger v = Scalars.goInt(s.text());
        if (v.bitLength() < 64) {
          return v.longValue();
        }
        throw error(n, path, "the integer " + s.text() + " is too large");
      }
      if (s.kind() == Kind.STRING && s.interpolated() && LONG_TEXT.matches(s.text())) {
        return Long.parseLong(s.text());
      }
    }
    throw typeError(n, path, "an integer");
  }

  int int32(YNode n, String path) {
    long v = integer(n, path);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(n, path, "the integer " + v + " is out of range");
    }
    return (int) v;
  }

  double number(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.INT || s.kind() == Kind.FLOAT) {
        return Scalars.goFloat(s.text());
      }
      if (s.kind() == Kind.STRING && s.interpolated()) {
        try {
          return Double.parseDouble(s.text());
        } catch (NumberFormatException e) {
          // fall through to the error
        }
      }
    }
    throw typeError(n, path, "a number");
  }

  private Duration duration(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING) {
      try {
        return GoDuration.parse(s.text());
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    if (n instanceof YNode.YScalar s && s.kind() == Kind.INT) {
      throw error(
          n,
          path,
          "expected a duration with a unit, got "
              + n.describe()
              + "; write for example "
              + s.text()
              + "s");
    }
    throw typeError(n, path, "a duration such as 30s or 1m30s");
  }

  ByteSize size(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.INT) {
        return ByteSize.of(integer(n, path));
      }
      if (s.kind() == Kind.STRING) {
        try {
          return ByteSize.parse(s.text());
        } catch (IllegalArgumentException e) {
          throw error(n, path, e.getMessage());
        }
      }
    }
    throw typeError(n, path, "a size such as 512M or 2G");
  }

  Cpus cpus(YNode n, String path) {
    if (n instanceof YNode.YScalar s
        && (s.kind() == Kind.STRING || s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
      try {
        return Cpus.parse(s.kind() == Kind.STRING ? s.text() : s.text().replace("_", ""));
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    throw typeError(n, path, "a number of CPUs such as \"0.5\"");
  }

  FileMode mode(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.INT) {
        long v = integer(n, path);
        if (v < 0 || v > 0xFFFFFFFFL) {
          throw error(n, path, "file mode " + s.text() + " is out of range");
        }
        return FileMode.of((int) v);
      }
      if (s.kind() == Kind.STRING) {
        try {
          return FileMode.parse(s.text());
        } catch (IllegalArgumentException e) {
          throw error(n, path, e.getMessage());
        }
      }
    }
    throw typeError(n, path, "a file mode such as 0440");
  }

  List<String> strings(YNode n, String path) {
    if (!(n instanceof YNode.YSeq seq)) {
      throw typeError(n, path, "a list of strings");
    }
    List<String> out = new ArrayList<>(seq.items().size());
    int i = 0;
    for (YNode item : seq.items()) {
      out.add(str(item, path + "[" + i++ + "]"));
    }
    return out;
  }

  /** A list whose items may be strings or numbers (expose, ...). */
  List<String> texts(YNode n, String path) {
    if (!(n instanceof YNode.YSeq seq)) {
      throw typeError(n, path, "a list");
    }
    List<String> out = new ArrayList<>(seq.items().size());
    int i = 0;
    for (YNode item : seq.items()) {
      out.add(text(item, path + "[" + i++ + "]"));
    }
    return out;
  }

  List<String> stringOrList(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return List.of(str(n, path));
    }
    return strings(n, path);
  }

  /**
   * A list_or_dict: a mapping (values string, number, boolean or null) or a list of {@code
   * KEY=value} strings. {@code nullWithoutValue} keeps {@code KEY} (no separator) and null values
   * as absent values (environment); otherwise they become "" (labels, sysctls).
   */
  Map<String, Optional<String>> listOrDict(
      YNode n, String path, char sep, boolean nullWithoutValue) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    if (n instanceof YNode.YMap m) {
      for (YNode.Entry e : m.entries().values()) {
        String p = path + "." + e.key();
        positions.put(p, e.line(), e.column(), fileOf(e));
        YNode v = e.value();
        if (!(v instanceof YNode.YScalar s)) {
          throw typeError(v, p, "a string, number or null");
        }
        if (s.kind() == Kind.NULL) {
          out.put(e.key(), nullWithoutValue ? Optional.empty() : Optional.of(""));
        } else {
          if (s.kind() == Kind.BOOL) {
            fact(SyntaxFact.Kind.BOOLEAN_FOR_STRING, p, s.text());
          }
          out.put(e.key(), Optional.of(Scalars.goString(s)));
        }
      }
      return out;
    }
    if (n instanceof YNode.YSeq seq) {
      int i = 0;
      for (YNode item : seq.items()) {
        String p = path + "[" + i++ + "]";
        String entry = text(item, p);
        int at = entry.indexOf(sep);
        String key = at < 0 ? entry : entry.substring(0, at);
        positions.putIfAbsent(path + "." + key, item.line(), item.column(), fileOf(item));
        if (at < 0) {
          out.put(key, nullWithoutValue ? Optional.empty() : Optional.of(""));
        } else {
          out.put(key, Optional.of(entry.substring(at + 1)));
        }
      }
      return out;
    }
    throw typeError(n, path, "a mapping or a list of KEY=value strings");
  }

  Map<String, String> labels(YNode n, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    listOrDict(n, path, '=', false).forEach((k, v) -> out.put(k, v.orElse("")));
    return out;
  }

  /** A mapping of string-or-number values ({@code driver_opts}, {@code options}). */
  Map<String, String> stringMap(YNode n, String path) {
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a mapping");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      YNode v = e.value();
      if (v instanceof YNode.YScalar s && s.kind() == Kind.NULL) {
        out.put(e.key(), "");
      } else {
        out.put(e.key(), text(v, p));
      }
    }
    return out;
  }

  List<String> extraHosts(YNode n, String path) {
    if (n instanceof YNode.YMap m) {
      // Docker turns the mapping form into sorted host:ip entries; an IP list gives one entry each
      TreeMap<String, List<String>> sorted = new TreeMap<>();
      for (YNode.Entry e : m.entries().values()) {
        String p = path + "." + e.key();
        positions.put(p, e.line(), e.column(), fileOf(e));
        if (e.value() instanceof YNode.YSeq) {
          sorted.put(e.key(), texts(e.value(), p));
        } else {
          sorted.put(e.key(), List.of(isNull(e.value()) ? "" : text(e.value(), p)));
        }
      }
      List<String> out = new ArrayList<>();
      sorted.forEach((host, ips) -> ips.forEach(ip -> out.add(host + ":" + ip)));
      return out;
    }
    return texts(n, path);
  }

  // small helpers that read an optional key and hand the converted value to a setter

  /**
   * Reads an optional key with a converter and hands the value to a setter when the key is there.
   */
  <T> void optional(
      Obj o, String key, java.util.function.BiFunction<YNode, String, T> read, Consumer<T> set) {
    YNode n = o.get(key);
    if (n != null) {
      set.accept(read.apply(n, o.child(key)));
    }
  }

  void str(Obj o, String key, Consumer<String> set) {
    optional(o, key, this::str, set);
  }

  void text(Obj o, String key, Consumer<String> set) {
    optional(o, key, this::text, set);
  }

  void bool(Obj o, String key, Consumer<Boolean> set) {
    optional(o, key, this::bool, set);
  }

  void lng(Obj o, String key, Consumer<Long> set) {
    optional(o, key, this::integer, set);
  }

  void int32(Obj o, String key, Consumer<Integer> set) {
    optional(o, key, this::int32, set);
  }

  void dur(Obj o, String key, Consumer<Duration> set) {
    optional(o, key, this::duration, set);
  }

  void size(Obj o, String key, Consumer<ByteSize> set) {
    optional(o, key, this::size, set);
  }

  void strings(Obj o, String key, Consumer<List<String>> set) {
    optional(o, key, this::strings, set);
  }

  void stringOrList(Obj o, String key, Consumer<List<String>> set) {
    optional(o, key, this::stringOrList, set);
  }

  void labels(Obj o, String key, Consumer<Map<String, String>> set) {
    optional(o, key, this::labels, set);
  }

  void stringMap(Obj o, String key, Consumer<Map<String, String>> set) {
    optional(o, key, this::stringMap, set);
  }

  void each(Obj o, String key, BiConsumer<YNode, String> item) {
    YNode n = o.get(key);
    if (n == null) {
      return;
    }
    String path = o.child(key);
    if (!(n instanceof YNode.YSeq seq)) {
      throw typeError(n, path, "a list");
    }
    int i = 0;
    for (YNode it : seq.items()) {
      String p = path + "[" + i++ + "]";
      positions.put(p, it.line(), it.column(), fileOf(it));
      item.accept(it, p);
    }
  }

  void entries(Obj o, String key, BiConsumer<YNode.Entry, String> item) {
    YNode n = o.get(key);
    if (n == null) {
      return;
    }
    String path = o.child(key);
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a mapping");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      item.accept(e, p);
    }
  }

  /** Reads the value of a key whose shape needs a reader of its own. */
  interface ComplexReader {
    Object read(String key, YNode n, String path);
  }

  /** The reader of a table without {@link Shape#COMPLEX} keys. */
  static final ComplexReader NO_COMPLEX_KEYS =
      (key, n, path) -> {
        throw new IllegalStateException("no reader for the key " + key);
      };

  /**
   * Reads the keys of an object as their rows in a {@link ComposeKeys} table say they are spelled.
   */
  <O, B> void bindKeys(ComposeKeys.Table<O, B> table, Obj o, B b, ComplexReader complex) {
    for (ComposeKeys.Key<O, B, ?> key : table.keys()) {
      YNode n = o.get(key.name());
      if (n == null) {
        continue;
      }
      String path = o.child(key.name());
      Object value =
          switch (key.shape()) {
            case COMPLEX, EXTERNAL, EXTERNAL_OPEN -> complex.read(key.name(), n, path);
            default -> value(key.shape(), n, path);
          };
      key.assign(b, value);
    }
  }

  /** Reads a value of a shape every object reads alike. */
  Object value(Shape shape, YNode n, String path) {
    return switch (shape) {
      case STRING -> Optional.of(str(n, path));
      case TEXT -> Optional.of(text(n, path));
      case PATH -> Optional.of(resolveFile(str(n, path)));
      case BOOL -> Optional.of(bool(n, path));
      case LONG -> OptionalLong.of(integer(n, path));
      case INT -> OptionalInt.of(int32(n, path));
      case SIZE -> Optional.of(size(n, path));
      case DURATION -> Optional.of(duration(n, path));
      case CPUS -> Optional.of(cpus(n, path));
      case STRINGS -> strings(n, path);
      case TEXTS -> texts(n, path);
      case STRING_OR_LIST -> stringOrList(n, path);
      case LABELS -> labels(n, path);
      case STRING_MAP -> stringMap(n, path);
      case ENVIRONMENT -> listOrDict(n, path, '=', true);
      case HOSTS -> extraHosts(n, path);
      case RAW -> Optional.of(raw(n));
      case EXTERNAL, EXTERNAL_OPEN, COMPLEX ->
          throw new IllegalStateException("no common reader for " + shape);
    };
  }

  /** Reads a list item by item, recording each item's position. */
  <T> List<T> items(YNode n, String path, java.util.function.BiFunction<YNode, String, T> item) {
    if (!(n instanceof YNode.YSeq seq)) {
      throw typeError(n, path, "a list");
    }
    List<T> out = new ArrayList<>(seq.items().size());
    int i = 0;
    for (YNode it : seq.items()) {
      String p = path + "[" + i++ + "]";
      positions.put(p, it.line(), it.column(), fileOf(it));
      out.add(item.apply(it, p));
    }
    return out;
  }
}
