package io.compose4j.yaml.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML node with its source position (1-based line and column). Aliases share nodes, so
 * the tree is a DAG. The tree is changed in place while a stack is read: interpolation replaces
 * scalar text (the result is the same at every alias site); the project loader removes {@code
 * include} and {@code extends}, rebases relative paths and records each node's file; the merger
 * ({@code TreeMerger}) adds, replaces and removes entries and items, and rewrites short syntax into
 * long syntax, when files are merged. Binding to the model only reads it.
 */
public abstract sealed class YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {
  final int line;
  final int column;

  /** The explicit tag without leading '!' handling: "!reset", "tag:yaml.org,2002:str", or null. */
  final String tag;

  /**
   * Whether the node is, or is inside, an anchored node, so aliases or merge keys may reach it more
   * than once (walks that must visit a node once check only these).
   */
  boolean shared;

  /** The file the node was read from (null: the file being read, for single-file reads). */
  String file;

  /**
   * Set on a root by {@link FastYamlReader} when no scalar under it holds a {@code $} and no plain
   * string reads differently in YAML 1.1: interpolation (and keeping variables) has nothing to do
   * or report, and {@link Interpolator} skips the walk.
   */
  boolean nothingToInterpolate;

  YNode(int line, int column, String tag) {
    this.line = line;
    this.column = column;
    this.tag = tag;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String tag() {
    return tag;
  }

  /** Returns the file the node was read from, or null when it is the file being read. */
  public String file() {
    return file;
  }

  /** Returns a short description of the node's kind for error messages. */
  public abstract String describe();

  /** A mapping with string keys in document order. */
  public static final class YMap extends YNode {
    final LinkedHashMap<String, Entry> entries;

    @SuppressWarnings("NonApiType") // the type says what the class needs: document order
    YMap(int line, int column, String tag, LinkedHashMap<String, Entry> entries) {
      super(line, column, tag);
      this.entries = entries;
    }

    public Map<String, Entry> entries() {
      return entries;
    }

    public Entry get(String key) {
      return entries.get(key);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A key of a mapping (with its own position) and its value. */
  public record Entry(String key, int line, int column, YNode value, String file) {
    /** An entry of the file being read. */
    public Entry(String key, int line, int column, YNode value) {
      this(key, line, column, value, null);
    }

    /** Returns the same key and position with another value. */
    public Entry withValue(YNode other) {
      return new Entry(key, line, column, other, file);
    }
  }

  /** A sequence. */
  public static final class YSeq extends YNode {
    final List<YNode> items;

    YSeq(int line, int column, String tag, List<YNode> items) {
      super(line, column, tag);
      this.items = items;
    }

    public List<YNode> items() {
      return items;
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * The resolved type of a scalar, following the YAML rules Docker and compose-go use (yaml.v3).
   */
  public enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL,
    TIMESTAMP
  }

  /** A scalar. */
  public static final class YScalar extends YNode {
    String text;
    final boolean plain;
    Kind kind;

    /** Whether interpolation changed the text (Docker then casts it to the key's type). */
    boolean interpolated;

    /** Whether the text holds variables kept as written (reading without interpolation). */
    boolean kept;

    YScalar(int line, int column, String tag, String text, boolean plain, Kind kind) {
      super(line, column, tag);
      this.text = text;
      this.plain = plain;
      this.kind = kind;
    }

    public String text() {
      return text;
    }

    public Kind kind() {
      return kind;
    }

    public boolean plain() {
      return plain;
    }

    public boolean interpolated() {
      return interpolated;
    }

    /**
     * Returns whether the text holds {@code ${VAR}} or {@code $VAR} kept as written (no
     * interpolation).
     */
    public boolean kept() {
      return kept;
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the string '" + text + "'";
        case INT -> "the integer " + text;
        case FLOAT -> "the number " + text;
        case BOOL -> "the boolean " + text;
        case NULL -> "null";
        case TIMESTAMP -> "the timestamp " + text;
      };
    }
  }

  static YMap map(int line, int column, String tag) {
    return new YMap(line, column, tag, new LinkedHashMap<>());
  }

  static YSeq seq(int line, int column, String tag) {
    return new YSeq(line, column, tag, new ArrayList<>());
  }
}
