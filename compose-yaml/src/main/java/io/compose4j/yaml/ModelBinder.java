package io.compose4j.yaml;

import io.compose4j.model.Build;
import io.compose4j.model.ByteSize;
import io.compose4j.model.Config;
import io.compose4j.model.Constraint;
import io.compose4j.model.Cpus;
import io.compose4j.model.CredentialSpec;
import io.compose4j.model.Deploy;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Develop;
import io.compose4j.model.Device;
import io.compose4j.model.DeviceRequest;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Extends;
import io.compose4j.model.FileMode;
import io.compose4j.model.GenericResource;
import io.compose4j.model.GoDuration;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Include;
import io.compose4j.model.Ipam;
import io.compose4j.model.IpamConfig;
import io.compose4j.model.Logging;
import io.compose4j.model.Model;
import io.compose4j.model.Mount;
import io.compose4j.model.MountBind;
import io.compose4j.model.MountImage;
import io.compose4j.model.MountTmpfs;
import io.compose4j.model.MountVolume;
import io.compose4j.model.Network;
import io.compose4j.model.Placement;
import io.compose4j.model.PlacementPreference;
import io.compose4j.model.PortMapping;
import io.compose4j.model.Provider;
import io.compose4j.model.RawValue;
import io.compose4j.model.Resource;
import io.compose4j.model.Resources;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceHook;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.ServiceModel;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Ulimit;
import io.compose4j.model.UpdateConfig;
import io.compose4j.model.Volume;
import io.compose4j.model.WatchRule;
import io.compose4j.model.BlkioConfig;
import io.compose4j.model.BlkioLimit;
import io.compose4j.model.BlkioWeight;
import io.compose4j.yaml.internal.Interpolator;
import io.compose4j.yaml.internal.Scalars;
import io.compose4j.yaml.internal.YNode;
import io.compose4j.yaml.internal.YNode.Kind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns a parsed YAML tree into the model: both spellings of every key into one meaning, unknown
 * keys and wrong types as errors with position and YAML path, positions recorded by path.
 */
final class ModelBinder {
  private final String file;
  private final PositionLog positions = new PositionLog();
  private final List<Diagnostic> warnings;
  private final Path baseDir;
  private final Function<String, String> env;
  private final List<SyntaxFact> facts = new ArrayList<>();

  private final ReaderLimits limits;
  /** Port mappings short-syntax ranges have expanded to so far in this file (bounded by {@link ReaderLimits#maxExpandedPorts()}). */
  private long expandedPorts;

  ModelBinder(String file, List<Diagnostic> warnings, Path baseDir, Function<String, String> env) {
    this(file, warnings, baseDir, env, ReaderLimits.defaults());
  }

  ModelBinder(String file, List<Diagnostic> warnings, Path baseDir, Function<String, String> env, ReaderLimits limits) {
    this.file = file;
    this.warnings = warnings;
    this.baseDir = baseDir;
    this.env = env;
    this.limits = limits;
  }

  /** Whether the tree was read without interpolation (its variables are kept as written). */
  private boolean keepVariables;

  /** Binds a tree whose variables were kept ({@code Interpolator.keepTree}): the stack keeps them. */
  ModelBinder keepingVariables() {
    this.keepVariables = true;
    return this;
  }

  List<SyntaxFact> facts() {
    return facts;
  }

  private void fact(SyntaxFact.Kind kind, String path, String detail) {
    facts.add(new SyntaxFact(kind, path, detail));
  }

  /** Records a number written where the 3.x schema wants a string. */
  private void noteNumber(YNode n, String path) {
    if (n instanceof YNode.YScalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
      fact(SyntaxFact.Kind.NUMBER_FOR_STRING, path, s.text());
    }
  }

  /** Records the position of something the binder did not see (a service a profile left out). */
  void recordPosition(String path, String file, int line, int column) {
    positions.putIfAbsent(path, line, column, file);
  }

  SourceMap sourceMap() {
    return new SourceMap(file, positions);
  }

  // ---------------------------------------------------------------- keys

