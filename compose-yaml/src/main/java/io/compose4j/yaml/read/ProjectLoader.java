package io.compose4j.yaml.read;

import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.EnvFiles;
import io.compose4j.yaml.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the merged YAML tree of a Compose project the way compose-go does before binding: each
 * file is read and interpolated, its {@code include}s are imported and its {@code extends}
 * resolved, the files are merged in order ({@link TreeMerger}), and the services the active
 * profiles leave out are removed. Relative paths of included and extended files are rewritten
 * relative to the project directory.
 */
public final class ProjectLoader {
  /** What was left out or noticed, for the caller's diagnostics. */
  public record Notice(String file, int line, int column, String path, String message) {}

  private final Function<String, String> environment;
  private final Path projectDir;
  private final ReaderLimits limits;
  private final List<Notice> notices = new ArrayList<>();
  private final List<SyntaxFact> facts = new ArrayList<>();
  private final Map<String, String> unsetPaths = new LinkedHashMap<>();
  private final Deque<String> includeChain = new ArrayDeque<>();
  private final Map<Path, YNode> extendedFiles = new HashMap<>();

  /**
   * @param environment the interpolation lookup (null for unset variables)
   * @param projectDir the folder relative paths are relative to (the first file's)
   */
  public ProjectLoader(Function<String, String> environment, Path projectDir) {
    this(environment, projectDir, ReaderLimits.defaults());
  }

  /** Creates a loader that enforces these limits on every file it reads. */
  public ProjectLoader(Function<String, String> environment, Path projectDir, ReaderLimits limits) {
    this.limits = limits;
    this.environment = environment;
    this.projectDir = projectDir.toAbsolutePath().normalize();
  }

  /**
   * Returns the syntax facts interpolation noticed (YAML 1.1 ambiguities, variables in templates).
   */
  public List<SyntaxFact> facts() {
    return facts;
  }

  /** Returns the notices collected while loading. */
  public List<Notice> notices() {
    return notices;
  }

  /** Returns the unset variables with the YAML path of their first use. */
  public Map<String, String> unsetVariables() {
    return unsetPaths;
  }

  /**
   * Loads and merges the files of a project.
   *
   * @param files the files in override order
   * @param profiles the active profiles ({@code *} activates all); services without profiles are
   *     always active
   */
  public YNode load(List<Path> files, Collection<String> profiles) {
    YNode merged = null;
    for (Path file : files) {
      YNode tree = loadFile(file, environment, projectDir);
      merged = merged == null ? TreeMerger.normalize(tree) : TreeMerger.mergeFiles(merged, tree);
    }
    merged = TreeMerger.normalize(merged);
    applyProfiles(merged, profiles);
    return merged;
  }

  /** Reads, interpolates and resolves the includes and extends of one file. */
  private YNode loadFile(Path file, Function<String, String> env, Path baseDir) {
    String name = display(file);
    YNode root = readInterpolated(file, name, env, true);
    if (!(root instanceof YNode.YMap map)) {
      throw new ComposeReadException(
          name,
          root.line,
          root.column,
          "",
          "a Compose file must be a mapping with a 'services' key, found " + root.describe());
    }
    Path dir = file.toAbsolutePath().getParent();
    YNode.Entry include = map.entries.remove("include");
    if (include != null) {
      importIncludes(map, include, dir, baseDir, name);
    }
    resolveExtends(map, file, new ArrayDeque<>());
    return map;
  }

  /**
   * Reads and interpolates a file; {@code record} keeps its unset variables and syntax facts (their
   * paths are project paths only for the project's own files, not for an extended one).
   */
  private YNode readInterpolated(
      Path file, String name, Function<String, String> env, boolean record) {
    YNode root = parse(file, name);
    Interpolator interpolator = new Interpolator(env, name, limits.maxInterpolationDepth());
    interpolator.interpolateTree(root);
    if (record) {
      interpolator.unsetVariableUses().forEach(unsetPaths::putIfAbsent);
      facts.addAll(interpolator.facts());
    }
    return root;
  }

