package io.compose4j.cli;

import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.validate.ClusterState;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.FileCheck.FileReport;
import io.compose4j.yaml.ComposeReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code compose4j validate}: reports what a Swarm manager (or Compose) would refuse or ignore. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Report what docker stack deploy and a Swarm manager would refuse or ignore.",
      "",
      "Errors: what Docker or the manager refuses, and certain task-time failures. Warnings: what Swarm silently "
          + "ignores or gets wrong. Info (shown with --info): advice. Each file is validated as one stack; with "
          + "several files their versions must also agree. Exit 0 when nothing fails the run (by default: no "
          + "error; see --fail-on), 1 when something does, 2 when a file cannot be read or parsed.",
      "",
      "Options may also come from .compose4j.yml, looked for in the working directory and its parents: target, "
          + "fail-on, suppress and exclude (globs relative to that file's folder)."
    })
final class ValidateCommand implements Callable<Integer> {
  /** Exit code when some file has an error. */
  static final int EXIT_ERRORS = 1;

  /** The output formats. */
  enum Format {
    TEXT,
    JSON,
    SARIF,
    GITHUB,
    JUNIT
  }

  @Mixin InputOptions options;

  @Option(
      names = "--format",
      paramLabel = "text|json|sarif|github|junit",
      defaultValue = "text",
      converter = FormatConverter.class,
      description =
          "Output format: text (FILE:LINE:COL: severity: message [rule], the default), json, sarif (SARIF "
              + "2.1.0), github (GitHub Actions workflow commands: annotations on the pull request) or junit (JUnit XML, "
              + "one test case per file).")
  Format format = Format.TEXT;

  @Option(
      names = "--stack-name",
      paramLabel = "NAME",
      description =
          "The name the stack will be deployed under (docker stack deploy NAME); enables the name-length rules.")
  String stackName;

  @Option(
      names = "--suppress",
      paramLabel = "RULE",
      split = ",",
      description =
          "Do not report this rule (an id from docs/RULES.md, e.g. SWARM-EP-007). Repeatable, or "
              + "comma-separated; added to the suppress list of .compose4j.yml.")
  List<String> suppressed = List.of();

  @Option(
      names = "--fail-on",
      paramLabel = "error|warning|info",
      converter = SeverityConverter.class,
      description =
          "The lowest severity that fails the run (exit 1). Default: the fail-on of .compose4j.yml, else error.")
  @Nullable Severity failOn;

  @Option(
      names = "--info",
      description =
          "Also show info diagnostics (advice) in text and github output; json, "
              + "sarif and junit always include them.")
  boolean info;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Text and github output: show only the diagnostics that fail the "
              + "run (see --fail-on), and no summary line. Nothing is printed when the run passes.")
  boolean quiet;

  @Option(
      names = "--cluster",
      paramLabel = "FILE|docker",
      description =
          "What the swarm has, so that findings that depend on it become certain errors (a constraint no "
              + "node satisfies, a missing external secret): docker reads the swarm manager DOCKER_HOST names (else the "
              + "local engine); FILE is a cluster description as for plan (nodes only).")
  @Nullable String cluster;

  private @Nullable ClusterState clusterState;

  @Option(
      names = "--separate-stacks",
      description =
          "The files are separate stacks (as in a pre-commit hook), not "
              + "the files of one deploy: their versions need not agree. Files found under a folder always are.")
  boolean separateStacks;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "The stack files; '-' is standard input; a folder stands for every stack file under it.")
  List<Path> files;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter err = main.err;
    List<Inputs.Input> inputs;
    ProjectConfig config;
    Map<String, String> env = options.environment(main.environment);
    try {
      config = ProjectConfig.find(main.workingDir);
      config.checkSuppressed(FileCheck::isRule);
      inputs = Inputs.expand(files, config, options.excludes, main.stdin, env);
    } catch (CliException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    for (String id : suppressed) {
      if (!FileCheck.isRule(id)) {
        err.println(
            "compose4j validate: --suppress "
                + id
                + ": no such rule; see docs/RULES.md or 'compose4j validate --help'");
        return Main.EXIT_UNREADABLE;
      }
    }
    List<String> allSuppressed = new ArrayList<>(suppressed);
    allSuppressed.addAll(config.suppress());
    if (cluster != null) {
      try {
        clusterState = ClusterOption.state("validate", cluster, main.environment);
      } catch (CliException e) {
        err.println(e.getMessage());
        return Main.EXIT_UNREADABLE;
      } catch (ComposeReadException e) {
        err.println(e.getMessage());
        return Main.EXIT_UNREADABLE;
      }
      if (!cluster.equals(ClusterOption.DOCKER)) {
        allSuppressed.addAll(ClusterOption.NOT_IN_A_FILE);
      }
    }
    Target target = options.target(config);
    Severity threshold = failOn != null ? failOn : config.failOn().orElse(Severity.ERROR);
    FileCheck check = FileCheck.forTarget(target).environment(env).suppress(allSuppressed);
    if (stackName != null) {
      check = check.stackName(stackName);
    }
    if (clusterState != null) {
      check = check.cluster(clusterState);
    }
    // loops rather than streams: the JDK's stream machinery starts java.lang.invoke, a few
    // milliseconds of a short run (see Rx)
    boolean fromFolder = false;
    for (Inputs.Input input : inputs) {
      fromFolder |= input.fromFolder();
    }
    if (separateStacks || fromFolder) {
      check = check.separateStacks();
    }
    List<FileCheck.Source> sources = new ArrayList<>();
    for (Inputs.Input input : inputs) {
      sources.add(options.source(input, main.workingDir));
    }
    List<FileReport> reports = check.checkSources(sources).files();
    PrintWriter out = main.out;
    // text and github show errors and warnings, info with --info or when info fails the run;
    // --quiet what fails
    Severity shown =
        quiet ? threshold : info || threshold == Severity.INFO ? Severity.INFO : Severity.WARNING;
    switch (format) {
      case TEXT -> ReportFormats.text(reports, shown, main.colour, out);
      case GITHUB -> ReportFormats.github(reports, shown, out);
      case JSON -> ReportFormats.json(reports, out);
      case SARIF -> ReportFormats.sarif(reports, new Main.Version().getVersion()[0], out);
      case JUNIT -> ReportFormats.junit(reports, threshold, out);
    }
    if (!quiet && (format == Format.TEXT || format == Format.GITHUB)) {
      ReportFormats.summary(reports, err);
    }
    out.flush();
    err.flush();
    boolean fails = false;
    for (FileReport r : reports) {
      if (r.unreadable()) {
        return Main.EXIT_UNREADABLE;
      }
      fails |= r.fails(threshold);
    }
    return fails ? EXIT_ERRORS : 0;
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a format; use text, json, sarif, github or junit");
      }
    }
  }

  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      return ProjectConfig.parseSeverity(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not a severity; use error, warning or info"));
    }
  }
}