  static final List<String> TOP_KEYS = List.of(
      "version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models");
  static final List<String> SERVICE_KEYS = ComposeKeys.SERVICE.names();
  static final List<String> BUILD_KEYS = List.of(
      "context", "dockerfile", "dockerfile_inline", "args", "ssh", "labels", "cache_from", "cache_to",
      "no_cache", "no_cache_filter", "additional_contexts", "network", "pull", "target", "shm_size",
      "extra_hosts", "isolation", "privileged", "secrets", "tags", "ulimits", "platforms", "entitlements",
      "provenance", "sbom");
  static final List<String> DEPLOY_KEYS = ComposeKeys.DEPLOY.names();
  static final List<String> UPDATE_KEYS = List.of(
      "parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
  static final List<String> RESOURCE_KEYS = List.of("cpus", "memory", "pids", "generic_resources", "devices");
  static final List<String> HEALTH_KEYS = List.of(
      "test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");
  static final List<String> PORT_KEYS = List.of(
      "target", "published", "host_ip", "protocol", "mode", "name", "app_protocol");
  static final List<String> MOUNT_KEYS = List.of(
      "type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image");
  static final List<String> NETWORK_KEYS = ComposeKeys.NETWORK.names();
  static final List<String> VOLUME_KEYS = ComposeKeys.VOLUME.names();
  static final List<String> SECRET_KEYS = ComposeKeys.SECRET.names();
  static final List<String> CONFIG_KEYS = ComposeKeys.CONFIG.names();

  // ---------------------------------------------------------------- object access

  /** A mapping being bound: tracks which keys were read so the rest can be reported. */
  private final class Obj {
    final YNode.YMap map;
    final String path;
    final List<String> known;
    /** The keys read so far; objects have few keys, so a list is cheaper than a set. */
    final List<String> used = new ArrayList<>();

    Obj(YNode.YMap map, String path, List<String> known) {
      this.map = map;
      this.path = path;
      this.known = known;
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
      if (!used.contains(key)) {
        used.add(key);
      }
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
        if (used.contains(e.key())) {
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
     * Like {@link #finish(boolean) finish(true)} for a mapping the 3.x schemas leave open (Docker
     * accepts and silently drops unknown keys there): an unknown key is recorded as an
     * {@link SyntaxFact.Kind#IGNORED_KEY} fact, with its position, instead of refused.
     */
    Map<String, RawValue> finishOpen() {
      for (YNode.Entry e : map.entries().values()) {
        if (!used.contains(e.key()) && !e.key().startsWith("x-")) {
          used.add(e.key());
          positions.put(child(e.key()), e.line(), e.column(), e.file());
          fact(SyntaxFact.Kind.IGNORED_KEY, child(e.key()), e.key());
          warnings.add(Diagnostic.warning("ignored-key", child(e.key()), "unknown key '" + e.key() + "' is left out of the "
              + "stack (the 3.x schema leaves this mapping open; see SWARM-KEY-006)", "remove it or fix its spelling"));
        }
      }
      return finish(true);
    }

    private ComposeReadException unknownKey(YNode.Entry e) {
      String suggestion = closest(e.key(), known);
      String where = path.isEmpty() ? "at the top level" : "in " + path;
      String hint = suggestion != null ? "did you mean '" + suggestion + "'?"
          : e.key().startsWith("x-") ? "extension keys are not allowed here"
          : "remove it or check the spelling; allowed keys: " + String.join(", ", known);
      return new ComposeReadException(e.file() != null ? e.file() : file, e.line(), e.column(), child(e.key()),
          "unknown key '" + e.key() + "' " + where + "; " + hint);
    }
  }

  private Obj obj(YNode node, String path, List<String> known) {
    if (!(node instanceof YNode.YMap m)) {
      throw typeError(node, path, "a mapping");
    }
    return new Obj(m, path, known);
  }

  private ComposeReadException typeError(YNode node, String path, String expected) {
    if (node instanceof YNode.YScalar s && s.kept()) {
      return cannotKeep(s, path, "it takes " + expected);
    }
    return new ComposeReadException(fileOf(node), node.line(), node.column(), path,
        "expected " + expected + ", got " + node.describe());
  }

  private ComposeReadException error(YNode node, String path, String message) {
    if (node instanceof YNode.YScalar s && s.kept()) {
      return cannotKeep(s, path, "its value is parsed when the file is read");
    }
    return new ComposeReadException(fileOf(node), node.line(), node.column(), path, message);
  }

  /** The error for a variable kept (reading without interpolation) where the key needs a typed value. */
  private ComposeReadException cannotKeep(YNode.YScalar s, String path, String why) {
    List<String> vars = Interpolator.expressions(s.text()).stream().distinct().toList();
    String last = path.substring(path.lastIndexOf('.') + 1);
    return new ComposeReadException(fileOf(s), s.line(), s.column(), path,
        "cannot keep the variable " + String.join(", ", vars) + " in '" + last + "' when reading without interpolation: "
            + why + ", so its value must be known; read the file with interpolation (give the variable a value)"
            + " or write the value instead of the variable");
  }

  /** The file a node was read from (merged projects mix files). */
  private String fileOf(YNode node) {
    return node.file() != null ? node.file() : file;
  }

  /** The file an entry was read from. */
  private String fileOf(YNode.Entry entry) {
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

  // ---------------------------------------------------------------- scalars

  private String str(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING) {
      return s.text();
    }
    if (n instanceof YNode.YScalar s && s.kind() != Kind.NULL) {
      throw error(n, path, "expected a string, got " + n.describe() + "; quote it: \"" + s.text() + "\"");
    }
    throw typeError(n, path, "a string");
  }

  /** A string, number or boolean (schema "string|number"), turned into text as Docker does. */
  private String text(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() != Kind.NULL) {
      return Scalars.goString(s);
    }
    throw typeError(n, path, "a string or number");
  }

  private boolean bool(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.BOOL) {
        return s.text().equalsIgnoreCase("true");
      }
      if (s.kind() == Kind.STRING && s.interpolated()) {
        switch (s.text().toLowerCase(Locale.ROOT)) {
          case "y", "yes", "true", "on":
            return true;
          case "n", "no", "false", "off":
            return false;
          default:
            break;
        }
      }
    }
    throw typeError(n, path, "a boolean (true or false)");
  }

  private long integer(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      if (s.kind() == Kind.INT) {
        BigInteger v = Scalars.goInt(s.text());
        if (v.bitLength() < 64) {
          return v.longValue();
        }
        throw error(n, path, "the integer " + s.text() + " is too large");
      }
      if (s.kind() == Kind.STRING && s.interpolated() && s.text().matches("[-+]?\\d{1,18}")) {
        return Long.parseLong(s.text());
      }
    }
    throw typeError(n, path, "an integer");
  }

