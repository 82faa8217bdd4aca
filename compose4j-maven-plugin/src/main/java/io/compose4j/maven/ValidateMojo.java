package io.compose4j.maven;

import io.compose4j.validate.FileCheck.FileReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Validates every stack file under a folder ({@code src/main/stacks} by default) as {@code
 * compose4j validate} does, prints the diagnostics as the CLI does ({@code FILE:LINE:COL: severity:
 * message [rule]}) and fails the build on errors (or warnings, with {@code failOn}).
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMojo {
  /**
   * The folder whose stack files are validated. A folder that does not exist is skipped with a
   * message.
   */
  @Parameter(property = "compose4j.directory", defaultValue = "${project.basedir}/src/main/stacks")
  File directory;

  /**
   * Globs of the stack files, relative to {@code directory} ({@code java.nio} globs, where a
   * leading {@code **}{@code /} also matches no folder); default every {@code .yml} and {@code
   * .yaml} file.
   */
  @Parameter @Nullable List<String> includes;

  /**
   * Globs of files under {@code directory} that are not stack files (for example {@code ci/**}).
   */
  @Parameter @Nullable List<String> excludes;

  /** What the files are for: {@code swarm} ({@code docker stack deploy}) or {@code compose}. */
  @Parameter(property = "compose4j.target", defaultValue = "swarm")
  String target = "swarm";

  /** The least severity that fails the build: {@code error}, {@code warning} or {@code info}. */
  @Parameter(property = "compose4j.failOn", defaultValue = "error")
  String failOn = "error";

  /**
   * Rule ids not to report (from docs/RULES.md, or {@code variable-unset}); comma-separated in the
   * property.
   */
  @Parameter(property = "compose4j.suppress")
  @Nullable List<String> suppress;

  /**
   * The name the stacks will be deployed under ({@code docker stack deploy NAME}); enables the
   * name-length rules.
   */
  @Parameter(property = "compose4j.stackName")
  @Nullable String stackName;

  /**
   * Variables for interpolation; the process environment is not used, so an unset variable is
   * reported.
   */
  @Parameter @Nullable Map<String, String> environment;

  /** Skips the goal. */
  @Parameter(property = "compose4j.skip", defaultValue = "false")
  boolean skip;

  /** The project folder: files are named relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Creates the goal; Maven sets its parameters. */
  public ValidateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("compose4j:validate skipped (compose4j.skip)");
      return;
    }
    StackCheck check =
        new StackCheck(
            StackCheck.target(target),
            StackCheck.failOn(failOn),
            StackCheck.suppressed(suppress),
            stackName,
            environment == null ? Map.of() : new HashMap<>(environment),
            basedir.toPath());
    Path dir = directory.toPath();
    String where = "under " + check.displayName(dir);
    if (!Files.isDirectory(dir)) {
      getLog().info("No stack folder " + check.displayName(dir) + "; nothing to validate");
      return;
    }
    List<Path> files = files(dir);
    if (files.isEmpty()) {
      getLog()
          .info(
              "No stack files "
                  + where
                  + " (includes "
                  + patterns(includes, DEFAULT_INCLUDES)
                  + ", excludes "
                  + patterns(excludes, List.of())
                  + "); nothing to validate");
      return;
    }
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      reports.add(check.check(file));
    }
    check.report(reports, where, getLog());
  }

  /** The default includes. */
  static final List<String> DEFAULT_INCLUDES = List.of("**/*.yml", "**/*.yaml");

  /** Returns the stack files under a folder, sorted. */
  List<Path> files(Path dir) throws MojoExecutionException {
    List<PathMatcher> in = matchers(patterns(includes, DEFAULT_INCLUDES));
    List<PathMatcher> out = matchers(patterns(excludes, List.of()));
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                Path rel = dir.relativize(p);
                return in.stream().anyMatch(m -> m.matches(rel))
                    && out.stream().noneMatch(m -> m.matches(rel));
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list the stack files under " + dir + ": " + e, e);
    }
  }

  private static List<String> patterns(@Nullable List<String> configured, List<String> defaults) {
    return configured == null || configured.isEmpty() ? defaults : configured;
  }

  /**
   * Java globs, where {@code **}{@code /x} also matches {@code x} at the top (as Ant and Maven
   * users expect).
   */
  private static List<PathMatcher> matchers(List<String> globs) throws MojoExecutionException {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        if (glob.startsWith("**/")) {
          matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
        }
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("'" + glob + "' is not a glob: " + e.getMessage());
      }
    }
    return matchers;
  }
}
