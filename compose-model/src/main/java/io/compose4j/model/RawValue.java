package io.compose4j.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A YAML-shaped value kept as it was written: the value of {@code x-*} extension keys and of the
 * few Compose keys the model does not type. Maps keep their key order; equality of maps ignores it.
 */
public sealed interface RawValue
    permits RawValue.Null,
        RawValue.Str,
        RawValue.Int,
        RawValue.Float,
        RawValue.Bool,
        RawValue.Seq,
        RawValue.Mapping {

  /** The YAML {@code null} (also an empty value such as {@code x-foo:}). */
  Null NULL = new Null();

  /** Returns a string value. */
  static Str of(String value) {
    return new Str(value);
  }

  /** Returns an integer value. */
  static Int of(long value) {
    return new Int(value);
  }

  /** Returns a boolean value. */
  static Bool of(boolean value) {
    return new Bool(value);
  }

  /**
   * Returns the value for a plain Java object: {@code null}, {@link String}, integral and floating
   * {@link Number}s, {@link Boolean}, {@link List}, {@link Map} (keys converted with {@code
   * toString()}) or an existing {@code RawValue}.
   *
   * @throws IllegalArgumentException for any other type
   */
  static RawValue from(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof RawValue raw) {
      return raw;
    }
    if (value instanceof String s) {
      return new Str(s);
    }
    if (value instanceof Boolean b) {
      return new Bool(b);
    }
    if (value instanceof Double
        || value instanceof java.lang.Float
        || value instanceof BigDecimal) {
      return new Float(((Number) value).doubleValue());
    }
    if (value instanceof Number n) {
      return new Int(n.longValue());
    }
    if (value instanceof List<?> list) {
      List<RawValue> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(from(item));
      }
      return new Seq(items);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, RawValue> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entries.put(String.valueOf(e.getKey()), from(e.getValue()));
      }
      return new Mapping(entries);
    }
    throw new IllegalArgumentException("not a YAML value: " + value.getClass().getName());
  }

  /**
   * Returns this value as plain Java objects ({@code null}, String, Long, Double, Boolean, List,
   * Map).
   */
  @Nullable Object toJava();

  /** The YAML {@code null}. */
  final class Null implements RawValue {
    private Null() {}

    @Override
    public @Nullable Object toJava() {
      return null;
    }

    @Override
    public String toString() {
      return "null";
    }
  }

  /**
   * A string.
   *
   * @param value the text
   */
  record Str(String value) implements RawValue {
    /** Checks the value is not null. */
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  /**
   * An integer.
   *
   * @param value the number
   */
  record Int(long value) implements RawValue {
    @Override
    public Object toJava() {
      return value;
    }
  }

  /**
   * A floating-point number.
   *
   * @param value the number
   */
  @SuppressWarnings("JavaLangClash") // the YAML type's name; inside RawValue, write java.lang.Float
  record Float(double value) implements RawValue {
    @Override
    public Object toJava() {
      return value;
    }
  }

  /**
   * A boolean.
   *
   * @param value the truth value
   */
  record Bool(boolean value) implements RawValue {
    @Override
    public Object toJava() {
      return value;
    }
  }

  /**
   * A sequence, in order.
   *
   * @param items the elements
   */
  record Seq(List<RawValue> items) implements RawValue {
    /** Copies the items into an unmodifiable list. */
    public Seq {
      items = List.copyOf(items);
    }

    @Override
    public Object toJava() {
      List<Object> out = new ArrayList<>(items.size());
      for (RawValue item : items) {
        out.add(item.toJava());
      }
      return out;
    }
  }

  /**
   * A mapping with string keys, in the order written.
   *
   * @param entries the entries
   */
  record Mapping(Map<String, RawValue> entries) implements RawValue {
    /** Copies the entries into an unmodifiable, order-keeping map. */
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Object toJava() {
      Map<String, Object> out = new LinkedHashMap<>();
      entries.forEach((k, v) -> out.put(k, v.toJava()));
      return out;
    }
  }
}
