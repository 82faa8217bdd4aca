package io.compose4j.test;

import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Validates every stack file under a folder (a repository of stack files) and reports every
 * diagnostic of every file in one failure, or as one dynamic test per file.
 *
 * <pre>{@code
 * @Test
 * void everyStackInTheRepositoryDeploys() {
 *   stackFolder(Path.of("deploy")).exclude("ci/**").assertAllValid();
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> eachStack() {
 *   return stackFolder(Path.of("deploy")).dynamicTests();
 * }
 * }</pre>
 *
 * <p>By default every {@code *.yml} and {@code *.yaml} file is a stack file, unless a stack in the
 * folder refers to it as a secret, a config or a bind-mount source; symbolic links are followed; no
 * stack file at all is a failure. Each is read with the given environment (default: none, so unset
 * variables are reported) and validated for Swarm with paths relative to its own folder.
 */
public final class StackFolder {
  private final Path dir;
  private final List<String> includes = new ArrayList<>(List.of("**.yml", "**.yaml"));
  private boolean defaultIncludes = true;
  private final List<String> excludes = new ArrayList<>();
  private Target target = Target.SWARM;
  private final List<String> suppressed = new ArrayList<>();
  private Map<String, String> environment = Map.of();
  private boolean failOnWarnings;

  private StackFolder(Path dir) {
    this.dir = dir;
  }

  /** Returns a checker for the stack files under a folder. */
  public static StackFolder of(Path dir) {
    return new StackFolder(dir);
  }

  /**
   * Only files matching this glob (relative to the folder, e.g. {@code "stacks/*.yml"}) are stack
   * files.
   */
  public StackFolder include(String glob) {
    if (defaultIncludes) {
      includes.clear();
      defaultIncludes = false;
    }
    includes.add(glob);
    return this;
  }

  /** Files matching this glob (relative to the folder) are skipped. */
  public StackFolder exclude(String glob) {
    excludes.add(glob);
    return this;
  }

  /** Validates for this target (default {@link Target#SWARM}). */
  public StackFolder target(Target target) {
    this.target = target;
    return this;
  }

  /** Does not report these rules. */
  public StackFolder suppress(String... ruleIds) {
    suppressed.addAll(List.of(ruleIds));
    return this;
  }

  /** Interpolates variables from this environment (default: empty). */
  public StackFolder environment(Map<String, String> variables) {
    this.environment = Map.copyOf(variables);
    return this;
  }

  /** Warnings fail too (by default only errors do, as with {@code compose4j validate}). */
  public StackFolder failOnWarnings() {
    this.failOnWarnings = true;
    return this;
  }

  /**
   * Returns the stack files, sorted: the files matching the globs (through symbolic links too),
   * except those that a stack among them refers to as a secret, a config or a bind-mount source (a
   * Traefik or Prometheus configuration under {@code configs/} is not a stack).
   */
  public List<Path> files() {
    List<Path> candidates = candidates();
    Set<Path> referenced = new HashSet<>();
    for (Path file : candidates) {
      referenced.addAll(referencedFiles(file));
    }
    return candidates.stream().filter(p -> !referenced.contains(realPath(p))).toList();
  }

  private List<Path> candidates() {
    List<PathMatcher> in =
        includes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<PathMatcher> out =
        excludes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("no folder " + dir.toAbsolutePath() + " to look for stack files in");
    }
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                Path rel = dir.relativize(p);
                return in.stream().anyMatch(m -> m.matches(rel))
                    && out.stream().noneMatch(m -> m.matches(rel));
              })
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileSystemLoopException loop) {
        throw new AssertionError(
            "the folder "
                + dir
                + " links back into itself at "
                + loop.getFile()
                + "; exclude that link or remove it",
            e);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the real paths of the files a stack file refers to; none if it cannot be read. */
  private Set<Path> referencedFiles(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    Stack stack;
    try {
      stack = ComposeReader.create().withEnvironment(environment).read(file).stack();
    } catch (ComposeReadException e) {
      return Set.of();
    }
    Set<Path> out = new HashSet<>();
    Stream.concat(
            stack.secrets().values().stream().map(x -> x.file()),
            stack.configs().values().stream().map(x -> x.file()))
        .flatMap(Optional::stream)
        .forEach(f -> out.add(realPath(folder.resolve(f))));
    stack.services().values().stream()
        .flatMap(svc -> svc.volumes().stream())
        .filter(m -> m.type().equals("bind"))
        .flatMap(m -> m.source().stream())
        .filter(src -> !src.startsWith("~"))
        .forEach(src -> out.add(realPath(folder.resolve(src))));
    return out;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | InvalidPathException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private List<Path> filesOrFail() {
    List<Path> files = files();
    if (files.isEmpty()) {
      throw new AssertionError(
          "no stack files under "
              + dir
              + " matching "
              + includes
              + (excludes.isEmpty() ? "" : " and not " + excludes)
              + "; check the folder and the include/exclude globs");
    }
    return files;
  }

  /**
   * Validates every file and fails once, listing every failing diagnostic of every file as {@code
   * FILE:LINE:COL: severity: message [rule]}. Fails as well when there is no stack file.
   */
  public void assertAllValid() {
    List<Path> files = filesOrFail();
    StringBuilder failures = new StringBuilder();
    int failing = 0;
    int count = 0;
    for (Path file : files) {
      List<String> lines = check(file);
      if (!lines.isEmpty()) {
        failing++;
        count += lines.size();
        lines.forEach(l -> failures.append(l).append('\n'));
      }
    }
    if (failing > 0) {
      throw new AssertionError(
          count
              + " problem"
              + (count == 1 ? "" : "s")
              + " in "
              + failing
              + " of "
              + files.size()
              + " stack files under "
              + dir
              + ":\n"
              + failures.toString().stripTrailing());
    }
  }

  /**
   * Returns one dynamic test per stack file, failing with that file's diagnostics.
   *
   * @throws AssertionError when there is no stack file (zero tests would pass silently)
   */
  public Stream<DynamicTest> dynamicTests() {
    return filesOrFail().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    dir.relativize(file).toString(),
                    file.toUri(),
                    () -> {
                      List<String> lines = check(file);
                      if (!lines.isEmpty()) {
                        throw new AssertionError(String.join("\n", lines));
                      }
                    }));
  }

  /**
   * Returns the failing findings of one file, formatted as by {@code compose4j validate}; empty
   * when it passes.
   */
  List<String> check(Path file) {
    Severity threshold = failOnWarnings ? Severity.WARNING : Severity.ERROR;
    return fileCheck().check(List.of(file)).findings().stream()
        .filter(f -> f.atLeast(threshold))
        .map(FileCheck.Finding::describe)
        .toList();
  }

  /**
   * Returns the check each file gets: the target, environment and suppressed rules; each file is a
   * stack of its own.
   */
  FileCheck fileCheck() {
    return FileCheck.forTarget(target)
        .environment(environment)
        .suppress(suppressed)
        .separateStacks();
  }
}
