package io.compose4j.validate;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks stack files: reads each, validates it, and reports the reader's findings (such as {@code
 * variable-unset}) with the validator's, each placed at its line and column. This is what {@code
 * compose4j validate}, the Maven plugin and compose-test's {@code StackFolder} and {@code
 * StackAssert} run, so that they report the same findings for the same files.
 *
 * <pre>{@code
 * FileCheck.Report report = FileCheck.forTarget(Target.SWARM).check(List.of(Path.of("stack.yml")));
 * report.findings().forEach(f -> System.out.println(f.describe()));
 * }</pre>
 *
 * <p>A file that cannot be read or parsed gives one error finding of rule {@value #PARSE}. The
 * files of one check are the files of one {@code docker stack deploy -c a -c b}, so their declared
 * versions must agree (SWARM-VER-005), unless {@link #separateStacks()} says otherwise. Suppressed
 * rules are left out of every finding, the reader's and the version check's too. Immutable and
 * thread-safe.
 */
public final class FileCheck {
  /** The rule id of a file that cannot be read or parsed. */
  public static final String PARSE = "parse";

  /** The rule id of the check that the files of one deploy declare the same version. */
  private static final String VERSION_MISMATCH = "SWARM-VER-005";

  /**
   * In a file: by line, then column, then severity (errors first). Written out rather than with
   * {@code Comparator.comparing}: the JDK's comparator factories link lambdas of their own at their
   * first use, which this project's build cannot make classes of (about 1 ms each on Java 17).
   */
  private static final Comparator<Finding> IN_FILE_ORDER =
      (a, b) -> {
        int c = Integer.compare(a.line(), b.line());
        if (c == 0) {
          c = Integer.compare(a.column(), b.column());
        }
        return c != 0 ? c : a.diagnostic().severity().compareTo(b.diagnostic().severity());
      };

  private final StackValidator validator;
  private final Set<String> suppressed;
  private final Map<String, String> environment;
  private final boolean separateStacks;

  private FileCheck(
      StackValidator validator,
      Set<String> suppressed,
      Map<String, String> environment,
      boolean separateStacks) {
    this.validator = validator;
    this.suppressed = suppressed;
    this.environment = environment;
    this.separateStacks = separateStacks;
  }

  /**
   * Returns a check for a target, with an empty interpolation environment and no rule suppressed.
   */
  public static FileCheck forTarget(Target target) {
    return new FileCheck(StackValidator.forTarget(target), Set.of(), Map.of(), false);
  }

  /**
   * Returns whether an id can be suppressed: a rule of docs/RULES.md or a reader's rule ({@link
   * ReadResult#VARIABLE_UNSET}).
   */
  public static boolean isRule(String id) {
    return StackValidator.rule(id).isPresent() || id.equals(ReadResult.VARIABLE_UNSET);
  }

  /** Returns a check that does not report these rules (added to those suppressed already). */
  public FileCheck suppress(Collection<String> ruleIds) {
    Set<String> all = new LinkedHashSet<>(suppressed);
    all.addAll(ruleIds);
    return new FileCheck(
        validator.suppress(ruleIds.toArray(String[]::new)),
        Set.copyOf(all),
        environment,
        separateStacks);
  }

  /** Returns a check that does not report these rules (added to those suppressed already). */
  public FileCheck suppress(String... ruleIds) {
    return suppress(List.of(ruleIds));
  }

  /**
   * Returns a check that knows the stack name {@code docker stack deploy} will use (for the name
   * rules).
   */
  public FileCheck stackName(String name) {
    return new FileCheck(validator.stackName(name), suppressed, environment, separateStacks);
  }

  /** Returns a check that knows which external objects and nodes exist on the cluster. */
  public FileCheck cluster(ClusterState state) {
    return new FileCheck(validator.cluster(state), suppressed, environment, separateStacks);
  }

  /**
   * Returns a check that interpolates variables from this environment when it reads a file itself
   * ({@link Source#of(Path)}); a variable that is not in it is reported as {@code variable-unset}.
   */
  public FileCheck environment(Map<String, String> variables) {
    return new FileCheck(validator, suppressed, Map.copyOf(variables), separateStacks);
  }

  /**
   * Returns a check for files that are separate stacks (the files of a repository, a pre-commit
   * hook), not the files of one deploy: their versions need not agree.
   */
  public FileCheck separateStacks() {
    return new FileCheck(validator, suppressed, environment, true);
  }

  /** Reads and checks these files, each relative to its own folder. */
  public Report check(List<Path> files) {
    return checkSources(files.stream().map(Source::of).toList());
  }

  /** Reads and checks these sources, in order. */
  public Report checkSources(List<Source> sources) {
    List<FileReport> reports = new ArrayList<>();
    List<@Nullable ReadResult> reads = new ArrayList<>();
    for (Source source : sources) {
      ReadResult read;
      try {
        read =
            source
                .reading()
                .read(
                    ComposeReader.create()
                        .withEnvironment(environment)
                        .withBaseDir(source.baseDir()));
      } catch (ComposeReadException e) {
        Diagnostic d = Diagnostic.error(PARSE, e.path(), e.reason(), "");
        reads.add(null);
        reports.add(
            new FileReport(
                source.name(),
                List.of(
                    new Finding(
                        d,
                        source.name(),
                        e.hasPosition() ? e.line() : 0,
                        e.hasPosition() ? e.column() : 0)),
                true));
        continue;
      } catch (IOException e) {
        Diagnostic d = Diagnostic.error(PARSE, "", "cannot read the file: " + e, "");
        reads.add(null);
        reports.add(
            new FileReport(source.name(), List.of(new Finding(d, source.name(), 0, 0)), true));
        continue;
      }
      reads.add(read);
      reports.add(check(read, source.baseDir(), source.more()));
    }
    if (!separateStacks) {
      addVersionMismatches(reports, reads);
    }
    return new Report(reports);
  }

  /**
   * Checks a stack already read, with paths relative to {@code baseDir}, and places these further
   * findings about it (by YAML path, such as the writer's warnings for a generated file) too.
   */
  public FileReport check(ReadResult read, Path baseDir, List<Diagnostic> more) {
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic d : validate(read, baseDir, more).diagnostics()) {
      findings.add(place(read, d));
    }
    findings.sort(IN_FILE_ORDER);
    return new FileReport(read.file(), List.copyOf(findings), false);
  }

  /**
   * Validates a stack already read, with paths relative to {@code baseDir} (or none when {@code
   * null}): the report has the reader's findings and the validator's, suppression applied.
   */
  public ValidationReport validate(ReadResult read, @Nullable Path baseDir) {
    return validate(read, baseDir, List.of());
  }

  private ValidationReport validate(
      ReadResult read, @Nullable Path baseDir, List<Diagnostic> more) {
    List<Diagnostic> notValidated = new ArrayList<>(read.warnings());
    notValidated.addAll(more);
    StackValidator v = baseDir == null ? validator : validator.baseDir(baseDir);
    return v.validate(read.stack(), read.facts(), notValidated);
  }

  private static Finding place(ReadResult read, Diagnostic d) {
    SourcePosition p = read.positionOf(d.path());
    return new Finding(d, read.file(), p.line(), p.column());
  }

  /**
   * {@code docker stack deploy -c a -c b} refuses files that declare different versions
   * (SWARM-VER-005).
   */
  private void addVersionMismatches(List<FileReport> reports, List<@Nullable ReadResult> reads) {
    ReadResult first = reads.isEmpty() ? null : reads.get(0);
    if (reads.size() < 2 || first == null || suppressed.contains(VERSION_MISMATCH)) {
      return;
    }
    String firstVersion = first.stack().version().orElse(null);
    for (int i = 1; i < reads.size(); i++) {
      ReadResult read = reads.get(i);
      if (read == null) {
        continue;
      }
      List<String> versions = new ArrayList<>();
      versions.add(firstVersion);
      versions.add(read.stack().version().orElse(null));
      List<Diagnostic> found =
          StackValidator.versionMismatch(
              versions, List.of(reports.get(0).file(), reports.get(i).file()));
      if (!found.isEmpty()) {
        FileReport r = reports.get(i);
        List<Finding> findings = new ArrayList<>(r.findings());
        found.forEach(d -> findings.add(place(read, d)));
        findings.sort(IN_FILE_ORDER);
        reports.set(i, new FileReport(r.file(), List.copyOf(findings), false));
      }
    }
  }

  /**
   * How a source is read, given a reader with the check's environment and the source's base folder.
   */
  @FunctionalInterface
  public interface Reading {
    /**
     * Reads the source.
     *
     * @throws ComposeReadException when it is not a valid stack file
     * @throws IOException when it cannot be read
     */
    ReadResult read(ComposeReader reader) throws IOException;
  }

  /**
   * One stack file to check.
   *
   * @param name how the file is named in findings
   * @param baseDir the folder relative paths in it are resolved against
   * @param reading how it is read
   * @param more further findings about it, by YAML path (the writer's warnings for a generated
   *     file)
   */
  public record Source(String name, Path baseDir, Reading reading, List<Diagnostic> more) {
    /** Checks the components and copies the list. */
    public Source {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(baseDir, "baseDir");
      Objects.requireNonNull(reading, "reading");
      more = List.copyOf(more);
    }

    /** Returns a file, named as given, with paths relative to its folder. */
    public static Source of(Path file) {
      return new Source(
          file.toString(), file.toAbsolutePath().getParent(), r -> r.read(file), List.of());
    }

    /**
     * Returns a source read in its own way (standard input, a file named otherwise in findings).
     */
    public static Source of(String name, Path baseDir, Reading reading) {
      return new Source(name, baseDir, reading, List.of());
    }

    /** Returns this source with further findings about it, by YAML path. */
    public Source withFindings(List<Diagnostic> findings) {
      return new Source(name, baseDir, reading, findings);
    }
  }

  /**
   * One finding placed in a file.
   *
   * @param diagnostic what was found
   * @param file the file name as given
   * @param line 1-based line, or 0 when the file could not be opened
   * @param column 1-based column, or 0 with line 0
   */
  public record Finding(Diagnostic diagnostic, String file, int line, int column) {
    /**
     * Returns the compiler-style text form, {@code FILE:LINE:COL: severity: message [rule]} and an
     * indented {@code hint:} line when there is a hint ({@code FILE: severity: ...} at line 0).
     */
    public String describe() {
      return new SourcePosition(file, line, column).describe(diagnostic);
    }

    /** Returns whether the finding is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
      return diagnostic.severity().compareTo(threshold) <= 0;
    }
  }

  /**
   * The findings of one file, by line, then column, then severity.
   *
   * @param file the file name as given
   * @param findings the findings
   * @param unreadable whether the file could not be read or parsed (its one finding says why)
   */
  public record FileReport(String file, List<Finding> findings, boolean unreadable) {
    /** Copies the list. */
    public FileReport {
      findings = List.copyOf(findings);
    }

    /**
     * Returns whether a finding is at least as severe as {@code threshold}, or the file is
     * unreadable.
     */
    public boolean fails(Severity threshold) {
      if (unreadable) {
        return true;
      }
      for (Finding f : findings) { // loops, not streams, here and below: see Rx on short runs
        if (f.atLeast(threshold)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The findings of every file checked together.
   *
   * @param files one report per file, in the order the files were given
   */
  public record Report(List<FileReport> files) {
    /** Copies the list. */
    public Report {
      files = List.copyOf(files);
    }

    /**
     * Returns every finding in one order: errors first, then warnings, then info; within a severity
     * by file (in the order given), then line and column.
     */
    public List<Finding> findings() {
      List<Finding> all = new ArrayList<>();
      files.forEach(r -> all.addAll(r.findings()));
      all.sort((a, b) -> a.diagnostic().severity().compareTo(b.diagnostic().severity()));
      return List.copyOf(all);
    }

    /**
     * Returns whether some file has a finding at least as severe as {@code threshold} or is
     * unreadable.
     */
    public boolean fails(Severity threshold) {
      for (FileReport r : files) {
        if (r.fails(threshold)) {
          return true;
        }
      }
      return false;
    }

    /** Returns whether some file could not be read or parsed. */
    public boolean hasUnreadable() {
      for (FileReport r : files) {
        if (r.unreadable()) {
          return true;
        }
      }
      return false;
    }

    /** Returns how many findings have this severity. */
    public long count(Severity severity) {
      long n = 0;
      for (FileReport r : files) {
        for (Finding f : r.findings()) {
          n += f.diagnostic().severity() == severity ? 1 : 0;
        }
      }
      return n;
    }
  }
}
