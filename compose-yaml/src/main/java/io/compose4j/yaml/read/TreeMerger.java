package io.compose4j.yaml.read;

import io.compose4j.model.ComposeKeys;
import io.compose4j.model.Mount;
import io.compose4j.model.NestedKeys;
import io.compose4j.yaml.ComposeReadException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Merges the YAML trees of several Compose files with the Compose Specification's override rules
 * (the rules compose-go applies for {@code docker compose -f a -f b}):
 *
 * <ul>
 *   <li>mappings merge key by key, a scalar of the later file replaces the earlier one, and a null
 *       in the later file keeps the earlier value;
 *   <li>sequences are appended; those whose entries have an identity (volumes and devices by
 *       container path, ports, secrets and configs by target, {@code env_file} by path, {@code
 *       expose}, {@code dns}, capabilities, profiles, links, tmpfs, network aliases) keep one entry
 *       per identity, the later one in the earlier one's place;
 *   <li>key=value settings (environment, labels, annotations, sysctls, build args, ...) merge by
 *       key whichever of the list or mapping forms each file uses;
 *   <li>{@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced, not
 *       appended; each {@code ulimits} entry is replaced as a whole; {@code logging} merges only
 *       when both files name the same driver (or one names none); {@code build} given as a string
 *       is its {@code context}; {@code depends_on} and service {@code networks} merge as mappings
 *       whichever form each file uses; {@code x-*} keys are replaced as a whole;
 *   <li>a value tagged {@code !reset} removes the key, one tagged {@code !override} replaces the
 *       earlier value instead of merging with it.
 * </ul>
 *
 * The trees are modified and shared: merge fresh trees.
 */
public final class TreeMerger {
  private TreeMerger() {}

  /** A YAML path pattern ({@code services.*.ports}), split once. */
  private static final class PathPattern {
    private final String[] parts;

    private PathPattern(String[] parts) {
      this.parts = parts;
    }

    static List<PathPattern> of(String... patterns) {
      return java.util.Arrays.stream(patterns)
          .map(p -> new PathPattern(p.split("\\.", -1)))
          .toList();
    }

    boolean matches(List<String> path) {
      if (parts.length != path.size()) {
        return false;
      }
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].equals("*") && !parts[i].equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  // every key takes its rule from its row in ComposeKeys or NestedKeys
  private static final List<PathPattern> OVERRIDE = new ArrayList<>();
  private static final List<PathPattern> BUILD = new ArrayList<>();
  private static final List<PathPattern> LOGGING = new ArrayList<>();
  private static final List<PathPattern> EXTRA_HOSTS = new ArrayList<>();
  private static final List<PathPattern> KEY_VALUE = new ArrayList<>();
  private static final List<PathPattern> AS_MAPPING = new ArrayList<>();
  private static final Map<PathPattern, Function<YNode, String>> UNIQUE = new LinkedHashMap<>();

  private static void unique(String pattern, Function<YNode, String> key) {
    UNIQUE.put(PathPattern.of(pattern).get(0), key);
  }

  static {
    rules(ComposeKeys.SERVICE, "services.*.");
    rules(ComposeKeys.DEPLOY, "services.*.deploy.");
    rules(ComposeKeys.NETWORK, "networks.*.");
    rules(ComposeKeys.VOLUME, "volumes.*.");
    rules(ComposeKeys.SECRET, "secrets.*.");
    rules(ComposeKeys.CONFIG, "configs.*.");
    rules(NestedKeys.HEALTHCHECK, "services.*.healthcheck.");
    rules(NestedKeys.BUILD, "services.*.build.");
    rules(NestedKeys.SERVICE_NETWORK, "services.*.networks.*.");
  }

  /** Takes the merge rule of each key of a table from its row. */
  private static void rules(ComposeKeys.Table<?, ?> table, String prefix) {
    Function<YNode, String> text = n -> n instanceof YNode.YScalar s ? s.text : String.valueOf(n);
    for (ComposeKeys.Key<?, ?, ?> key : table.keys()) {
      String p = prefix + key.name();
      switch (key.merge()) {
        case DEFAULT -> {}
        case REPLACE -> OVERRIDE.addAll(PathPattern.of(p));
        case REPLACE_ENTRIES -> OVERRIDE.addAll(PathPattern.of(p + ".*"));
        case KEY_VALUE -> KEY_VALUE.addAll(PathPattern.of(p));
        case AS_MAPPING -> AS_MAPPING.addAll(PathPattern.of(p));
        case BUILD -> BUILD.addAll(PathPattern.of(p));
        case LOGGING -> LOGGING.addAll(PathPattern.of(p));
        case HOSTS -> {
          EXTRA_HOSTS.addAll(PathPattern.of(p));
          unique(p, text);
        }
        case UNIQUE_TEXT -> unique(p, text);
        case UNIQUE_MOUNT_TARGET -> unique(p, TreeMerger::mountTarget);
        case UNIQUE_DEVICE_TARGET -> unique(p, TreeMerger::deviceTarget);
        case UNIQUE_PORT -> unique(p, TreeMerger::portKey);
        case UNIQUE_SECRET_TARGET -> unique(p, n -> fileMountTarget(n, "/run/secrets/"));
        case UNIQUE_CONFIG_TARGET -> unique(p, n -> fileMountTarget(n, "/"));
        case UNIQUE_ENV_FILE ->
            unique(
                p,
                n ->
                    n instanceof YNode.YMap m && m.get("path") != null
                        ? text.apply(m.get("path").value())
                        : text.apply(n));
      }
    }
  }

  /** Marks every node and entry of a tree as read from {@code file} (for positions and errors). */
  public static void stamp(YNode node, String file) {
    if (node.file != null) {
      return;
    }
    node.file = file;
    if (node instanceof YNode.YMap m) {
      for (Map.Entry<String, YNode.Entry> e : m.entries.entrySet()) {
        YNode.Entry entry = e.getValue();
        stamp(entry.value(), file);
        if (entry.file() == null) {
          e.setValue(
              new YNode.Entry(entry.key(), entry.line(), entry.column(), entry.value(), file));
        }
      }
    } else if (node instanceof YNode.YSeq q) {
      q.items.forEach(i -> stamp(i, file));
    }
  }

  /** Merges {@code override} into {@code base} (both whole files) and returns the result. */
  public static YNode mergeFiles(YNode base, YNode override) {
    return merge(base, override, new ArrayList<>());
  }

  /**
   * Applies what the Compose Specification does with a single file: keys tagged {@code !reset} are
   * removed, and sequences with identities keep one entry per identity.
   */
  public static YNode normalize(YNode root) {
    return normalize(root, new ArrayList<>());
  }

  private static YNode normalize(YNode node, List<String> path) {
    if (node instanceof YNode.YMap m) {
      m.entries.values().removeIf(e -> isReset(e.value()));
      for (Map.Entry<String, YNode.Entry> e : m.entries.entrySet()) {
        path.add(e.getKey());
        YNode v = normalize(e.getValue().value(), path);
        path.remove(path.size() - 1);
        if (v != e.getValue().value()) {
          e.setValue(e.getValue().withValue(v));
        }
      }
      return m;
    }
    if (node instanceof YNode.YSeq q) {
      Function<YNode, String> key = uniqueKey(path);
      if (key != null) {
        return dedupe(q, key, path);
      }
    }
    return node;
  }

  private static boolean isReset(YNode n) {
    return "!reset".equals(n.tag);
  }

  private static boolean isOverride(YNode n) {
    return "!override".equals(n.tag);
  }

  private static YNode merge(YNode base, YNode override, List<String> path) {
    if (isOverride(override)) {
      return override;
    }
    if (override instanceof YNode.YScalar s && s.kind == YNode.Kind.NULL && !isReset(override)) {
      return base;
    }
    if (matches(path, OVERRIDE)) {
      return override;
    }
    if (matches(path, BUILD)) {
      return mergeMaps(buildMap(base), buildMap(override), path);
    }
    if (matches(path, LOGGING)
        && base instanceof YNode.YMap b
        && override instanceof YNode.YMap o) {
      YNode.Entry bd = b.get("driver");
      YNode.Entry od = o.get("driver");
      if (bd != null && od != null && !text(bd.value()).equals(text(od.value()))) {
        return override;
      }
      return mergeMaps(b, o, path);
    }
    if (matches(path, EXTRA_HOSTS)) {
      base = hostsAsList(base);
      override = hostsAsList(override);
    }
    if (matches(path, KEY_VALUE)) {
      return mergeMaps(keyValues(base, path), keyValues(override, path), path);
    }
    if (matches(path, AS_MAPPING)) {
      return mergeMaps(asMapping(base, path), asMapping(override, path), path);
    }
    if (base instanceof YNode.YMap b) {
      if (!(override instanceof YNode.YMap o)) {
        throw cannotOverride(base, override, path);
      }
      return mergeMaps(b, o, path);
    }
    if (base instanceof YNode.YSeq b) {
      if (!(override instanceof YNode.YSeq o)) {
        throw cannotOverride(base, override, path);
      }
      YNode.YSeq out = YNode.seq(b.line, b.column, b.tag);
      out.file = b.file;
      out.items.addAll(b.items);
      out.items.addAll(o.items);
      Function<YNode, String> key = uniqueKey(path);
      return key == null ? out : dedupe(out, key, path);
    }
    return override;
  }

  private static YNode.YMap mergeMaps(YNode.YMap base, YNode.YMap override, List<String> path) {
    for (YNode.Entry e : override.entries.values()) {
      YNode.Entry existing = base.entries.get(e.key());
      if (isReset(e.value())) {
        base.entries.remove(e.key());
        continue;
      }
      if (existing == null || e.key().startsWith("x-")) {
        base.entries.put(e.key(), e);
        continue;
      }
      path.add(e.key());
      YNode merged = merge(existing.value(), e.value(), path);
      path.remove(path.size() - 1);
      // the key keeps its first position; the value is wherever it came from
      base.entries.put(e.key(), existing.withValue(merged));
    }
    return base;
  }

  private static Function<YNode, String> uniqueKey(List<String> path) {
    for (Map.Entry<PathPattern, Function<YNode, String>> e : UNIQUE.entrySet()) {
      if (e.getKey().matches(path)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** One entry per identity: a later entry replaces an earlier one in its place. */
  private static YNode.YSeq dedupe(YNode.YSeq seq, Function<YNode, String> key, List<String> path) {
    Map<String, Integer> at = new LinkedHashMap<>();
    List<YNode> out = new ArrayList<>();
    for (YNode item : seq.items) {
      String k;
      try {
        k = key.apply(item);
      } catch (IllegalArgumentException e) {
        throw new ComposeReadException(
            item.file, item.line, item.column, String.join(".", path), e.getMessage());
      }
      Integer i = k.isEmpty() ? null : at.get(k);
      if (k.isEmpty()) {
        out.add(item); // no identity (a mount without target): kept, the validator reports it
      } else if (i == null) {
        at.put(k, out.size());
        out.add(item);
      } else {
        out.set(i, item);
      }
    }
    seq.items.clear();
    seq.items.addAll(out);
    return seq;
  }

  private static boolean matches(List<String> path, List<PathPattern> patterns) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static String text(YNode n) {
    return n instanceof YNode.YScalar s ? s.text : "";
  }

  private static ComposeReadException cannotOverride(
      YNode base, YNode override, List<String> path) {
    return new ComposeReadException(
        override.file,
        override.line,
        override.column,
        String.join(".", path),
        "cannot override "
            + base.describe()
            + " (line "
            + base.line
            + (base.file != null ? " of " + base.file : "")
            + ") with "
            + override.describe()
            + "; use the same form in both files, or tag the value !override");
  }

  private static YNode.YMap buildMap(YNode n) {
    if (n instanceof YNode.YMap m) {
      return m;
    }
    YNode.YMap m = YNode.map(n.line, n.column, null);
    m.file = n.file;
    m.entries.put("context", new YNode.Entry("context", n.line, n.column, n, n.file));
    return m;
  }

  /** KEY=value lists (or KEY alone, no value) become the mapping form. */
  private static YNode.YMap keyValues(YNode n, List<String> path) {
    if (n instanceof YNode.YMap m) {
      return m;
    }
    if (!(n instanceof YNode.YSeq q)) {
      throw new ComposeReadException(
          n.file,
          n.line,
          n.column,
          String.join(".", path),
          "expected a mapping or a list of KEY=value strings, found " + n.describe());
    }
    YNode.YMap m = YNode.map(n.line, n.column, null);
    m.file = n.file;
    for (YNode item : q.items) {
      String entry = text(item);
      int eq = entry.indexOf('=');
      YNode.YScalar value =
          eq < 0
              ? new YNode.YScalar(item.line, item.column, null, "", true, YNode.Kind.NULL)
              : new YNode.YScalar(
                  item.line, item.column, null, entry.substring(eq + 1), false, YNode.Kind.STRING);
      value.file = item.file;
      String key = eq < 0 ? entry : entry.substring(0, eq);
      m.entries.put(key, new YNode.Entry(key, item.line, item.column, value, item.file));
    }
    return m;
  }

  /**
   * A list of names becomes a mapping of names (to null, or to the long form's defaults for
   * depends_on).
   */
  private static YNode.YMap asMapping(YNode n, List<String> path) {
    if (n instanceof YNode.YMap m) {
      return m;
    }
    if (!(n instanceof YNode.YSeq q)) {
      throw new ComposeReadException(
          n.file,
          n.line,
          n.column,
          String.join(".", path),
          "expected a mapping or a list of names, found " + n.describe());
    }
    boolean dependsOn = path.get(path.size() - 1).equals("depends_on");
    YNode.YMap m = YNode.map(n.line, n.column, null);
    m.file = n.file;
    for (YNode item : q.items) {
      YNode value;
      if (dependsOn) {
        YNode.YMap d = YNode.map(item.line, item.column, null);
        d.file = item.file;
        YNode.YScalar condition =
            new YNode.YScalar(
                item.line, item.column, null, "service_started", false, YNode.Kind.STRING);
        condition.file = item.file;
        d.entries.put(
            "condition",
            new YNode.Entry("condition", item.line, item.column, condition, item.file));
        value = d;
      } else {
        value = new YNode.YScalar(item.line, item.column, null, "", true, YNode.Kind.NULL);
        value.file = item.file;
      }
      m.entries.put(
          text(item), new YNode.Entry(text(item), item.line, item.column, value, item.file));
    }
    return m;
  }

  private static String mountTarget(YNode n) {
    if (n instanceof YNode.YMap m) {
      YNode.Entry t = m.get("target");
      return t == null ? "" : text(t.value());
    }
    return Mount.parse(text(n)).target().orElse("");
  }

  private static String deviceTarget(YNode n) {
    if (n instanceof YNode.YMap m) {
      YNode.Entry t = m.get("target");
      return t == null ? "" : text(t.value());
    }
    String[] parts = text(n).split(":", 0); // limit 0, as before: "/dev/a:" has one part
    return parts.length == 1 ? parts[0] : parts[1];
  }

  private static String portKey(YNode n) {
    if (n instanceof YNode.YMap m) {
      return value(m, "host_ip", "0.0.0.0")
          + ":"
          + value(m, "published", "")
          + ":"
          + value(m, "target", "")
          + "/"
          + value(m, "protocol", "tcp");
    }
    return text(n);
  }

  private static String fileMountTarget(YNode n, String defaultDir) {
    if (n instanceof YNode.YMap m) {
      YNode.Entry t = m.get("target");
      if (t != null) {
        // a relative target is relative to the default folder: tls_cert is /run/secrets/tls_cert
        String target = text(t.value());
        return target.startsWith("/") ? target : defaultDir + target;
      }
      return defaultDir + value(m, "source", "");
    }
    return defaultDir + text(n);
  }

  private static String value(YNode.YMap m, String key, String otherwise) {
    YNode.Entry e = m.get(key);
    return e == null ? otherwise : text(e.value());
  }

  /** The mapping form of extra_hosts as the sorted host:ip list Docker reads it as. */
  private static YNode hostsAsList(YNode n) {
    if (!(n instanceof YNode.YMap m)) {
      return n;
    }
    TreeMap<String, YNode.Entry> sorted = new TreeMap<>(m.entries);
    YNode.YSeq seq = YNode.seq(n.line, n.column, null);
    seq.file = n.file;
    for (YNode.Entry e : sorted.values()) {
      List<YNode> ips = e.value() instanceof YNode.YSeq q ? q.items : List.of(e.value());
      for (YNode ip : ips) {
        YNode.YScalar item =
            new YNode.YScalar(
                e.line(), e.column(), null, e.key() + ":" + text(ip), false, YNode.Kind.STRING);
        item.file = e.file();
        seq.items.add(item);
      }
    }
    return seq;
  }

  /**
   * Returns a deep copy of a tree (merging modifies trees; a base service can be extended twice).
   */
  public static YNode copy(YNode n) {
    if (n instanceof YNode.YMap m) {
      YNode.YMap out = YNode.map(m.line, m.column, m.tag);
      out.file = m.file;
      m.entries.forEach((k, e) -> out.entries.put(k, e.withValue(copy(e.value()))));
      return out;
    }
    if (n instanceof YNode.YSeq q) {
      YNode.YSeq out = YNode.seq(q.line, q.column, q.tag);
      out.file = q.file;
      q.items.forEach(i -> out.items.add(copy(i)));
      return out;
    }
    YNode.YScalar s = (YNode.YScalar) n;
    YNode.YScalar out = new YNode.YScalar(s.line, s.column, s.tag, s.text, s.plain, s.kind);
    out.file = s.file;
    out.interpolated = s.interpolated;
    return out;
  }

  /** Merges one service (a mapping) into another, with the rules above, for {@code extends}. */
  public static YNode mergeService(String name, YNode base, YNode override) {
    List<String> path = new ArrayList<>(List.of("services", name));
    return merge(base, override, path);
  }

  /** Returns whether two trees hold the same values (positions and files aside). */
  public static boolean sameTree(YNode a, YNode b) {
    if (a instanceof YNode.YMap x && b instanceof YNode.YMap y) {
      if (!x.entries.keySet().equals(y.entries.keySet())) {
        return false;
      }
      for (String k : x.entries.keySet()) {
        if (!sameTree(x.entries.get(k).value(), y.entries.get(k).value())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof YNode.YSeq x && b instanceof YNode.YSeq y) {
      if (x.items.size() != y.items.size()) {
        return false;
      }
      for (int i = 0; i < x.items.size(); i++) {
        if (!sameTree(x.items.get(i), y.items.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a instanceof YNode.YScalar x
        && b instanceof YNode.YScalar y
        && x.text.equals(y.text)
        && x.kind == y.kind;
  }
}
