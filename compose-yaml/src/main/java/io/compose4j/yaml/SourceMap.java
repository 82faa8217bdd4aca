package io.compose4j.yaml;

import io.compose4j.yaml.bind.PositionLog;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Positions of the keys of a parsed file by YAML path ({@code services.web.deploy.replicas}, {@code
 * services.web.ports[0]}). Diagnostics use it to point at the line that caused them.
 */
public final class SourceMap {
  private static final SourceMap EMPTY = new SourceMap("", Map.of());

  private final String file;
  private PositionLog log;
  private volatile Map<String, SourcePosition> positions;

  SourceMap(String file, Map<String, SourcePosition> positions) {
    this.file = file;
    this.positions = positions;
  }

  SourceMap(String file, PositionLog log) {
    this.file = file;
    this.log = log;
  }

  /** The positions by path, built from the reader's log on first use. */
  private Map<String, SourcePosition> positions() {
    Map<String, SourcePosition> p = positions;
    if (p == null) {
      synchronized (this) {
        p = positions;
        if (p == null) {
          p = log.toMap(file);
          positions = p;
          log = null;
        }
      }
    }
    return p;
  }

  /** Returns a map without positions, for stacks that were not read from a file. */
  public static SourceMap empty() {
    return EMPTY;
  }

  /** Returns the file the positions are in. */
  public String file() {
    return file;
  }

  /** Returns the position of exactly this path, if it was in the file. */
  public Optional<SourcePosition> get(String path) {
    return Optional.ofNullable(positions().get(path));
  }

  /**
   * Returns the position of the path or, when the path itself was not written (a default, a key the
   * validator talks about that is missing), of its closest written ancestor.
   */
  public Optional<SourcePosition> closest(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Optional<SourcePosition> found = get(p);
      if (found.isPresent()) {
        return found;
      }
      int bracket = p.lastIndexOf('[');
      int dot = p.lastIndexOf('.');
      int cut = Math.max(bracket, dot);
      p = cut > 0 ? p.substring(0, cut) : null;
    }
    return Optional.empty();
  }

  /** Returns the number of recorded paths. */
  public int size() {
    return positions().size();
  }

  /** Returns every recorded path (unmodifiable). */
  public Set<String> paths() {
    return Collections.unmodifiableSet(positions().keySet());
  }
}
