package io.compose4j.plan;

import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YamlTreeReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading of the planner's own YAML files (cluster, price table) on compose-yaml's
 * positioned tree: every error is a {@link ComposeReadException} with file, line, column and path;
 * unknown keys are errors.
 */
final class YamlInput {
  private final String file;

  private YamlInput(String file) {
    this.file = file;
  }

  static YamlInput of(String file) {
    return new YamlInput(file);
  }

  /**
   * Reads a file's root mapping (an error if the file cannot be read, is empty or not a mapping).
   */
  static YNode.YMap readFile(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ComposeReadException(path.toString(), 0, 0, "", "no such file; check the path");
    } catch (IOException e) {
      throw new ComposeReadException(
          path.toString(), 0, 0, "", "cannot read the file: " + e.getMessage());
    }
    return readText(YamlTreeReader.decode(bytes, path.toString()), path.toString());
  }

  /** Reads a document's root mapping. */
  static YNode.YMap readText(String yaml, String file) {
    YNode root = YamlTreeReader.read(yaml, file);
    if (root == null) {
      throw new ComposeReadException(file, 1, 1, "", "the file is empty; expected a mapping");
    }
    return of(file).map(root, "");
  }

  ComposeReadException error(YNode at, String path, String reason) {
    return new ComposeReadException(file, at.line(), at.column(), path, reason);
  }

  ComposeReadException error(YNode.Entry at, String path, String reason) {
    return new ComposeReadException(file, at.line(), at.column(), path, reason);
  }

  YNode.YMap map(YNode node, String path) {
    if (node instanceof YNode.YMap m) {
      return m;
    }
    throw error(node, path, "expected a mapping, found " + node.describe());
  }

  YNode.YSeq seq(YNode node, String path) {
    if (node instanceof YNode.YSeq s) {
      return s;
    }
    throw error(node, path, "expected a list, found " + node.describe());
  }

  /** Checks that the mapping has only the allowed keys. */
  void onlyKeys(YNode.YMap map, String path, Set<String> allowed) {
    for (YNode.Entry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw error(
            e,
            join(path, e.key()),
            "unknown key '"
                + e.key()
                + "'; allowed keys are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** Returns a scalar's text (strings, numbers, booleans alike). */
  String text(YNode node, String path) {
    if (node instanceof YNode.YScalar s && s.kind() != YNode.Kind.NULL) {
      return s.text();
    }
    throw error(node, path, "expected a value, found " + node.describe());
  }

  BigDecimal number(YNode node, String path) {
    String t = text(node, path);
    try {
      BigDecimal d = new BigDecimal(t.trim());
      if (d.signum() < 0) {
        throw error(node, path, "must not be negative: " + t);
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(node, path, "expected a number, found '" + t + "'");
    }
  }

  /** Returns a mapping of strings (labels). */
  Map<String, String> stringMap(YNode node, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (YNode.Entry e : map(node, path).entries().values()) {
      out.put(e.key(), text(e.value(), join(path, e.key())));
    }
    return out;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
