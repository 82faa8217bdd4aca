package io.compose4j.yaml.write;

import io.compose4j.model.ByteSize;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.GoDuration;
import io.compose4j.model.RawValue;
import io.compose4j.model.Stack;
import io.compose4j.model.SwarmFormat;
import io.compose4j.yaml.read.Interpolator;
import io.compose4j.yaml.write.YamlOutput.ComplexWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Where canonical YAML is written: the generator, the primitives (strings escaped as templates or
 * with {@code $$}, sizes, durations, sorted maps, raw values), the keys of an object in the
 * canonical order of its {@link ComposeKeys} table, and, for the Swarm target, the keys the 3.x
 * format leaves out (each reported once, as a warning).
 */
final class YamlOutput {
  YamlOutput(YamlSink g, boolean swarm) {
    this.g = g;
    this.swarm = swarm;
  }

  final YamlSink g;

  final boolean swarm;

  /**
   * Whether the stack's strings are Compose templates written as they are ({@link
   * Stack#variablesKept()}).
   */
  boolean keepVariables;

  final List<Diagnostic> warnings = new ArrayList<>();

  /** For the Swarm target: the keys the 3.x format lacks, by YAML path, with a hint. */
  final Map<String, String> dropped = new java.util.HashMap<>();

  /**
   * Returns true (and records a warning) when the Swarm target leaves out the key at this path,
   * because {@link SwarmFormat#unsupported} lists it.
   */
  boolean swarmDrops(String path) {
    String hint = dropped.get(path);
    if (!swarm || hint == null) {
      return false;
    }
    warnings.add(
        Diagnostic.warning(
            "swarm-unsupported-key",
            path,
            "'" + last(path) + "' is not supported by docker stack deploy and was left out",
            hint));
    return true;
  }

  private static String last(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private String esc(String value) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    if (!keepVariables) {
      return value.replace("$", "$$");
    }
    try {
      Interpolator.expressions(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          currentPath()
              + ": "
              + e.getMessage()
              + " (the stack keeps its variables: its strings are Compose templates)",
          e);
    }
    return value;
  }

  /** Returns the YAML path of the value being written ({@code services.web.environment.A}). */
  private String currentPath() {
    return g.path();
  }

  void key(String key) throws IOException {
    g.writeFieldName(key);
  }

  void value(String v) throws IOException {
    g.writeString(esc(v));
  }

  void str(String key, String v) throws IOException {
    key(key);
    value(v);
  }

  /**
   * Writes a size as {@code 512M} when that text reads back as the same size, else as an integer
   * number of bytes ({@code -4}, {@code 9223372036854775807}), which the reader takes as it is.
   */
  void size(String key, ByteSize v) throws IOException {
    String text = v.toString();
    boolean readsBack;
    try {
      readsBack = ByteSize.parse(text).equals(v);
    } catch (IllegalArgumentException e) {
      readsBack = false;
    }
    key(key);
    if (readsBack) {
      value(text);
    } else {
      g.writeNumber(v.bytes());
    }
  }

  void str(String key, Optional<String> v) throws IOException {
    if (v.isPresent()) {
      str(key, v.get());
    }
  }

