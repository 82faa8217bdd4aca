package io.compose4j.maven;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * What both goals share: reading a stack file, validating it as {@code compose4j validate} does,
 * printing the diagnostics as the CLI does ({@code FILE:LINE:COL: severity: message [rule]}) and
 * failing the build at the configured severity.
 */
final class StackCheck {
  /** The rule id of a file that cannot be read or parsed (as in the CLI). */
  static final String PARSE = "parse";
  /** The rule id of the reader's warning about an unset variable (as in the CLI). */
  static final String VARIABLE_UNSET = "variable-unset";
  /** The rule ids of diagnostics that are not the validator's: the reader's and the writer's. */
  static final List<String> OTHER_RULES = List.of(VARIABLE_UNSET, "swarm-stack-name", "swarm-unsupported-key");

  private static final Comparator<Finding> IN_FILE_ORDER = Comparator.comparingInt(Finding::line)
      .thenComparingInt(Finding::column).thenComparing(f -> f.diagnostic().severity());

  private final Target target;
  private final Severity failOn;
  private final List<String> suppressed;
  private final @Nullable String stackName;
  private final Map<String, String> environment;
  private final Path baseDir;

  /** One diagnostic placed in a file; {@code line} is 0 when the file could not be opened. */
  record Finding(Diagnostic diagnostic, String file, int line, int column) {
    /** Returns the CLI's text form, with the hint on a second, indented line when there is one. */
    String describe() {
      return new SourcePosition(file, line, column).describe(diagnostic);
    }
  }

  /** The findings of one file, in file order. */
  record FileReport(String file, List<Finding> findings) {}

  /**
   * @param baseDir the project folder: files are named relative to it in diagnostics
   */
  StackCheck(Target target, Severity failOn, List<String> suppressed, @Nullable String stackName,
      Map<String, String> environment, Path baseDir) {
    this.target = target;
    this.failOn = failOn;
    this.suppressed = List.copyOf(suppressed);
    this.stackName = stackName;
    this.environment = Map.copyOf(environment);
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  /** Parses the {@code target} parameter: {@code swarm} or {@code compose}, any case. */
  static Target target(String value) throws MojoExecutionException {
    try {
      return Target.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<target>" + value + "</target> is not a target; use swarm or compose");
    }
  }

  /** Parses the {@code failOn} parameter: {@code error}, {@code warning} or {@code info}, any case. */
  static Severity failOn(String value) throws MojoExecutionException {
    try {
      return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<failOn>" + value + "</failOn> is not a severity; use error, warning or info");
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
      for (String id : value.split(",")) {
        String trimmed = id.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (StackValidator.rule(trimmed).isEmpty() && !OTHER_RULES.contains(trimmed)) {
          throw new MojoExecutionException("<suppress> " + trimmed + ": no such rule; use a rule id from "
              + "docs/RULES.md (e.g. SWARM-EP-007) or one of " + String.join(", ", OTHER_RULES));
        }
        ids.add(trimmed);
      }
    }
    return ids;
  }

  /** Returns how a file is named in diagnostics: relative to the project folder when it is under it. */
  String displayName(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
  }

  /** Reads and validates one stack file; a file that cannot be read or parsed gives one error. */
  FileReport check(Path file) {
    return check(file, List.of());
  }

  /**
   * Reads and validates one stack file and places these further diagnostics (about the same
   * stack, by YAML path) in it too.
   */
  FileReport check(Path file, List<Diagnostic> more) {
    String name = displayName(file);
    Path dir = file.toAbsolutePath().getParent();
    ReadResult read;
    try {
      byte[] bytes = Files.readAllBytes(file);
      read = ComposeReader.create().withEnvironment(environment).withBaseDir(dir).read(bytes, name);
    } catch (IOException e) {
      Diagnostic d = Diagnostic.error(PARSE, "", "cannot read the file: " + e, "");
      return new FileReport(name, List.of(new Finding(d, name, 0, 0)));
    } catch (ComposeReadException e) {
      Diagnostic d = Diagnostic.error(PARSE, e.path(), e.reason(), "");
      Finding f = e.hasPosition() ? new Finding(d, name, e.line(), e.column()) : new Finding(d, name, 0, 0);
      return new FileReport(name, List.of(f));
    }
    StackValidator validator = StackValidator.forTarget(target).baseDir(dir).suppress(suppressed.toArray(String[]::new));
    if (stackName != null) {
      validator = validator.stackName(stackName);
    }
    List<Finding> findings = new ArrayList<>();
    List<Diagnostic> notValidated = new ArrayList<>(read.warnings());
    notValidated.addAll(more);
    for (Diagnostic d : notValidated) {
      if (!suppressed.contains(d.ruleId())) {
        findings.add(place(read, forMaven(d)));
      }
    }
    for (Diagnostic d : validator.validate(read.stack(), read.facts()).diagnostics()) {
      findings.add(place(read, d));
    }
    findings.sort(IN_FILE_ORDER);
    return new FileReport(name, List.copyOf(findings));
  }

  /** The reader's hint for an unset variable names the CLI's --env-file; here it is the environment parameter. */
  private static Diagnostic forMaven(Diagnostic d) {
    if (!d.ruleId().equals(VARIABLE_UNSET) || !d.hint().contains("--env-file")) {
      return d;
    }
    return new Diagnostic(d.severity(), d.ruleId(), d.path(), d.message(),
        d.hint().replace("in the environment or an --env-file", "in the plugin's <environment>"));
  }

  private static Finding place(ReadResult read, Diagnostic d) {
    SourcePosition p = read.positionOf(d.path());
    return new Finding(d, read.file(), p.line(), p.column());
  }

  /** Returns whether a finding fails the build at the configured {@code failOn}. */
  boolean fails(Finding f) {
    return f.diagnostic().severity().compareTo(failOn) <= 0;
  }

  /**
   * Prints every finding (errors as Maven errors, warnings as warnings, info as info when
   * {@code failOn} is {@code info}, else only with {@code -X}) and a summary line, then fails
   * when a finding is at or above {@code failOn}.
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
    log.info(plural(count(reports, Severity.ERROR), "error") + ", " + plural(count(reports, Severity.WARNING), "warning")
        + ", " + plural(count(reports, Severity.INFO), "info") + " in " + plural(reports.size(), "stack file") + " " + what);
    if (first != null) {
      String counted = failOn == Severity.ERROR ? plural(failing, "error")
          : plural(failing, "diagnostic") + " at or above " + failOn.label();
      throw new MojoFailureException(counted + " in " + failingFiles + " of " + plural(reports.size(), "stack file")
          + " " + what + "; the first: " + first.describe().replace("\n  ", " (") + (first.diagnostic().hint().isEmpty() ? "" : ")"));
    }
  }

  private void print(Finding f, Log log) {
    for (String line : f.describe().split("\n")) {
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
    return reports.stream().flatMap(r -> r.findings().stream()).filter(f -> f.diagnostic().severity() == s).count();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }
}
