package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.yaml.SourcePosition;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The project configuration file {@code .compose4j.yml}, looked for in the working directory and
 * then in each parent folder up to the root; the first one found applies. Keys:
 *
 * <pre>
 * target: swarm            # or compose; --target wins
 * fail-on: error           # or warning, info; --fail-on wins
 * suppress: [LINT-001]     # rule ids, added to --suppress
 * exclude: ["legacy/**"]   # globs relative to this file's folder
 * </pre>
 *
 * <p>An unknown key or a bad value is an error with the file's line and column (rule {@code
 * config}).
 */
final class ProjectConfig {
  /** The file name looked for. */
  static final String FILE_NAME = ".compose4j.yml";

  /** The rule id of errors in the configuration file. */
  static final String RULE = "config";

  private static final List<String> KEYS = List.of("target", "fail-on", "suppress", "exclude");

  /** No configuration file. */
  static final ProjectConfig NONE =
      new ProjectConfig(null, Optional.empty(), Optional.empty(), List.of(), List.of());

  private final @Nullable Path file;
  private final Optional<Target> target;
  private final Optional<Severity> failOn;
  private final List<String> suppress;
  private final List<String> exclude;
  private final List<PathMatcher> excludeMatchers;

  private ProjectConfig(
      @Nullable Path file,
      Optional<Target> target,
      Optional<Severity> failOn,
      List<String> suppress,
      List<String> exclude) {
    this.file = file;
    this.target = target;
    this.failOn = failOn;
    this.suppress = List.copyOf(suppress);
    this.exclude = List.copyOf(exclude);
    // loops rather than streams here and below: the JDK's stream machinery starts
    // java.lang.invoke, a few milliseconds of a short run (see Rx)
    List<PathMatcher> matchers = new ArrayList<>();
    for (String g : exclude) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
    }
    this.excludeMatchers = List.copyOf(matchers);
  }

  /** Returns the configuration found from {@code workingDir} upward, or {@link #NONE}. */
  static ProjectConfig find(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return read(candidate);
      }
    }
    return NONE;
  }

  /**
   * Reads one configuration file; throws {@link CliException} with a positioned message on bad
   * content.
   */
  static ProjectConfig read(Path file) {
    String name = file.toString();
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw error(name, m, "", "not valid YAML: " + e.getProblem(), "fix the YAML syntax");
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          name
              + ": error: cannot read the configuration file: "
              + e.getMessage()
              + " ["
              + RULE
              + "]");
    }
    if (root == null) {
      return new ProjectConfig(file, Optional.empty(), Optional.empty(), List.of(), List.of());
    }
    if (!(root instanceof MappingNode mapping)) {
      throw error(
          name,
          root.getStartMark(),
          "",
          "the configuration must be a mapping",
          "write keys such as 'target: swarm' (known keys: " + String.join(", ", KEYS) + ")");
    }
    Optional<Target> target = Optional.empty();
    Optional<Severity> failOn = Optional.empty();
    List<String> suppress = List.of();
    List<String> exclude = List.of();
    for (NodeTuple t : mapping.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      Node value = t.getValueNode();
      switch (key) {
        case "target" -> target = Optional.of(target(name, value));
        case "fail-on" -> failOn = Optional.of(failOn(name, value));
        case "suppress" -> suppress = strings(name, key, value);
        case "exclude" -> exclude = strings(name, key, value);
        default ->
            throw error(
                name,
                t.getKeyNode().getStartMark(),
                key,
                "unknown key '" + key + "' in " + FILE_NAME,
                "use one of: " + String.join(", ", KEYS));
      }
    }
    return new ProjectConfig(file, target, failOn, suppress, exclude);
  }

  private static Target target(String file, Node value) {
    String v = scalar(file, "target", value);
    return switch (v) {
      case "swarm" -> Target.SWARM;
      case "compose" -> Target.COMPOSE;
      default ->
          throw error(
              file,
              value.getStartMark(),
              "target",
              "'" + v + "' is not a target",
              "use swarm or compose");
    };
  }

  private static Severity failOn(String file, Node value) {
    String v = scalar(file, "fail-on", value);
    return parseSeverity(v)
        .orElseThrow(
            () ->
                error(
                    file,
                    value.getStartMark(),
                    "fail-on",
                    "'" + v + "' is not a severity",
                    "use error, warning or info"));
  }

  /** Returns the severity named {@code error}, {@code warning} or {@code info}. */
  static Optional<Severity> parseSeverity(String v) {
    for (Severity s : Severity.values()) {
      if (s.label().equals(v.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static String scalar(String file, String key, Node value) {
    if (value instanceof ScalarNode s && !s.getValue().isEmpty()) {
      return s.getValue();
    }
    throw error(
        file,
        value.getStartMark(),
        key,
        key + " must be a single word",
        "e.g. '" + key + ": " + (key.equals("target") ? "swarm" : "warning") + "'");
  }

  private static List<String> strings(String file, String key, Node value) {
    if (value instanceof ScalarNode s && !s.getValue().isEmpty()) {
      return List.of(s.getValue());
    }
    if (!(value instanceof SequenceNode seq)) {
      throw error(
          file,
          value.getStartMark(),
          key,
          key + " must be a list of strings",
          "e.g. '" + key + ": [a, b]'");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s) || s.getValue().isEmpty()) {
        throw error(
            file,
            item.getStartMark(),
            key,
            "each entry of " + key + " must be a non-empty string",
            "write one " + (key.equals("suppress") ? "rule id" : "glob") + " per entry");
      }
      out.add(s.getValue());
    }
    return out;
  }

  private static CliException error(
      String file, Mark mark, String path, String message, String hint) {
    SourcePosition at = new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    return new CliException(at.describe(Diagnostic.error(RULE, path, message, hint)));
  }

  /**
   * Throws a positioned error when a suppressed rule id is not a rule ({@code known} says which
   * are).
   */
  void checkSuppressed(Predicate<String> known) {
    for (String id : suppress) {
      if (!known.test(id)) {
        throw new CliException(
            file
                + ": error: suppress: no such rule "
                + id
                + " ["
                + RULE
                + "]\n"
                + "  hint: use a rule id from docs/RULES.md, e.g. SWARM-EP-007");
      }
    }
  }

  /** Returns the file this configuration was read from, if any. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  Optional<Target> target() {
    return target;
  }

  Optional<Severity> failOn() {
    return failOn;
  }

  List<String> suppress() {
    return suppress;
  }

  List<String> exclude() {
    return exclude;
  }

  /**
   * Returns whether a file is excluded: its path relative to this file's folder matches an exclude
   * glob.
   */
  boolean excludes(Path candidate) {
    if (file == null || excludeMatchers.isEmpty()) {
      return false;
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    Path abs = candidate.toAbsolutePath().normalize();
    if (!abs.startsWith(base)) {
      return false;
    }
    Path rel = base.relativize(abs);
    for (PathMatcher m : excludeMatchers) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }
}