  private YNode parse(Path file, String name) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      long max = limits.maxFileBytes();
      if (size > max) {
        throw new ComposeReadException(
            name,
            1,
            1,
            "",
            "the file has "
                + size
                + " bytes, more than the limit "
                + ReaderLimits.raise("maxFileBytes", max));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ComposeReadException(name, 0, 0, "", "no such file; check the path");
    } catch (IOException e) {
      throw new ComposeReadException(name, 0, 0, "", "cannot read the file: " + e.getMessage());
    }
    YNode root = YamlTreeReader.read(YamlTreeReader.decode(bytes, name), name, limits);
    if (root == null) {
      throw new ComposeReadException(
          name, 1, 1, "", "the file is empty; a Compose file needs at least a 'services' mapping");
    }
    TreeMerger.stamp(root, name);
    return root;
  }

  /** The name a file has in positions and errors: as given, normalized when absolute. */
  private static String display(Path file) {
    return file.isAbsolute() ? file.normalize().toString() : file.toString();
  }

  // ------------------------------------------------------------------------------ include

  private void importIncludes(
      YNode.YMap into, YNode.Entry include, Path dir, Path baseDir, String name) {
    if (!(include.value() instanceof YNode.YSeq list)) {
      throw new ComposeReadException(
          name, include.line(), include.column(), "include", "include must be a list");
    }
    int i = 0;
    for (YNode item : list.items) {
      String path = "include[" + i++ + "]";
      List<String> paths = new ArrayList<>();
      String projectDirectory = null;
      List<String> envFiles = new ArrayList<>();
      if (item instanceof YNode.YScalar s) {
        paths.add(s.text);
      } else if (item instanceof YNode.YMap m) {
        for (YNode.Entry e : m.entries.values()) {
          switch (e.key()) {
            case "path" -> paths.addAll(strings(e.value(), name, path + ".path"));
            case "project_directory" ->
                projectDirectory = strings(e.value(), name, path + ".project_directory").get(0);
            case "env_file" -> envFiles.addAll(strings(e.value(), name, path + ".env_file"));
            default ->
                throw new ComposeReadException(
                    name,
                    e.line(),
                    e.column(),
                    path + "." + e.key(),
                    "unknown key '"
                        + e.key()
                        + "' in an include; allowed keys: path, project_directory, env_file");
          }
        }
      } else {
        throw new ComposeReadException(
            name, item.line, item.column, path, "an include is a path or a mapping with path");
      }
      if (paths.isEmpty()) {
        throw new ComposeReadException(
            name, item.line, item.column, path, "an include needs a path");
      }
      List<Path> files = paths.stream().map(p -> dir.resolve(p).normalize()).toList();
      Path includedDir =
          projectDirectory != null
              ? dir.resolve(projectDirectory).normalize()
              : files.get(0).getParent();
      String key = files.toString();
      if (includeChain.contains(key)) {
        throw new ComposeReadException(
            name,
            item.line,
            item.column,
            path,
            "include cycle: " + String.join(" -> ", includeChain) + " -> " + key);
      }
      // the included project interpolates with its own .env (or env_file), the process environment
      // first
      Map<String, String> dotEnv = new LinkedHashMap<>();
      if (envFiles.isEmpty()) {
        Path candidate = includedDir.resolve(".env");
        if (Files.isRegularFile(candidate)) {
          dotEnv.putAll(EnvFiles.read(candidate, environment));
        }
      } else {
        envFiles.forEach(
            f ->
                dotEnv.putAll(
                    EnvFiles.read(
                        dir.resolve(f),
                        v -> {
                          String value = environment.apply(v);
                          return value != null ? value : dotEnv.get(v);
                        })));
      }
      Function<String, String> env =
          v -> {
            String value = environment.apply(v);
            return value != null ? value : dotEnv.get(v);
          };
      includeChain.push(key);
      YNode imported = null;
      for (Path f : files) {
        YNode tree = loadFile(f, env, includedDir);
        imported =
            imported == null ? TreeMerger.normalize(tree) : TreeMerger.mergeFiles(imported, tree);
      }
      includeChain.pop();
      rebase(imported, includedDir, baseDir);
      importResources(into, (YNode.YMap) imported, name, item);
    }
  }

  private static List<String> strings(YNode n, String file, String path) {
    if (n instanceof YNode.YScalar s) {
      return List.of(s.text);
    }
    if (n instanceof YNode.YSeq q) {
      List<String> out = new ArrayList<>();
      for (YNode i : q.items) {
        out.addAll(strings(i, file, path));
      }
      return out;
    }
    throw new ComposeReadException(
        file,
        n.line,
        n.column,
        path,
        "expected a string or a list of strings, found " + n.describe());
  }

  /**
   * Adds the included project's resources; the same name defined differently in both is an error.
   */
  private void importResources(YNode.YMap into, YNode.YMap imported, String file, YNode at) {
    for (String section :
        List.of("services", "networks", "volumes", "secrets", "configs", "models")) {
      YNode.Entry from = imported.entries.get(section);
      if (from == null || !(from.value() instanceof YNode.YMap fm)) {
        continue;
      }
      YNode.Entry to = into.entries.get(section);
      if (to == null || !(to.value() instanceof YNode.YMap)) {
        YNode.YMap m = YNode.map(at.line, at.column, null);
        m.file = file;
        into.entries.put(section, new YNode.Entry(section, at.line, at.column, m, file));
        to = into.entries.get(section);
      }
      YNode.YMap tm = (YNode.YMap) to.value();
      for (YNode.Entry e : fm.entries.values()) {
        YNode.Entry existing = tm.entries.get(e.key());
        if (existing != null && !TreeMerger.sameTree(existing.value(), e.value())) {
          throw new ComposeReadException(
              file,
              existing.line(),
              existing.column(),
              section + "." + e.key(),
              "the included file "
                  + e.file()
                  + " also defines "
                  + section
                  + "."
                  + e.key()
                  + "; a project may define it once (rename one, or override it in another -f file)");
        }
        if (existing == null) {
          tm.entries.put(e.key(), e);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ extends

  private void resolveExtends(YNode.YMap root, Path file, Deque<String> chain) {
    YNode.Entry services = root.entries.get("services");
    if (services == null || !(services.value() instanceof YNode.YMap sm)) {
      return;
    }
    for (String name : new ArrayList<>(sm.entries.keySet())) {
      resolveService(sm, name, file, chain);
    }
  }

  /** Resolves the extends of one service of a file's services mapping, in place. */
  private void resolveService(YNode.YMap services, String name, Path file, Deque<String> chain) {
    YNode.Entry entry = services.entries.get(name);
    if (!(entry.value() instanceof YNode.YMap service) || service.get("extends") == null) {
      return;
    }
    String id = file.toAbsolutePath().normalize() + "#" + name;
    if (chain.contains(id)) {
      throw new ComposeReadException(
          entry.file(),
          entry.line(),
          entry.column(),
          "services." + name + ".extends",
          "extends cycle: "
              + String.join(" -> ", reversed(chain).stream().map(ProjectLoader::shortId).toList())
              + " -> "
              + shortId(id));
    }
    chain.push(id);
    YNode.Entry ext = service.entries.get("extends");
    String where = "services." + name + ".extends";
    String baseName;
    String baseFile = null;
    if (ext.value() instanceof YNode.YScalar s) {
      baseName = s.text;
    } else if (ext.value() instanceof YNode.YMap m) {
      YNode.Entry svc = m.get("service");
      if (svc == null) {
        throw new ComposeReadException(
            ext.file(), ext.line(), ext.column(), where, "extends needs a service");
      }
      baseName = ((YNode.YScalar) svc.value()).text;
      YNode.Entry f = m.get("file");
      baseFile = f == null ? null : ((YNode.YScalar) f.value()).text;
    } else {
      throw new ComposeReadException(
          ext.file(),
          ext.line(),
          ext.column(),
          where,
          "extends is a service name or a mapping with service and file");
    }
    YNode base;
    Path dir = file.toAbsolutePath().getParent();
    if (baseFile == null) {
      YNode.Entry b = services.entries.get(baseName);
      if (b == null) {
        throw new ComposeReadException(
            ext.file(),
            ext.line(),
            ext.column(),
            where,
            "service \"" + baseName + "\" to extend is not defined in " + ext.file());
      }
      resolveService(services, baseName, file, chain);
      base = TreeMerger.copy(services.entries.get(baseName).value());
    } else {
      Path other = dir.resolve(baseFile).normalize();
      String otherName = display(other);
      // read once however many services extend it; resolving its extends in place is idempotent
      YNode otherRoot =
          extendedFiles.computeIfAbsent(
              other, f -> readInterpolated(f, otherName, environment, false));
      YNode.Entry otherServices = otherRoot instanceof YNode.YMap om ? om.get("services") : null;
      if (otherServices == null
          || !(otherServices.value() instanceof YNode.YMap osm)
          || osm.get(baseName) == null) {
        throw new ComposeReadException(
            ext.file(),
            ext.line(),
            ext.column(),
            where,
            "service \"" + baseName + "\" to extend is not defined in " + otherName);
      }
      resolveService(osm, baseName, other, chain);
      base = TreeMerger.copy(osm.entries.get(baseName).value());
      rebaseService(base, other.getParent(), dir);
    }
    chain.pop();
    service.entries.remove("extends");
    YNode merged = TreeMerger.mergeService(name, base, service);
    services.entries.put(name, entry.withValue(merged));
  }

  private static List<String> reversed(Deque<String> chain) {
    List<String> out = new ArrayList<>(chain);
    Collections.reverse(out);
    return out;
  }

  private static String shortId(String id) {
    int hash = id.lastIndexOf('#');
    return Path.of(id.substring(0, hash)).getFileName() + ":" + id.substring(hash + 1);
  }

  // ------------------------------------------------------------------------------ profiles

  private void applyProfiles(YNode root, Collection<String> profiles) {
    if (!(root instanceof YNode.YMap map)
        || !(map.get("services") != null && map.get("services").value() instanceof YNode.YMap sm)) {
      return;
    }
    boolean all = profiles.contains("*");
    sm.entries
        .values()
        .removeIf(
            e -> {
              if (!(e.value() instanceof YNode.YMap service) || service.get("profiles") == null) {
                return false;
              }
              List<String> own =
                  strings(
                      service.get("profiles").value(),
                      e.file(),
                      "services." + e.key() + ".profiles");
              boolean active = all || own.stream().anyMatch(profiles::contains);
              if (!active) {
                notices.add(
                    new Notice(
                        e.file(),
                        e.line(),
                        e.column(),
                        "services." + e.key(),
                        "service "
                            + e.key()
                            + " is left out: its profiles "
                            + own
                            + " are not active"
                            + (profiles.isEmpty() ? "" : " (active: " + profiles + ")")));
              }
              return !active;
            });
  }

  // ------------------------------------------------------------------------------ paths

  /** Rewrites the relative paths of a whole project tree from one folder to another. */
  private static void rebase(YNode root, Path from, Path to) {
    if (from.equals(to) || !(root instanceof YNode.YMap m)) {
      return;
    }
    YNode.Entry services = m.get("services");
    if (services != null && services.value() instanceof YNode.YMap sm) {
      sm.entries.values().forEach(e -> rebaseService(e.value(), from, to));
    }
    for (String section : List.of("secrets", "configs")) {
      YNode.Entry s = m.get(section);
      if (s != null && s.value() instanceof YNode.YMap objects) {
        for (YNode.Entry o : objects.entries.values()) {
          if (o.value() instanceof YNode.YMap om && om.get("file") != null) {
            rewrite(om.get("file").value(), from, to);
          }
        }
      }
    }
  }

  /** Rewrites the relative paths of one service. */
  private static void rebaseService(YNode service, Path from, Path to) {
    if (from.equals(to) || !(service instanceof YNode.YMap m)) {
      return;
    }
    YNode.Entry build = m.get("build");
    if (build != null) {
      if (build.value() instanceof YNode.YScalar s) {
        rewriteLocal(s, from, to);
      } else if (build.value() instanceof YNode.YMap bm && bm.get("context") != null) {
        rewriteLocal(bm.get("context").value(), from, to);
      }
    }
    for (String key : List.of("env_file", "label_file")) {
      YNode.Entry e = m.get(key);
      if (e == null) {
        continue;
      }
      List<YNode> items = e.value() instanceof YNode.YSeq q ? q.items : List.of(e.value());
      for (YNode item : items) {
        if (item instanceof YNode.YMap im && im.get("path") != null) {
          rewrite(im.get("path").value(), from, to);
        } else {
          rewrite(item, from, to);
        }
      }
    }
    YNode.Entry volumes = m.get("volumes");
    if (volumes != null && volumes.value() instanceof YNode.YSeq q) {
      for (YNode v : q.items) {
        if (v instanceof YNode.YScalar s) {
          int colon = s.text.indexOf(':');
          String source = colon < 0 ? "" : s.text.substring(0, colon);
          if (source.startsWith(".")) {
            s.text = relative(from.resolve(source), to) + s.text.substring(colon);
          }
        } else if (v instanceof YNode.YMap vm
            && vm.get("source") != null
            && (vm.get("type") == null || text(vm.get("type").value()).equals("bind"))) {
          YNode src = vm.get("source").value();
          if (text(src).startsWith(".")) {
            rewrite(src, from, to);
          }
        }
      }
    }
  }

  /** A build context that is a URL or git reference stays as it is. */
  private static void rewriteLocal(YNode n, Path from, Path to) {
    String t = text(n);
    if (t.contains("://") || t.startsWith("git@") || t.startsWith("github.com/")) {
      return;
    }
    rewrite(n, from, to);
  }

  private static void rewrite(YNode n, Path from, Path to) {
    if (n instanceof YNode.YScalar s
        && !s.text.isEmpty()
        && !Path.of(s.text).isAbsolute()
        && !s.text.startsWith("~")) {
      s.text = relative(from.resolve(s.text), to);
    }
  }

  /** Returns {@code target} relative to {@code dir}, as {@code ./x}, {@code ../x} or {@code .}. */
  public static String relative(Path target, Path dir) {
    String rel =
        dir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString();
    if (rel.isEmpty()) {
      return ".";
    }
    return rel.startsWith("..") ? rel : "./" + rel;
  }

  private static String text(YNode n) {
    return n instanceof YNode.YScalar s ? s.text : "";
  }
}
