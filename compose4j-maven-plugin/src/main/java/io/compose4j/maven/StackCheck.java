package io.compose4j.maven;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.FileCheck.FileReport;
import io.compose4j.validate.FileCheck.Finding;
import io.compose4j.validate.FileCheck.Source;
import io.compose4j.validate.StackValidator;
import io.compose4j.yaml.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * What both goals share: checking a stack file with {@link FileCheck}, as {@code compose4j
 * validate} does, printing the diagnostics as the CLI does ({@code FILE:LINE:COL: severity: message
 * [rule]}) and failing the build at the configured severity.
 */
final class StackCheck {
  /** The rule ids of diagnostics that are not the validator's: the reader's and the writer's. */
  static final List<String> OTHER_RULES =
      List.of(ReadResult.VARIABLE_UNSET, "swarm-stack-name", "swarm-unsupported-key");

  private final Severity failOn;
  private final FileCheck fileCheck;
  private final Path baseDir;

  /**
   * @param baseDir the project folder: files are named relative to it in diagnostics
   */
  StackCheck(
      Target target,
      Severity failOn,
      List<String> suppressed,
      @Nullable String stackName,
      Map<String, String> environment,
      Path baseDir) {
    this.failOn = failOn;
    FileCheck check =
        FileCheck.forTarget(target).environment(environment).suppress(suppressed).separateStacks();
    this.fileCheck = stackName == null ? check : check.stackName(stackName);
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  /** Parses the {@code target} parameter: {@code swarm} or {@code compose}, any case. */
  static Target target(String value) throws MojoExecutionException {
    try {
      return Target.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "<target>" + value + "</target> is not a target; use swarm or compose");
    }
  }

  /**
   * Parses the {@code failOn} parameter: {@code error}, {@code warning} or {@code info}, any case.
   */
  static Severity failOn(String value) throws MojoExecutionException {
    try {
      return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "<failOn>" + value + "</failOn> is not a severity; use error, warning or info");
    }
  }

  /**
   * Returns the rule ids to suppress, entries split at commas ({@code -Dcompose4j.suppress=A,B});
   * an id that is no rule is an error, as in {@code compose4j validate --suppress}.
   */
  static List<String> suppressed(@Nullable List<String> values) throws MojoExecutionException {
    List<String> ids = new ArrayList<>();
    if (values == null) {
      return ids;
    }
    for (String value : values) {
      for (String id : value.split(",", -1)) {
        String trimmed = id.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (StackValidator.rule(trimmed).isEmpty() && !OTHER_RULES.contains(trimmed)) {
          throw new MojoExecutionException(
              "<suppress> "
                  + trimmed
                  + ": no such rule; use a rule id from "
                  + "docs/RULES.md (e.g. SWARM-EP-007) or one of "
                  + String.join(", ", OTHER_RULES));
        }
        ids.add(trimmed);
      }
    }
    return ids;
  }

  /**
   * Returns how a file is named in diagnostics: relative to the project folder when it is under it.
   */
  String displayName(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
  }

  /** Reads and validates one stack file; a file that cannot be read or parsed gives one error. */
  FileReport check(Path file) {
    return check(file, List.of());
  }

  /**
   * Reads and validates one stack file and places these further diagnostics (about the same stack,
   * by YAML path) in it too.
   */
  FileReport check(Path file, List<Diagnostic> more) {
    String name = displayName(file);
    Source source =
        Source.of(
                name,
                file.toAbsolutePath().getParent(),
                reader -> reader.read(Files.readAllBytes(file), name))
            .withFindings(more);
    FileReport r = fileCheck.checkSources(List.of(source)).files().get(0);
    return new FileReport(
        r.file(), r.findings().stream().map(StackCheck::forMaven).toList(), r.unreadable());
  }

  /**
   * The reader's hint for an unset variable names the CLI's --env-file; here it is the environment
   * parameter.
   */
  private static Finding forMaven(Finding f) {
    Diagnostic d = f.diagnostic();
    if (!d.ruleId().equals(ReadResult.VARIABLE_UNSET) || !d.hint().contains("--env-file")) {
      return f;
    }
    return new Finding(
        new Diagnostic(
            d.severity(),
            d.ruleId(),
            d.path(),
            d.message(),
            d.hint()
                .replace("in the environment or an --env-file", "in the plugin's <environment>")),
        f.file(),
        f.line(),
        f.column());
  }

  /** Returns whether a finding fails the build at the configured {@code failOn}. */
  boolean fails(Finding f) {
    return f.diagnostic().severity().compareTo(failOn) <= 0;
  }

  /**
   * Prints every finding (errors as Maven errors, warnings as warnings, info as info when {@code
   * failOn} is {@code info}, else only with {@code -X}) and a summary line, then fails when a
   * finding is at or above {@code failOn}.
   *
   * @param what what was checked, for the summary ({@code "under src/main/stacks"})
   * @throws MojoFailureException naming the count and the first failing diagnostic
   */
  void report(List<FileReport> reports, String what, Log log) throws MojoFailureException {
    int failingFiles = 0;
    int failing = 0;
    Finding first = null;
    for (FileReport r : reports) {
      boolean fileFails = false;
      for (Finding f : r.findings()) {
        print(f, log);
        if (fails(f)) {
          failing++;
          fileFails = true;
          if (first == null) {
            first = f;
          }
        }
      }
      if (fileFails) {
        failingFiles++;
      }
    }
    log.info(
        plural(count(reports, Severity.ERROR), "error")
            + ", "
            + plural(count(reports, Severity.WARNING), "warning")
            + ", "
            + plural(count(reports, Severity.INFO), "info")
            + " in "
            + plural(reports.size(), "stack file")
            + " "
            + what);
    if (first != null) {
      String counted =
          failOn == Severity.ERROR
              ? plural(failing, "error")
              : plural(failing, "diagnostic") + " at or above " + failOn.label();
      throw new MojoFailureException(
          counted
              + " in "
              + failingFiles
              + " of "
              + plural(reports.size(), "stack file")
              + " "
              + what
              + "; the first: "
              + first.describe().replace("\n  ", " (")
              + (first.diagnostic().hint().isEmpty() ? "" : ")"));
    }
  }

  private void print(Finding f, Log log) {
    // limit 0, as before: a trailing newline adds no empty log line
    for (String line : f.describe().split("\n", 0)) {
      switch (f.diagnostic().severity()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        case INFO -> {
          if (failOn == Severity.INFO) {
            log.info(line);
          } else {
            log.debug(line);
          }
        }
      }
    }
  }

  private static long count(List<FileReport> reports, Severity s) {
    return reports.stream()
        .flatMap(r -> r.findings().stream())
        .filter(f -> f.diagnostic().severity() == s)
        .count();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }
}