  void bool(String key, Optional<Boolean> v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeBoolean(v.get());
    }
  }

  void lng(String key, OptionalLong v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeNumber(v.getAsLong());
    }
  }

  void integer(String key, OptionalInt v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeNumber(v.getAsInt());
    }
  }

  void dur(String key, Optional<Duration> v) throws IOException {
    if (v.isPresent()) {
      str(key, GoDuration.format(v.get()));
    }
  }

  void strings(String key, List<String> items) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartArray();
    for (String s : items) {
      value(s);
    }
    g.writeEndArray();
  }

  void map(String key, Map<String, String> map) throws IOException {
    if (map.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartObject();
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      str(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  void nullableMap(String key, Map<String, Optional<String>> map) throws IOException {
    if (map.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartObject();
    for (Map.Entry<String, Optional<String>> e : new TreeMap<>(map).entrySet()) {
      key(e.getKey());
      if (e.getValue().isPresent()) {
        value(e.getValue().get());
      } else {
        g.writeNull();
      }
    }
    g.writeEndObject();
  }

  void extensions(Map<String, RawValue> ext, String path) throws IOException {
    for (Map.Entry<String, RawValue> e : new TreeMap<>(ext).entrySet()) {
      if (swarmDrops(path.isEmpty() ? e.getKey() : path + "." + e.getKey())) {
        continue;
      }
      key(e.getKey());
      raw(e.getValue());
    }
  }

  private void raw(RawValue v) throws IOException {
    if (v instanceof RawValue.Null) {
      g.writeNull();
    } else if (v instanceof RawValue.Str s) {
      value(s.value());
    } else if (v instanceof RawValue.Int i) {
      g.writeNumber(i.value());
    } else if (v instanceof RawValue.Float f) {
      double d = f.value();
      if (Double.isNaN(d)) {
        g.writeNumber(".nan");
      } else if (Double.isInfinite(d)) {
        g.writeNumber(d > 0 ? ".inf" : "-.inf");
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof RawValue.Bool b) {
      g.writeBoolean(b.value());
    } else if (v instanceof RawValue.Seq s) {
      g.writeStartArray();
      for (RawValue item : s.items()) {
        raw(item);
      }
      g.writeEndArray();
    } else if (v instanceof RawValue.Mapping m) {
      g.writeStartObject();
      for (Map.Entry<String, RawValue> e : new TreeMap<>(m.entries()).entrySet()) {
        key(e.getKey());
        raw(e.getValue());
      }
      g.writeEndObject();
    }
  }

  /** Writes the value of a key whose shape needs a writer of its own. */
  interface ComplexWriter {
    void write(String key) throws IOException;
  }

  /** The writer of a table without {@link Shape#COMPLEX} keys. */
  static final ComplexWriter NO_COMPLEX_KEYS =
      name -> {
        throw new IllegalStateException("no writer for the key " + name);
      };

  /**
   * Writes the keys an object sets in the canonical order of its {@link ComposeKeys} table, each as
   * its row says it is spelled, unless the Swarm target leaves it out.
   */
  <O> void writeKeys(ComposeKeys.Table<O, ?> table, O object, String path, ComplexWriter complex)
      throws IOException {
    for (ComposeKeys.Key<O, ?, ?> key : table.canonicalOrder()) {
      if (key.present(object)
          && !swarmDrops(path.isEmpty() ? key.name() : path + "." + key.name())) {
        if (key.shape() == Shape.COMPLEX) {
          complex.write(key.name());
        } else {
          value(key.shape(), key.name(), key.value(object));
        }
      }
    }
  }

  /** Writes a key and, as a mapping, the keys its object sets (see {@link #writeKeys}). */
  <O> void writeObject(
      String key, ComposeKeys.Table<O, ?> table, O object, String path, ComplexWriter complex)
      throws IOException {
    key(key);
    g.writeStartObject();
    writeKeys(table, object, path, complex);
    g.writeEndObject();
  }

  /** Writes a value of a shape every object writes alike. */
  @SuppressWarnings("unchecked")
  void value(Shape shape, String name, Object value) throws IOException {
    Object v = optional(value);
    switch (shape) {
      case STRING, TEXT, PATH -> str(name, (Optional<String>) v);
      case BOOL, EXTERNAL, EXTERNAL_OPEN -> bool(name, (Optional<Boolean>) v);
      case LONG -> lng(name, (OptionalLong) v);
      case INT -> integer(name, (OptionalInt) v);
      case SIZE -> size(name, ((Optional<ByteSize>) v).get());
      case DURATION -> dur(name, (Optional<Duration>) v);
      case CPUS -> str(name, ((Optional<?>) v).get().toString());
      case STRINGS, TEXTS, STRING_OR_LIST, HOSTS -> strings(name, (List<String>) v);
      case LABELS, STRING_MAP -> map(name, (Map<String, String>) v);
      case ENVIRONMENT -> nullableMap(name, (Map<String, Optional<String>>) v);
      case RAW -> {
        key(name);
        raw(((Optional<RawValue>) v).get());
      }
      case COMPLEX -> throw new IllegalStateException("no common writer for " + name);
    }
  }

  /**
   * Returns a value the model requires (a name, a number) as the optional the writer takes, and any
   * other value as it is.
   */
  private static Object optional(Object v) {
    if (v instanceof String || v instanceof Boolean) {
      return Optional.of(v);
    }
    if (v instanceof Long l) {
      return OptionalLong.of(l);
    }
    if (v instanceof Integer i) {
      return OptionalInt.of(i);
    }
    return v;
  }

  void writeList(List<String> items) throws IOException {
    g.writeStartArray();
    for (String s : items) {
      value(s);
    }
    g.writeEndArray();
  }
}
