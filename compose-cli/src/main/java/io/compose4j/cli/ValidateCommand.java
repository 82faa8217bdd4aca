package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compose4j validate}: reports what a Swarm manager (or Compose) would refuse or ignore. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Report what docker stack deploy and a Swarm manager would refuse or ignore.",
        "",
        "Errors: what Docker or the manager refuses, and certain task-time failures. Warnings: what Swarm silently "
            + "ignores or gets wrong. Info (shown with --info): advice. Each file is validated as one stack; with "
            + "several files their versions must also agree. Exit 0 when there is no error (warnings allowed), 1 when "
            + "there is an error, 2 when a file cannot be read or parsed."})
final class ValidateCommand implements Callable<Integer> {
  /** Exit code when some file has an error. */
  static final int EXIT_ERRORS = 1;

  /** The output formats. */
  enum Format {
    TEXT, JSON, SARIF
  }

  @Mixin
  InputOptions options;

  @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text", converter = FormatConverter.class,
      description = "Output format: text (FILE:LINE:COL: severity: message [rule], the default), json or sarif (SARIF 2.1.0).")
  Format format = Format.TEXT;

  @Option(names = "--stack-name", paramLabel = "NAME",
      description = "The name the stack will be deployed under (docker stack deploy NAME); enables the name-length rules.")
  String stackName;

  @Option(names = "--suppress", paramLabel = "RULE", split = ",",
      description = "Do not report this rule (an id from docs/RULES.md, e.g. SWARM-EP-007). Repeatable, or comma-separated.")
  List<String> suppressed = List.of();

  @Option(names = "--info", description = "Also show info diagnostics (advice) in text output; json and sarif always include them.")
  boolean info;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The stack files.")
  List<Path> files;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand
  Main main;

  private static final Comparator<Finding> IN_FILE_ORDER = Comparator.comparingInt(Finding::line)
      .thenComparingInt(Finding::column).thenComparing(f -> f.diagnostic().severity());

  /** One diagnostic placed in a file; {@code line} is 0 when the file could not be opened. */
  record Finding(Diagnostic diagnostic, String file, int line, int column) {}

  /** The findings of one file, in file order. */
  record FileReport(String file, List<Finding> findings, boolean unreadable) {
    boolean hasErrors() {
      return findings.stream().anyMatch(f -> f.diagnostic().severity() == Severity.ERROR);
    }
  }

  @Override
  public Integer call() {
    for (String id : suppressed) {
      if (StackValidator.rule(id).isEmpty() && !id.equals(ReportFormats.VARIABLE_UNSET)) {
        spec.commandLine().getErr().println("compose4j validate: --suppress " + id
            + ": no such rule; see docs/RULES.md or 'compose4j validate --help'");
        return Main.EXIT_UNREADABLE;
      }
    }
    Map<String, String> env = options.environment(main.environment);
    List<FileReport> reports = new ArrayList<>();
    List<ReadResult> reads = new ArrayList<>();
    for (Path file : files) {
      ReadResult read = null;
      FileReport report;
      try {
        read = options.readerFor(file, env).read(file);
        report = validate(file, read);
      } catch (ComposeReadException e) {
        read = null;
        Diagnostic d = Diagnostic.error(ReportFormats.PARSE, e.path(), e.reason(), "");
        report = new FileReport(file.toString(), List.of(new Finding(d, file.toString(), e.hasPosition() ? e.line() : 0, e.hasPosition() ? e.column() : 0)), true);
      }
      reads.add(read);
      reports.add(report);
    }
    addVersionMismatches(reports, reads);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case TEXT -> {
        ReportFormats.text(reports, info, out);
        ReportFormats.summary(reports, spec.commandLine().getErr());
      }
      case JSON -> ReportFormats.json(reports, out);
      case SARIF -> ReportFormats.sarif(reports, new Main.Version().getVersion()[0], out);
    }
    out.flush();
    spec.commandLine().getErr().flush();
    if (reports.stream().anyMatch(FileReport::unreadable)) {
      return Main.EXIT_UNREADABLE;
    }
    return reports.stream().anyMatch(FileReport::hasErrors) ? EXIT_ERRORS : 0;
  }

  private FileReport validate(Path file, ReadResult read) {
    StackValidator validator = StackValidator.forTarget(options.target)
        .baseDir(file.toAbsolutePath().getParent())
        .suppress(suppressed.toArray(String[]::new));
    if (stackName != null) {
      validator = validator.stackName(stackName);
    }
    ValidationReport report = validator.validate(read.stack(), read.facts());
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic d : read.warnings()) {
      if (!suppressed.contains(d.ruleId())) {
        findings.add(place(read, d));
      }
    }
    for (Diagnostic d : report.diagnostics()) {
      findings.add(place(read, d));
    }
    findings.sort(IN_FILE_ORDER);
    return new FileReport(file.toString(), List.copyOf(findings), false);
  }

  private static Finding place(ReadResult read, Diagnostic d) {
    SourcePosition p = Diagnostics.position(read, d);
    return new Finding(d, read.file(), p.line(), p.column());
  }

  /** {@code docker stack deploy -c a -c b} refuses files that declare different versions (SWARM-VER-005). */
  private void addVersionMismatches(List<FileReport> reports, List<ReadResult> reads) {
    if (reads.size() < 2 || reads.get(0) == null || suppressed.contains("SWARM-VER-005")) {
      return;
    }
    String first = reads.get(0).stack().version().orElse(null);
    for (int i = 1; i < reads.size(); i++) {
      ReadResult read = reads.get(i);
      if (read == null) {
        continue;
      }
      List<String> versions = new ArrayList<>();
      versions.add(first);
      versions.add(read.stack().version().orElse(null));
      List<Diagnostic> found = StackValidator.versionMismatch(versions, List.of(reports.get(0).file(), reports.get(i).file()));
      if (!found.isEmpty()) {
        FileReport r = reports.get(i);
        List<Finding> findings = new ArrayList<>(r.findings());
        found.forEach(d -> findings.add(place(read, d)));
        findings.sort(IN_FILE_ORDER);
        reports.set(i, new FileReport(r.file(), List.copyOf(findings), false));
      }
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text, json or sarif");
      }
    }
  }
}