  private int int32(YNode n, String path) {
    long v = integer(n, path);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(n, path, "the integer " + v + " is out of range");
    }
    return (int) v;
  }

  private double number(YNode n, String path) {
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
      throw error(n, path, "expected a duration with a unit, got " + n.describe() + "; write for example "
          + s.text() + "s");
    }
    throw typeError(n, path, "a duration such as 30s or 1m30s");
  }

  private ByteSize size(YNode n, String path) {
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

  private Cpus cpus(YNode n, String path) {
    if (n instanceof YNode.YScalar s && (s.kind() == Kind.STRING || s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
      try {
        return Cpus.parse(s.kind() == Kind.STRING ? s.text() : s.text().replace("_", ""));
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    throw typeError(n, path, "a number of CPUs such as \"0.5\"");
  }

  private FileMode mode(YNode n, String path) {
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

  private List<String> strings(YNode n, String path) {
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
  private List<String> texts(YNode n, String path) {
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

  private List<String> stringOrList(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return List.of(str(n, path));
    }
    return strings(n, path);
  }

  /**
   * A list_or_dict: a mapping (values string, number, boolean or null) or a list of
   * {@code KEY=value} strings. {@code nullWithoutValue} keeps {@code KEY} (no separator) and null
   * values as absent values (environment); otherwise they become "" (labels, sysctls).
   */
  private Map<String, Optional<String>> listOrDict(YNode n, String path, char sep, boolean nullWithoutValue) {
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

  private Map<String, String> labels(YNode n, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    listOrDict(n, path, '=', false).forEach((k, v) -> out.put(k, v.orElse("")));
    return out;
  }

  /** A mapping of string-or-number values ({@code driver_opts}, {@code options}). */
  private Map<String, String> stringMap(YNode n, String path) {
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

  // small helpers that read an optional key and hand the converted value to a setter

  /** Reads an optional key with a converter and hands the value to a setter when the key is there. */
  private <T> void optional(Obj o, String key, java.util.function.BiFunction<YNode, String, T> read, Consumer<T> set) {
    YNode n = o.get(key);
    if (n != null) {
      set.accept(read.apply(n, o.child(key)));
    }
  }

  private void str(Obj o, String key, Consumer<String> set) {
    optional(o, key, this::str, set);
  }

  private void text(Obj o, String key, Consumer<String> set) {
    optional(o, key, this::text, set);
  }

  private void bool(Obj o, String key, Consumer<Boolean> set) {
    optional(o, key, this::bool, set);
  }

  private void lng(Obj o, String key, Consumer<Long> set) {
    optional(o, key, this::integer, set);
  }

  private void int32(Obj o, String key, Consumer<Integer> set) {
    optional(o, key, this::int32, set);
  }

  private void dur(Obj o, String key, Consumer<Duration> set) {
    optional(o, key, this::duration, set);
  }

  private void size(Obj o, String key, Consumer<ByteSize> set) {
    optional(o, key, this::size, set);
  }

  private void strings(Obj o, String key, Consumer<List<String>> set) {
    optional(o, key, this::strings, set);
  }

  private void stringOrList(Obj o, String key, Consumer<List<String>> set) {
    optional(o, key, this::stringOrList, set);
  }

  private void labels(Obj o, String key, Consumer<Map<String, String>> set) {
    optional(o, key, this::labels, set);
  }

  private void stringMap(Obj o, String key, Consumer<Map<String, String>> set) {
    optional(o, key, this::stringMap, set);
  }

  private void each(Obj o, String key, BiConsumer<YNode, String> item) {
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

  private void entries(Obj o, String key, BiConsumer<YNode.Entry, String> item) {
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

  private static boolean isNull(YNode n) {
    return n instanceof YNode.YScalar s && s.kind() == Kind.NULL;
  }

  // ---------------------------------------------------------------- stack

  Stack stack(YNode root) {
    if (!(root instanceof YNode.YMap)) {
      throw new ComposeReadException(file, root.line(), root.column(), "",
          "the top level of a Compose file must be a mapping with 'services', got " + root.describe());
    }
    Obj o = obj(root, "", TOP_KEYS);
    Stack.Builder b = Stack.builder();
    YNode version = o.get("version");
    if (version != null) {
      noteNumber(version, "version");
      b.version(text(version, "version"));
    } else {
      fact(SyntaxFact.Kind.NO_VERSION, "", "");
    }
    str(o, "name", b::name);
    b.variablesKept(keepVariables);
    each(o, "include", (n, p) -> b.addInclude(include(n, p)));
    entries(o, "services", (e, p) -> {
      checkName(e, p);
      b.putService(e.key(), service(e.value(), p));
    });
    entries(o, "networks", (e, p) -> b.putNetwork(e.key(), network(e.value(), p, !SCHEMA_KEY.matcher(e.key()).matches())));
    entries(o, "volumes", (e, p) -> b.putVolume(e.key(), volume(e.value(), p)));
    entries(o, "secrets", (e, p) -> b.putSecret(e.key(), secret(e.value(), p)));
    entries(o, "configs", (e, p) -> b.putConfig(e.key(), config(e.value(), p)));
    entries(o, "models", (e, p) -> b.putModel(e.key(), model(e.value(), p)));
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private void checkName(YNode.Entry e, String path) {
    if (e.key().isEmpty()) {
      throw new ComposeReadException(file, e.line(), e.column(), path, "a service name must not be empty");
    }
  }

  private Include include(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Include.builder().addPath(str(n, path)).build();
    }
    Obj o = obj(n, path, List.of("path", "project_directory", "env_file"));
    Include.Builder b = Include.builder();
    stringOrList(o, "path", b::addAllPath);
    str(o, "project_directory", b::projectDirectory);
    stringOrList(o, "env_file", b::addAllEnvFile);
    o.finishNoExtensions();
    return b.build();
  }

  // ---------------------------------------------------------------- service

  private Service service(YNode node, String path) {
    if (isNull(node)) {
      return Service.builder().build();
    }
    Obj o = obj(node, path, SERVICE_KEYS);
    Service.Builder b = Service.builder();
    bindKeys(ComposeKeys.SERVICE, o, b, this::complexServiceValue);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  /** Reads the value of a key whose shape needs a reader of its own. */
  private interface ComplexReader {
    Object read(String key, YNode n, String path);
  }

  /** Reads the keys of an object as their rows in a {@link ComposeKeys} table say they are spelled. */
  private <O, B> void bindKeys(ComposeKeys.Table<O, B> table, Obj o, B b, ComplexReader complex) {
    for (ComposeKeys.Key<O, B, ?> key : table.keys()) {
      YNode n = o.get(key.name());
      if (n == null) {
        continue;
      }
      String path = o.child(key.name());
      Object value = switch (key.shape()) {
        case COMPLEX -> complex.read(key.name(), n, path);
        case EXTERNAL, EXTERNAL_OPEN -> external(o, n, key.shape() == Shape.EXTERNAL_OPEN,
            name -> table.named("name").orElseThrow().assign(b, Optional.of(name)));
        default -> value(key.shape(), n, path);
      };
      key.assign(b, value);
    }
  }

  /** Reads a value of a shape every object reads alike. */
  private Object value(Shape shape, YNode n, String path) {
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
      case EXTERNAL, EXTERNAL_OPEN, COMPLEX -> throw new IllegalStateException("no common reader for " + shape);
    };
  }

  /** Reads a service key whose value has a syntax of its own. */
  private Object complexServiceValue(String key, YNode n, String path) {
    return switch (key) {
      case "blkio_config" -> Optional.of(blkio(n, path));
      case "build" -> Optional.of(build(n, path));
      case "command", "entrypoint" -> Optional.of(command(n, path));
      case "configs" -> items(n, path, this::serviceConfig);
      case "credential_spec" -> Optional.of(credentialSpec(n, path));
      case "depends_on" -> dependsOn(n, path);
      case "deploy" -> Optional.of(deploy(n, path));
      case "develop" -> Optional.of(develop(n, path));
      case "devices" -> items(n, path, this::device);
      case "env_file" -> envFiles(n, path);
      case "extends" -> Optional.of(extendsOf(n, path));
      case "healthcheck" -> Optional.of(healthcheck(n, path));
      case "logging" -> Optional.of(logging(n, path));
      case "models" -> serviceModels(n, path);
      case "networks" -> serviceNetworks(n, path);
      case "ports" -> items(n, path, this::ports).stream().flatMap(List::stream).toList();
      case "pre_start" -> items(n, path, (item, p) -> hook(item, p, true));
      case "post_start", "pre_stop" -> items(n, path, (item, p) -> hook(item, p, false));
      case "provider" -> Optional.of(provider(n, path));
      case "secrets" -> items(n, path, this::serviceSecret);
      case "ulimits" -> ulimits(n, path);
      case "volumes" -> items(n, path, this::mount);
      default -> throw new IllegalStateException("no reader for the service key " + key);
    };
  }

  /** Reads a list item by item, recording each item's position. */
  private <T> List<T> items(YNode n, String path, java.util.function.BiFunction<YNode, String, T> item) {
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

  private CredentialSpec credentialSpec(YNode n, String path) {
    Obj c = obj(n, path, List.of("config", "file", "registry"));
    CredentialSpec.Builder cb = CredentialSpec.builder();
    str(c, "config", cb::config);
    str(c, "file", cb::file);
    str(c, "registry", cb::registry);
    c.finishNoExtensions();
    return cb.build();
  }

  /** A command or entrypoint: a list, or a string split into words like a POSIX shell (Docker's shlex). */
  private List<String> command(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING && s.kept()) {
      return keptCommand(s, path);
    }
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING) {
      try {
        return ShellWords.split(s.text());
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    return strings(n, path);
  }

  private List<EnvFile> envFiles(YNode n, String path) {
    List<EnvFile> out = new ArrayList<>();
    if (n instanceof YNode.YScalar) {
      out.add(EnvFile.builder().path(str(n, path)).build());
      return out;
    }
    if (!(n instanceof YNode.YSeq seq)) {
      throw typeError(n, path, "a file name or a list");
    }
    int i = 0;
    for (YNode item : seq.items()) {
      String p = path + "[" + i++ + "]";
      if (item instanceof YNode.YScalar) {
        out.add(EnvFile.builder().path(str(item, p)).build());
      } else {
        fact(SyntaxFact.Kind.COMPOSE_SPEC_SYNTAX, p, "env_file entry as a mapping");
        Obj o = obj(item, p, List.of("path", "required", "format"));
        EnvFile.Builder b = EnvFile.builder();
        YNode pathNode = o.get("path");
        if (pathNode == null) {
          throw error(item, p, "an env_file entry needs a 'path'");
        }
        b.path(str(pathNode, o.child("path")));
        bool(o, "required", b::required);
        str(o, "format", b::format);
        o.finishNoExtensions();
        out.add(b.build());
      }
    }
    return out;
  }

  private List<String> extraHosts(YNode n, String path) {
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

  private Extends extendsOf(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Extends.builder().service(str(n, path)).build();
    }
    Obj o = obj(n, path, List.of("service", "file"));
    Extends.Builder b = Extends.builder();
    YNode s = o.get("service");
    if (s == null) {
      throw error(n, path, "extends needs a 'service'");
    }
    b.service(str(s, o.child("service")));
    str(o, "file", b::file);
    o.finishNoExtensions();
    return b.build();
  }

  private List<DependsOn> dependsOn(YNode n, String path) {
    List<DependsOn> out = new ArrayList<>();
    if (n instanceof YNode.YSeq) {
      for (String name : strings(n, path)) {
        out.add(DependsOn.on(name));
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a list of service names or a mapping");
    }
    fact(SyntaxFact.Kind.COMPOSE_SPEC_SYNTAX, path, "depends_on as a mapping");
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      DependsOn.Builder b = DependsOn.builder().service(e.key());
      if (!isNull(e.value())) {
        Obj o = obj(e.value(), p, List.of("condition", "required", "restart"));
        str(o, "condition", b::condition);
        bool(o, "required", b::required);
        bool(o, "restart", b::restart);
        o.finishNoExtensions();
      }
      out.add(b.build());
    }
    return out;
  }

  private Device device(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      try {
        return Device.parse(str(n, path));
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    Obj o = obj(n, path, List.of("source", "target", "permissions"));
    Device.Builder b = Device.builder();
    YNode s = o.get("source");
    if (s == null) {
      throw error(n, path, "a device needs a 'source'");
    }
    b.source(str(s, o.child("source")));
    str(o, "target", b::target);
    str(o, "permissions", b::permissions);
    o.finishNoExtensions();
    return b.build();
  }

  private BlkioConfig blkio(YNode n, String path) {
    Obj o = obj(n, path, List.of("weight", "weight_device", "device_read_bps", "device_read_iops",
        "device_write_bps", "device_write_iops"));
    BlkioConfig.Builder b = BlkioConfig.builder();
    int32(o, "weight", b::weight);
    each(o, "weight_device", (item, p) -> {
      Obj w = obj(item, p, List.of("path", "weight"));
      BlkioWeight.Builder wb = BlkioWeight.builder();
      YNode path1 = w.get("path");
      YNode weight = w.get("weight");
      if (path1 == null || weight == null) {
        throw error(item, p, "a weight_device entry needs 'path' and 'weight'");
      }
      wb.path(str(path1, w.child("path"))).weight(int32(weight, w.child("weight")));
      w.finishNoExtensions();
      b.addWeightDevice(wb.build());
    });
    BiConsumer<String, Consumer<BlkioLimit>> limits = (key, add) -> each(o, key, (item, p) -> {
      Obj l = obj(item, p, List.of("path", "rate"));
      YNode lp = l.get("path");
      YNode rate = l.get("rate");
      if (lp == null || rate == null) {
        throw error(item, p, "a " + key + " entry needs 'path' and 'rate'");
      }
      l.finishNoExtensions();
      add.accept(BlkioLimit.builder().path(str(lp, l.child("path"))).rate(text(rate, l.child("rate"))).build());
    });
    limits.accept("device_read_bps", b::addDeviceReadBps);
    limits.accept("device_read_iops", b::addDeviceReadIops);
    limits.accept("device_write_bps", b::addDeviceWriteBps);
    limits.accept("device_write_iops", b::addDeviceWriteIops);
    o.finishNoExtensions();
    return b.build();
  }

  private Build build(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Build.builder().context(str(n, path)).build();
    }
    Obj o = obj(n, path, BUILD_KEYS);
    Build.Builder b = Build.builder();
    str(o, "context", b::context);
    str(o, "dockerfile", b::dockerfile);
    str(o, "dockerfile_inline", b::dockerfileInline);
    YNode args = o.get("args");
    if (args != null) {
      b.putAllArgs(listOrDict(args, o.child("args"), '=', true));
    }
    if ((args = o.get("ssh")) != null) {
      List<String> ssh = new ArrayList<>();
      if (args instanceof YNode.YMap) {
        listOrDict(args, o.child("ssh"), '=', false).forEach((k, v) -> ssh.add(v.get().isEmpty() ? k : k + "=" + v.get()));
      } else {
        ssh.addAll(stringOrList(args, o.child("ssh")));
      }
      b.addAllSsh(ssh);
    }
    labels(o, "labels", b::putAllLabels);
    strings(o, "cache_from", b::addAllCacheFrom);
    strings(o, "cache_to", b::addAllCacheTo);
    bool(o, "no_cache", b::noCache);
    stringOrList(o, "no_cache_filter", b::addAllNoCacheFilter);
    labels(o, "additional_contexts", b::putAllAdditionalContexts);
    str(o, "network", b::network);
    bool(o, "pull", b::pull);
    str(o, "target", b::target);
    size(o, "shm_size", b::shmSize);
    YNode hosts = o.get("extra_hosts");
    if (hosts != null) {
      b.addAllExtraHosts(extraHosts(hosts, o.child("extra_hosts")));
    }
    str(o, "isolation", b::isolation);
    bool(o, "privileged", b::privileged);
    each(o, "secrets", (item, p) -> b.addSecret(serviceSecret(item, p)));
    strings(o, "tags", b::addAllTags);
    YNode ul = o.get("ulimits");
    if (ul != null) {
      b.putAllUlimits(ulimits(ul, o.child("ulimits")));
    }
    strings(o, "platforms", b::addAllPlatforms);
    strings(o, "entitlements", b::addAllEntitlements);
    text(o, "provenance", b::provenance);
    text(o, "sbom", b::sbom);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private Develop develop(YNode n, String path) {
    Obj o = obj(n, path, List.of("watch"));
    Develop.Builder b = Develop.builder();
    each(o, "watch", (item, p) -> {
      Obj w = obj(item, p, List.of("path", "action", "target", "ignore", "include", "initial_sync", "exec"));
      WatchRule.Builder wb = WatchRule.builder();
      YNode wp = w.get("path");
      YNode action = w.get("action");
      if (wp == null || action == null) {
        throw error(item, p, "a watch rule needs 'path' and 'action'");
      }
      wb.path(str(wp, w.child("path"))).action(str(action, w.child("action")));
      str(w, "target", wb::target);
      stringOrList(w, "ignore", wb::addAllIgnore);
      stringOrList(w, "include", wb::addAllInclude);
      bool(w, "initial_sync", wb::initialSync);
      YNode exec = w.get("exec");
      if (exec != null) {
        wb.exec(hook(exec, w.child("exec"), false));
      }
      w.finish(true);
      b.addWatch(wb.build());
    });
    o.finish(true);
    return b.build();
  }

  private ServiceHook hook(YNode n, String path, boolean preStart) {
    Obj o = obj(n, path, preStart
        ? List.of("command", "image", "user", "privileged", "working_dir", "environment", "per_replica")
        : List.of("command", "user", "privileged", "working_dir", "environment"));
    ServiceHook.Builder b = ServiceHook.builder();
    YNode c = o.get("command");
    if (c != null) {
      b.addAllCommand(command(c, o.child("command")));
    }
    str(o, "user", b::user);
    bool(o, "privileged", b::privileged);
    str(o, "working_dir", b::workingDir);
    YNode env1 = o.get("environment");
    if (env1 != null) {
      b.putAllEnvironment(listOrDict(env1, o.child("environment"), '=', true));
    }
    if (preStart) {
      str(o, "image", b::image);
      bool(o, "per_replica", b::perReplica);
    }
    o.finishNoExtensions();
    return b.build();
  }

  private Provider provider(YNode n, String path) {
    Obj o = obj(n, path, List.of("type", "options"));
    Provider.Builder b = Provider.builder();
    YNode type = o.get("type");
    if (type == null) {
      throw error(n, path, "a provider needs a 'type'");
    }
    b.type(str(type, o.child("type")));
    entries(o, "options", (e, p) -> {
      if (e.value() instanceof YNode.YSeq) {
        b.putOption(e.key(), texts(e.value(), p));
      } else {
        b.putOption(e.key(), List.of(text(e.value(), p)));
      }
    });
    o.finish(true);
    return b.build();
  }

  private Map<String, ServiceModel> serviceModels(YNode n, String path) {
    Map<String, ServiceModel> out = new LinkedHashMap<>();
    if (n instanceof YNode.YSeq) {
      for (String name : strings(n, path)) {
        out.put(name, ServiceModel.builder().build());
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a list or a mapping");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      ServiceModel.Builder b = ServiceModel.builder();
      if (!isNull(e.value())) {
        Obj o = obj(e.value(), p, List.of("endpoint_var", "model_var"));
        str(o, "endpoint_var", b::endpointVar);
        str(o, "model_var", b::modelVar);
        o.finishNoExtensions();
      }
      out.put(e.key(), b.build());
    }
    return out;
  }

  private Healthcheck healthcheck(YNode n, String path) {
    Obj o = obj(n, path, HEALTH_KEYS);
    Healthcheck.Builder b = Healthcheck.builder();
    YNode test = o.get("test");
    if (test != null) {
      if (test instanceof YNode.YScalar) {
        b.addTest("CMD-SHELL", str(test, o.child("test")));
      } else {
        b.addAllTest(strings(test, o.child("test")));
      }
    }
    dur(o, "interval", b::interval);
    dur(o, "timeout", b::timeout);
    YNode retries = o.get("retries");
    if (retries != null) {
      b.retries((long) number(retries, o.child("retries")));
    }
    dur(o, "start_period", b::startPeriod);
    dur(o, "start_interval", b::startInterval);
    bool(o, "disable", b::disable);
    o.finish(true);
    return b.build();
  }

  private Logging logging(YNode n, String path) {
    Obj o = obj(n, path, List.of("driver", "options"));
    Logging.Builder b = Logging.builder();
    str(o, "driver", b::driver);
    YNode opts = o.get("options");
    if (opts != null) {
      if (!(opts instanceof YNode.YMap)) {
        throw typeError(opts, o.child("options"), "a mapping");
      }
      listOrDict(opts, o.child("options"), '=', false).forEach(b::putOption);
    }
    o.finish(true);
    return b.build();
  }

  private Map<String, ServiceNetwork> serviceNetworks(YNode n, String path) {
    Map<String, ServiceNetwork> out = new LinkedHashMap<>();
    if (n instanceof YNode.YSeq) {
      for (String name : strings(n, path)) {
        out.put(name, ServiceNetwork.builder().build());
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a list of network names or a mapping");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      ServiceNetwork.Builder b = ServiceNetwork.builder();
      if (!isNull(e.value())) {
        Obj o = obj(e.value(), p, List.of("aliases", "ipv4_address", "ipv6_address", "link_local_ips",
            "mac_address", "driver_opts", "priority", "gw_priority", "interface_name"));
        strings(o, "aliases", b::addAllAliases);
        str(o, "ipv4_address", b::ipv4Address);
        str(o, "ipv6_address", b::ipv6Address);
        strings(o, "link_local_ips", b::addAllLinkLocalIps);
        str(o, "mac_address", b::macAddress);
        stringMap(o, "driver_opts", b::putAllDriverOpts);
        int32(o, "priority", b::priority);
        int32(o, "gw_priority", b::gwPriority);
        str(o, "interface_name", b::interfaceName);
        o.finish(true);
      }
      out.put(e.key(), b.build());
    }
    return out;
  }

  private ComposeReadException tooManyPorts(YNode n, String path, long count) {
    return error(n, path, "the port range expands to " + count + " mappings, and with the " + expandedPorts
        + " that ranges expanded to before it in this file that is more than the limit "
        + ReaderLimits.raise("maxExpandedPorts", limits.maxExpandedPorts()));
  }

  private List<PortMapping> ports(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      String spec = (s.kind() == Kind.INT) ? Scalars.goString(s) : str(n, path);
      if (s.kept()) {
        return List.of(keptPort(s, spec, path));
      }
      try {
        // a spec without a range is one mapping and does not count; a range counts every mapping
        List<PortMapping> ports = PortMapping.parseAll(spec, Math.max(1, limits.maxExpandedPorts() - expandedPorts));
        if (ports.size() > 1) {
          if (expandedPorts + ports.size() > limits.maxExpandedPorts()) {
            throw tooManyPorts(n, path, ports.size());
          }
          expandedPorts += ports.size();
        }
        return ports;
      } catch (PortMapping.TooManyPortsException e) {
        throw tooManyPorts(n, path, e.count());
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
    }
    Obj o = obj(n, path, PORT_KEYS);
    fact(SyntaxFact.Kind.LONG_PORT_SYNTAX, path, "");
    PortMapping.Builder b = PortMapping.builder();
    YNode t = o.get("target");
    if (t != null) {
      if (t instanceof YNode.YScalar ts && ts.kind() == Kind.STRING && !ts.interpolated()) {
        try {
          b.target(Integer.parseInt(ts.text()));
        } catch (NumberFormatException e) {
          throw typeError(t, o.child("target"), "a port number");
        }
      } else {
        b.target(int32(t, o.child("target")));
      }
    }
    text(o, "published", b::published);
    str(o, "host_ip", b::hostIp);
    str(o, "protocol", b::protocol);
    str(o, "mode", b::mode);
    str(o, "name", b::name);
    str(o, "app_protocol", b::appProtocol);
    b.putAllExtensions(o.finish(true));
    return List.of(b.build());
  }

  private Mount mount(YNode n, String path) {
    if (n instanceof YNode.YScalar scalar) {
      String spec = str(n, path);
      if (scalar.kept()) {
        return resolveBind(keptMount(scalar, spec, path), path);
      }
      Mount m;
      try {
        m = Mount.parse(spec);
      } catch (IllegalArgumentException e) {
        throw error(n, path, e.getMessage());
      }
      List<String> ignored = Mount.ignoredOptions(spec);
      if (!ignored.isEmpty()) {
        fact(SyntaxFact.Kind.IGNORED_VOLUME_OPTION, path, String.join(",", ignored));
      }
      return resolveBind(m, path);
    }
    Obj o = obj(n, path, MOUNT_KEYS);
    fact(SyntaxFact.Kind.LONG_VOLUME_SYNTAX, path, "");
    Mount.Builder b = Mount.builder();
    YNode type = o.get("type");
    if (type == null) {
      throw error(n, path, "a volume in long syntax needs a 'type' (volume, bind, tmpfs, npipe, cluster or image)");
    }
    b.type(str(type, o.child("type")));
    str(o, "source", b::source);
    str(o, "target", b::target);
    bool(o, "read_only", b::readOnly);
    str(o, "consistency", b::consistency);
    YNode x;
    if ((x = o.get("bind")) != null) {
      Obj bo = obj(x, o.child("bind"), List.of("propagation", "create_host_path", "selinux", "recursive"));
      MountBind.Builder bb = MountBind.builder();
      str(bo, "propagation", bb::propagation);
      bool(bo, "create_host_path", bb::createHostPath);
      str(bo, "selinux", bb::selinux);
      str(bo, "recursive", bb::recursive);
      bo.finishOpen();
      b.bind(bb.build());
    }
    if ((x = o.get("volume")) != null) {
      Obj vo = obj(x, o.child("volume"), List.of("nocopy", "subpath", "labels"));
      MountVolume.Builder vb = MountVolume.builder();
      bool(vo, "nocopy", vb::nocopy);
      str(vo, "subpath", vb::subpath);
      labels(vo, "labels", vb::putAllLabels);
      vo.finishOpen();
      b.volume(vb.build());
    }
    if ((x = o.get("tmpfs")) != null) {
      Obj to = obj(x, o.child("tmpfs"), List.of("size", "mode"));
      MountTmpfs.Builder tb = MountTmpfs.builder();
      size(to, "size", tb::size);
      YNode mode = to.get("mode");
      if (mode != null) {
        tb.mode(mode(mode, to.child("mode")));
      }
      to.finishOpen();
      b.tmpfs(tb.build());
    }
    if ((x = o.get("image")) != null) {
      Obj io = obj(x, o.child("image"), List.of("subpath"));
      MountImage.Builder ib = MountImage.builder();
      str(io, "subpath", ib::subpath);
      io.finish(true);
      b.image(ib.build());
    }
    b.putAllExtensions(o.finish(true));
    return resolveBind(b.build(), path);
  }

  /**
   * Returns the variable expressions of a kept scalar replaced by placeholders without {@code :},
   * {@code /} or {@code $} (so that a short syntax splits as Docker splits it after interpolation),
   * and the expressions by placeholder.
   */
  private static Map.Entry<String, Map<String, String>> mask(String spec) {
    Map<String, String> byToken = new LinkedHashMap<>();
    String masked = spec;
    int i = 0;
    for (String expression : Interpolator.expressions(spec)) {
      String token = "\uFDD0" + (i++) + "\uFDD1";
      byToken.put(token, expression);
      masked = masked.replace(expression, token);
    }
    return Map.entry(masked, byToken);
  }

  private static String unmask(String text, Map<String, String> byToken) {
    String out = text;
    for (Map.Entry<String, String> t : byToken.entrySet()) {
      out = out.replace(t.getKey(), t.getValue());
    }
    return out;
  }

  /**
   * A short-syntax port whose published port is a kept variable ({@code "${WEB_PORT:-8080}:80"}):
   * the only place a variable can stay, since the target port and protocol must be known.
   */
  private PortMapping keptPort(YNode.YScalar s, String spec, String path) {
    Map.Entry<String, Map<String, String>> masked = mask(spec);
    String[] parts = masked.getKey().split(":", -1);
    Map<String, String> tokens = masked.getValue();
    if (parts.length < 2 || tokens.size() != 1 || !tokens.containsKey(parts[parts.length - 2])) {
      throw cannotKeep(s, path, "only the published port of a short-syntax port can be a variable");
    }
    parts[parts.length - 2] = "1";
    List<PortMapping> parsed;
    try {
      parsed = PortMapping.parseAll(String.join(":", parts));
    } catch (IllegalArgumentException e) {
      throw cannotKeep(s, path, "the rest of the port is not valid: " + e.getMessage());
    }
    if (parsed.size() != 1) {
      throw cannotKeep(s, path, "a range of ports needs its published ports known");
    }
    String published = tokens.values().iterator().next();
    return parsed.get(0).copy(b -> b.published(published));
  }

  /**
   * A short-syntax mount with kept variables ({@code "./data/${ENV}:/data"}): it splits as Docker
   * splits it after interpolation; a source that is only a variable is refused, since its value
   * decides whether the mount is a bind mount or a named volume ({@code ${DATA}/x} is a path).
   */
  private Mount keptMount(YNode.YScalar s, String spec, String path) {
    Map.Entry<String, Map<String, String>> masked = mask(spec);
    String text = masked.getKey();
    boolean leadingVariable = text.startsWith("\uFDD0");
    if (leadingVariable) {
      // "${CONFIG}/web:/config": a volume name has no '/', so only a path can come out of it (Docker
      // makes any source with a leading '.', '/' or '~' a bind mount); parse it as a relative path
      int end = text.indexOf('\uFDD1') + 1;
      if (end >= text.length() || text.charAt(end) != '/') {
        throw cannotKeep(s, path, "whether the mount is a bind mount or a named volume depends on the variable's value");
      }
      text = "." + text;
    }
    Mount m;
    try {
      m = Mount.parse(text);
    } catch (IllegalArgumentException e) {
      throw cannotKeep(s, path, "the rest of the mount is not valid: " + e.getMessage());
    }
    Map<String, String> tokens = masked.getValue();
    UnaryOperator<String> source = x -> unmask(leadingVariable ? x.substring(1) : x, tokens);
    Mount kept = m.copy(b -> b.source(m.source().map(source)).target(m.target().map(x -> unmask(x, tokens))));
    if (kept.toString().contains("\uFDD0")) {
      throw cannotKeep(s, path, "only the source and the target of a short-syntax mount can hold a variable");
    }
    return kept;
  }

  /**
   * A command string with kept variables: Docker splits it into words after substitution, so a
   * variable can be kept only inside shell quotes ({@code sh -c "echo $HOME"}), where its value
   * cannot add or remove words.
   */
  private List<String> keptCommand(YNode.YScalar s, String path) {
    Map.Entry<String, Map<String, String>> masked = mask(s.text());
    Map<String, String> tokens = masked.getValue();
    List<String> words;
    try {
      words = ShellWords.split(masked.getKey());
      String empty = masked.getKey();
      String spaced = masked.getKey();
      for (String token : tokens.keySet()) {
        empty = empty.replace(token, "");
        spaced = spaced.replace(token, "a b");
      }
      if (ShellWords.split(empty).size() != words.size() || ShellWords.split(spaced).size() != words.size()) {
        throw cannotKeep(s, path, "a command written as one string is split into words after its variables are"
            + " substituted; quote the variable (\"$VAR\") or write the command as a list");
      }
    } catch (IllegalArgumentException e) {
      throw new ComposeReadException(fileOf(s), s.line(), s.column(), path, e.getMessage());
    }
    return words.stream().map(w -> unmask(w, tokens)).toList();
  }

  /** Resolves a relative or {@code ~} bind source against the base directory, as Docker does. */
  private Mount resolveBind(Mount m, String path) {
    if (!m.type().equals("bind") || m.source().isEmpty()) {
      return m;
    }
    String source = m.source().get();
    if (source.startsWith(".") || source.startsWith("~")) {
      fact(SyntaxFact.Kind.RELATIVE_BIND_SOURCE, path, source);
    }
    String resolved = resolvePath(source);
    return resolved.equals(source) ? m : m.copy(b -> b.source(resolved));
  }

  private String resolvePath(String source) {
    String s = source;
    if (s.startsWith("~")) {
      String home = env.apply("HOME");
      if (home == null) {
        return source;
      }
      s = home + s.substring(1);
    }
    if (baseDir == null || s.startsWith("/") || s.startsWith("\\") || (s.length() > 1 && s.charAt(1) == ':')) {
      return s;
    }
    return baseDir.resolve(s).normalize().toString();
  }

  /** Resolves a relative file against the base directory (no {@code ~} expansion, as Docker). */
  private String resolveFile(String file) {
    if (baseDir == null || file.startsWith("/") || file.startsWith("\\") || (file.length() > 1 && file.charAt(1) == ':')) {
      return file;
    }
    return baseDir.resolve(file).normalize().toString();
  }

  private ServiceSecret serviceSecret(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return ServiceSecret.builder().source(str(n, path)).build();
    }
    Obj o = obj(n, path, List.of("source", "target", "uid", "gid", "mode"));
    ServiceSecret.Builder b = ServiceSecret.builder();
    YNode source = o.get("source");
    if (source == null) {
      throw error(n, path, "a secret entry needs a 'source' (the key of a top-level secret)");
    }
    b.source(str(source, o.child("source")));
    str(o, "target", b::target);
    fileRefNumbers(o);
    text(o, "uid", b::uid);
    text(o, "gid", b::gid);
    YNode mode = o.get("mode");
    if (mode != null) {
      b.mode(mode(mode, o.child("mode")));
    }
    b.putAllExtensions(o.finishOpen());
    return b.build();
  }

  private ServiceConfig serviceConfig(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return ServiceConfig.builder().source(str(n, path)).build();
    }
    Obj o = obj(n, path, List.of("source", "target", "uid", "gid", "mode"));
    ServiceConfig.Builder b = ServiceConfig.builder();
    YNode source = o.get("source");
    if (source == null) {
      throw error(n, path, "a config entry needs a 'source' (the key of a top-level config)");
    }
    b.source(str(source, o.child("source")));
    str(o, "target", b::target);
    fileRefNumbers(o);
    text(o, "uid", b::uid);
    text(o, "gid", b::gid);
    YNode mode = o.get("mode");
    if (mode != null) {
      b.mode(mode(mode, o.child("mode")));
    }
    b.putAllExtensions(o.finishOpen());
    return b.build();
  }

  /** Records numeric uid/gid (strings in the 3.x schema) and a decimal mode that looks octal. */
  private void fileRefNumbers(Obj o) {
    YNode uid = o.map.get("uid") == null ? null : o.map.get("uid").value();
    YNode gid = o.map.get("gid") == null ? null : o.map.get("gid").value();
    if (uid != null) {
      noteNumber(uid, o.child("uid"));
    }
    if (gid != null) {
      noteNumber(gid, o.child("gid"));
    }
    YNode mode = o.map.get("mode") == null ? null : o.map.get("mode").value();
    if (mode instanceof YNode.YScalar s && s.kind() == Kind.INT && s.text().matches("[1-7][0-7]{2,3}")) {
      fact(SyntaxFact.Kind.DECIMAL_FILE_MODE, o.child("mode"), s.text());
    }
  }

  private Map<String, Ulimit> ulimits(YNode n, String path) {
    Map<String, Ulimit> out = new LinkedHashMap<>();
    if (!(n instanceof YNode.YMap m)) {
      throw typeError(n, path, "a mapping of limits");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      positions.put(p, e.line(), e.column(), fileOf(e));
      if (e.value() instanceof YNode.YScalar) {
        out.put(e.key(), Ulimit.of(integer(e.value(), p)));
      } else {
        Obj o = obj(e.value(), p, List.of("soft", "hard"));
        Ulimit.Builder b = Ulimit.builder();
        lng(o, "soft", b::soft);
        lng(o, "hard", b::hard);
        o.finishNoExtensions();
        out.put(e.key(), b.build());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- deploy

  private Deploy deploy(YNode n, String path) {
    Obj o = obj(n, path, DEPLOY_KEYS);
    Deploy.Builder b = Deploy.builder();
    bindKeys(ComposeKeys.DEPLOY, o, b, (key, x, p) -> switch (key) {
      case "update_config" -> Optional.of(updateConfig(x, p));
      case "rollback_config" -> Optional.of(rollbackConfig(x, p));
      case "resources" -> Optional.of(resources(x, p));
      case "restart_policy" -> Optional.of(restartPolicy(x, p));
      case "placement" -> Optional.of(placement(x, p));
      default -> throw new IllegalStateException("no reader for the deploy key " + key);
    });
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private UpdateConfig updateConfig(YNode x, String path) {
    Obj u = obj(x, path, UPDATE_KEYS);
    UpdateConfig.Builder ub = UpdateConfig.builder();
    lng(u, "parallelism", ub::parallelism);
    dur(u, "delay", ub::delay);
    str(u, "failure_action", ub::failureAction);
    dur(u, "monitor", ub::monitor);
    YNode r = u.get("max_failure_ratio");
    if (r != null) {
      ub.maxFailureRatio(number(r, u.child("max_failure_ratio")));
    }
    str(u, "order", ub::order);
    u.finish(true);
    return ub.build();
  }

  private RollbackConfig rollbackConfig(YNode x, String path) {
    UpdateConfig u = updateConfig(x, path);
    return RollbackConfig.builder().parallelism(u.parallelism()).delay(u.delay()).failureAction(u.failureAction())
        .monitor(u.monitor()).maxFailureRatio(u.maxFailureRatio()).order(u.order()).build();
  }

  private Resources resources(YNode x, String path) {
    Obj r = obj(x, path, List.of("limits", "reservations"));
    Resources.Builder rb = Resources.builder();
    YNode y;
    if ((y = r.get("limits")) != null) {
      rb.limits(resource(y, r.child("limits")));
    }
    if ((y = r.get("reservations")) != null) {
      rb.reservations(resource(y, r.child("reservations")));
    }
    r.finish(true);
    return rb.build();
  }

  private RestartPolicy restartPolicy(YNode x, String path) {
    Obj r = obj(x, path, List.of("condition", "delay", "max_attempts", "window"));
    RestartPolicy.Builder rb = RestartPolicy.builder();
    str(r, "condition", rb::condition);
    dur(r, "delay", rb::delay);
    lng(r, "max_attempts", rb::maxAttempts);
    dur(r, "window", rb::window);
    r.finish(true);
    return rb.build();
  }

  private Placement placement(YNode x, String path) {
    Obj p = obj(x, path, List.of("constraints", "preferences", "max_replicas_per_node"));
    Placement.Builder pb = Placement.builder();
    each(p, "constraints", (item, ip) -> pb.addConstraint(Constraint.raw(str(item, ip))));
    each(p, "preferences", (item, ip) -> {
      Obj pref = obj(item, ip, List.of("spread"));
      YNode spread = pref.get("spread");
      if (spread == null) {
        throw error(item, ip, "a placement preference needs 'spread'");
      }
      pb.addPreference(PlacementPreference.builder().spread(str(spread, pref.child("spread"))).build());
      pref.finishNoExtensions();
    });
    lng(p, "max_replicas_per_node", pb::maxReplicasPerNode);
    p.finish(true);
    return pb.build();
  }

  private Resource resource(YNode n, String path) {
    Obj o = obj(n, path, RESOURCE_KEYS);
    Resource.Builder b = Resource.builder();
    YNode x;
    if ((x = o.get("cpus")) != null) {
      noteNumber(x, o.child("cpus"));
      b.cpus(cpus(x, o.child("cpus")));
    }
    if (o.map.get("memory") != null) {
      noteNumber(o.map.get("memory").value(), o.child("memory"));
    }
    size(o, "memory", b::memory);
    lng(o, "pids", b::pids);
    each(o, "generic_resources", (item, p) -> {
      Obj g = obj(item, p, List.of("discrete_resource_spec"));
      YNode spec = g.get("discrete_resource_spec");
      if (spec == null) {
        throw error(item, p, "a generic resource needs 'discrete_resource_spec'");
      }
      Obj s = obj(spec, g.child("discrete_resource_spec"), List.of("kind", "value"));
      YNode kind = s.get("kind");
      YNode value = s.get("value");
      if (kind == null || value == null) {
        throw error(spec, g.child("discrete_resource_spec"), "discrete_resource_spec needs 'kind' and 'value'");
      }
      b.addGenericResource(GenericResource.builder().kind(str(kind, s.child("kind")))
          .value(integer(value, s.child("value"))).build());
      s.finishNoExtensions();
      g.finishNoExtensions();
    });
    each(o, "devices", (item, p) -> b.addDevice(deviceRequest(item, p)));
    o.finish(true);
    return b.build();
  }

  private DeviceRequest deviceRequest(YNode n, String path) {
    Obj o = obj(n, path, List.of("capabilities", "count", "device_ids", "driver", "options"));
    DeviceRequest.Builder b = DeviceRequest.builder();
    strings(o, "capabilities", b::addAllCapabilities);
    text(o, "count", b::count);
    strings(o, "device_ids", b::addAllDeviceIds);
    str(o, "driver", b::driver);
    labels(o, "options", b::putAllOptions);
    o.finish(true);
    return b.build();
  }

  // ---------------------------------------------------------------- top-level objects

  /**
   * The 3.x schemas' pattern for the keys of services, networks, volumes, secrets and configs; the
   * definition of a top-level network whose key does not match it is not validated at all (the
   * networks map is not closed), so its unknown keys are dropped silently.
   */
  private static final java.util.regex.Pattern SCHEMA_KEY = java.util.regex.Pattern.compile("^[a-zA-Z0-9._-]+$");

  private Network network(YNode n, String path, boolean unvalidated) {
    if (isNull(n)) {
      return Network.builder().build();
    }
    Obj o = obj(n, path, NETWORK_KEYS);
    Network.Builder b = Network.builder();
    bindKeys(ComposeKeys.NETWORK, o, b, (key, x, p) -> Optional.of(ipam(x, p)));
    b.putAllExtensions(unvalidated ? o.finishOpen() : o.finish(true));
    return b.build();
  }

  private Ipam ipam(YNode x, String path) {
    Obj i = obj(x, path, List.of("driver", "config", "options"));
    Ipam.Builder ib = Ipam.builder();
    str(i, "driver", ib::driver);
    each(i, "config", (item, p) -> {
      Obj c = obj(item, p, List.of("subnet", "gateway", "ip_range", "aux_addresses"));
      IpamConfig.Builder cb = IpamConfig.builder();
      str(c, "subnet", cb::subnet);
      str(c, "gateway", cb::gateway);
      str(c, "ip_range", cb::ipRange);
      stringMap(c, "aux_addresses", cb::putAllAuxAddresses);
      c.finishNoExtensions();
      ib.addConfig(cb.build());
    });
    stringMap(i, "options", ib::putAllOptions);
    i.finish(true);
    return ib.build();
  }

  /**
   * Reads {@code external: true} or the deprecated {@code external: {name: x}} (which sets the
   * name); {@code open}: the 3.x schemas leave {@code external} open (secrets and configs).
   */
  private Optional<Boolean> external(Obj o, YNode ext, boolean open, Consumer<String> setName) {
    if (ext instanceof YNode.YMap) {
      Obj e = obj(ext, o.child("external"), List.of("name"));
      YNode name = e.get("name");
      if (open) {
        e.finishOpen();
      } else {
        e.finishNoExtensions();
      }
      if (name != null) {
        String n = str(name, e.child("name"));
        if (o.map.get("name") != null) {
          String declared = str(o.map.get("name").value(), o.child("name"));
          if (!declared.equals(n)) {
            throw error(ext, o.child("external"), "external.name '" + n + "' conflicts with name '" + declared
                + "'; keep only 'name'");
          }
        }
        setName.accept(n);
        fact(SyntaxFact.Kind.EXTERNAL_NAME, o.child("external.name"), n);
      }
      return Optional.of(true);
    }
    return Optional.of(bool(ext, o.child("external")));
  }

  private static final ComplexReader NO_COMPLEX_KEYS = (key, n, path) -> {
    throw new IllegalStateException("no reader for the key " + key);
  };

  private Volume volume(YNode n, String path) {
    if (isNull(n)) {
      return Volume.builder().build();
    }
    Obj o = obj(n, path, VOLUME_KEYS);
    Volume.Builder b = Volume.builder();
    bindKeys(ComposeKeys.VOLUME, o, b, NO_COMPLEX_KEYS);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private Secret secret(YNode n, String path) {
    Obj o = obj(n, path, SECRET_KEYS);
    Secret.Builder b = Secret.builder();
    bindKeys(ComposeKeys.SECRET, o, b, NO_COMPLEX_KEYS);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private Config config(YNode n, String path) {
    Obj o = obj(n, path, CONFIG_KEYS);
    Config.Builder b = Config.builder();
    bindKeys(ComposeKeys.CONFIG, o, b, NO_COMPLEX_KEYS);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private Model model(YNode n, String path) {
    Obj o = obj(n, path, List.of("model", "name", "context_size", "runtime_flags"));
    Model.Builder b = Model.builder();
    YNode m = o.get("model");
    if (m == null) {
      throw error(n, path, "a model needs 'model'");
    }
    b.model(str(m, o.child("model")));
    str(o, "name", b::name);
    lng(o, "context_size", b::contextSize);
    strings(o, "runtime_flags", b::addAllRuntimeFlags);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }
}
