package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.bind.ModelBinder;
import io.compose4j.yaml.read.ProjectLoader;
import io.compose4j.yaml.read.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a Compose project the way {@code docker compose} does, on the client: several files merged
 * in order with the Compose Specification's override rules, {@code include}, {@code extends} (in
 * the same file or another, cycles refused), profiles, and interpolation from the process
 * environment and the project's {@code .env} (or the given env files). The result is one {@link
 * Stack}; its positions point into whichever file each key came from.
 *
 * <pre>{@code
 * ReadResult project = ComposeLoader.create()
 *     .withProfiles(List.of("debug"))
 *     .load(List.of(Path.of("compose.yaml"), Path.of("compose.prod.yaml")));
 * }</pre>
 *
 * Merge rules are documented in {@code docs/MERGE.md}. Relative paths in all files are relative to
 * the project directory (the first file's folder), as in Compose; those of included and extended
 * files are rewritten relative to it.
 */
public final class ComposeLoader {
  private final Map<String, String> environment;
  private final List<Path> envFiles;
  private final Set<String> profiles;
  private final Path projectDir;
  private final ReaderLimits limits;

  private ComposeLoader(
      Map<String, String> environment, List<Path> envFiles, Set<String> profiles, Path projectDir) {
    this(environment, envFiles, profiles, projectDir, ReaderLimits.defaults());
  }

  private ComposeLoader(
      Map<String, String> environment,
      List<Path> envFiles,
      Set<String> profiles,
      Path projectDir,
      ReaderLimits limits) {
    this.environment = environment;
    this.envFiles = envFiles;
    this.profiles = profiles;
    this.projectDir = projectDir;
    this.limits = limits;
  }

  /** A loader with the process environment, the project's {@code .env}, and no active profile. */
  public static ComposeLoader create() {
    return new ComposeLoader(System.getenv(), null, Set.of(), null);
  }

  /** Uses this environment instead of the process's (it wins over env files, as in Compose). */
  public ComposeLoader withEnvironment(Map<String, String> variables) {
    return new ComposeLoader(Map.copyOf(variables), envFiles, profiles, projectDir, limits);
  }

  /**
   * Reads interpolation variables from these files, in order, instead of the project's {@code
   * .env}.
   */
  public ComposeLoader withEnvFiles(List<Path> files) {
    return new ComposeLoader(environment, List.copyOf(files), profiles, projectDir, limits);
  }

  /** Activates these profiles ({@code *} activates every profile). */
  public ComposeLoader withProfiles(Collection<String> active) {
    return new ComposeLoader(
        environment, envFiles, Set.copyOf(new LinkedHashSet<>(active)), projectDir, limits);
  }

  /** Resolves relative paths and finds {@code .env} in this folder instead of the first file's. */
  public ComposeLoader withProjectDirectory(Path dir) {
    return new ComposeLoader(environment, envFiles, profiles, Objects.requireNonNull(dir), limits);
  }

  /**
   * Enforces these limits on every file of the project (see {@link ReaderLimits} and
   * docs/FORMAT.md, "Limits").
   */
  public ComposeLoader withLimits(ReaderLimits limits) {
    return new ComposeLoader(
        environment, envFiles, profiles, projectDir, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Loads a project.
   *
   * @param files the Compose files in override order (at least one)
   * @throws ComposeReadException naming the file, line and column of what cannot be loaded
   */
  public ReadResult load(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("load needs at least one file");
    }
    Path dir = projectDir != null ? projectDir : files.get(0).toAbsolutePath().getParent();
    Map<String, String> variables = new LinkedHashMap<>();
    // a value may use the process environment and the files (and lines) before it
    Function<String, String> outside =
        v -> environment.containsKey(v) ? environment.get(v) : variables.get(v);
    if (envFiles != null) {
      envFiles.forEach(f -> variables.putAll(EnvFiles.read(f, outside)));
    } else if (Files.isRegularFile(dir.resolve(".env"))) {
      variables.putAll(EnvFiles.read(dir.resolve(".env"), outside));
    }
    variables.putAll(environment);
    ProjectLoader loader = new ProjectLoader(variables::get, dir, limits);
    YNode merged = loader.load(files, profiles);
    String name = files.get(0).toString();
    List<Diagnostic> warnings = new ArrayList<>();
    loader
        .unsetVariables()
        .forEach(
            (variable, path) ->
                warnings.add(
                    Diagnostic.warning(
                        ReadResult.VARIABLE_UNSET,
                        path,
                        "the variable " + variable + " is not set; an empty string is used",
                        "set it in the environment, the project's .env or an --env-file, or give a default with ${"
                            + variable
                            + ":-default}")));
    for (ProjectLoader.Notice n : loader.notices()) {
      warnings.add(
          Diagnostic.info(
              "profile-inactive", n.path(), n.message(), "activate the profile to keep it"));
    }
    ModelBinder binder = new ModelBinder(name, warnings, dir, variables::get, limits);
    Stack stack = binder.stack(merged);
    loader.notices().forEach(n -> binder.recordPosition(n.path(), n.file(), n.line(), n.column()));
    List<SyntaxFact> facts = new ArrayList<>(binder.facts());
    facts.addAll(loader.facts());
    return new ReadResult(name, stack, new SourceMap(name, binder.positions()), warnings, facts);
  }

  /** Loads a project of one or more files. */
  public ReadResult load(Path... files) {
    return load(List.of(files));
  }
}
