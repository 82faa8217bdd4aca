package io.compose4j.yaml.bind;

import io.compose4j.yaml.SourcePosition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions the binder records while reading, kept as a log and turned into a path → position
 * map only when someone asks for a position: most reads (format, convert, build) never do, and
 * joining and hashing a path for every key of a large file costs more than reading it. Internal:
 * public only for {@link io.compose4j.yaml.SourceMap}.
 */
public final class PositionLog {
  private String[] parents = new String[256];
  private String[] keys = new String[256];
  private int[] lines = new int[256];
  private int[] columns = new int[256];
  private boolean[] ifAbsent = new boolean[256];
  private String[] files = new String[256];
  private int size;

  /** Records the position of a full path (a later record of the same path wins). */
  void put(String path, int line, int column, String file) {
    add(null, path, line, column, false, file);
  }

  /** Records the position of {@code parent.key} without joining the path now. */
  void putChild(String parent, String key, int line, int column, String file) {
    add(parent, key, line, column, false, file);
  }

  /** Records the position of a path unless it has one already. */
  void putIfAbsent(String path, int line, int column, String file) {
    add(null, path, line, column, true, file);
  }

  private void add(
      String parent, String key, int line, int column, boolean absentOnly, String file) {
    if (size == keys.length) {
      int n = size * 2;
      parents = Arrays.copyOf(parents, n);
      keys = Arrays.copyOf(keys, n);
      lines = Arrays.copyOf(lines, n);
      columns = Arrays.copyOf(columns, n);
      ifAbsent = Arrays.copyOf(ifAbsent, n);
      files = Arrays.copyOf(files, n);
    }
    parents[size] = parent;
    keys[size] = key;
    lines[size] = line;
    columns[size] = column;
    ifAbsent[size] = absentOnly;
    files[size] = file;
    size++;
  }

  /**
   * Replays the log into a map, in the order it was written; entries without a file are in {@code
   * defaultFile}.
   */
  public Map<String, SourcePosition> toMap(String defaultFile) {
    Map<String, SourcePosition> map = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      String path =
          parents[i] == null
              ? keys[i]
              : parents[i].isEmpty() ? keys[i] : parents[i] + "." + keys[i];
      SourcePosition pos =
          new SourcePosition(files[i] == null ? defaultFile : files[i], lines[i], columns[i]);
      if (ifAbsent[i]) {
        map.putIfAbsent(path, pos);
      } else {
        map.put(path, pos);
      }
    }
    return map;
  }
}
