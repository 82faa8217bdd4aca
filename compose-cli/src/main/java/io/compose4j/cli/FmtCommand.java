package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.yaml.ComposeLoader;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import io.compose4j.yaml.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code compose4j fmt}: prints the canonical YAML of a stack file, or checks or rewrites files in
 * place.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Print the canonical YAML of stack files on stdout, or check or rewrite them in place.",
      "",
      "Several files are merged in order with the Compose override rules (include and extends resolved, every profile "
          + "kept). Variables are interpolated from the environment and --env-file; relative paths are resolved "
          + "against the file's folder. '-' reads standard input. Exit 0 on success, 2 if a file cannot be read or "
          + "parsed.",
      "",
      "--check and --write take each file (or each stack file under a folder) on its own. --check prints the names "
          + "of the files that are not in canonical form and exits 1 if there is one; --write replaces them "
          + "atomically with their canonical form and prints their names. A file with comments or variable "
          + "references, or with keys the target's format leaves out, is refused (exit 2) rather than rewritten "
          + "with them lost; with --no-interpolate, variable references are kept as written instead.",
      "",
      "With --no-interpolate, ${VAR}, $VAR and $$ are kept as written (to edit a file in place and keep its "
          + "variables for deploy time); a key that needs a typed value (replicas, a boolean, a duration, a port "
          + "number) cannot hold a variable then, and is reported as an error."
    })
final class FmtCommand implements Callable<Integer> {
  /** Exit code of {@code --check} when a file is not in canonical form. */
  static final int EXIT_WOULD_CHANGE = 1;

  @Mixin InputOptions options;

  @Option(
      names = "--check",
      description = "Print the names of files not in canonical form; exit 1 if there is one.")
  boolean check;

  @Option(
      names = "--write",
      description = "Replace files not in canonical form with their canonical form (atomically).")
  boolean write;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "The stack file, or several to merge in order; '-' is standard input. With --check or --write: "
              + "files and folders, each file on its own.")
  List<Path> files;

  @Option(
      names = "--no-interpolate",
      description =
          "Keep ${VAR}, $VAR and $$ as written instead of substituting them (one file, or each file on its own).")
  boolean noInterpolate;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter err = main.err;
    try {
      ProjectConfig config = ProjectConfig.find(main.workingDir);
      if (check && write) {
        throw new CliException("compose4j fmt: use --check or --write, not both");
      }
      return check || write ? inPlace(config) : print(config);
    } catch (CliException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    } catch (ComposeReadException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
  }

  private int print(ProjectConfig config) {
    PrintWriter out = main.out;
    PrintWriter err = main.err;
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        throw new CliException(
            f
                + ": error: is a folder; fmt prints one stack [input]\n"
                + "  hint: name the files, or use fmt --check or --write, which take folders");
      }
    }
    Target target = options.target(config);
    Map<String, String> env = options.environment(main.environment);
    List<Inputs.Input> inputs =
        Inputs.expand(files, ProjectConfig.NONE, List.of(), main.stdin, env);
    ReadResult read;
    if (noInterpolate && inputs.size() > 1) {
      throw new CliException(
          "compose4j fmt: --no-interpolate reads one file: merging several files needs the values "
              + "of their variables");
    }
    if (inputs.size() == 1) {
      Inputs.Input input = inputs.get(0);
      ComposeReader reader = options.readerFor(input, env, main.workingDir);
      read = input.read(noInterpolate ? reader.keepingVariables() : reader);
      checkEnvFiles(read, input.baseDir(main.workingDir));
    } else {
      if (inputs.stream().anyMatch(Inputs.Input::isStdin)) {
        throw new CliException(
            "compose4j fmt: '-' (standard input) cannot be merged with other files; "
                + "give it alone, or use --check");
      }
      // several files are one project, merged in order with the Compose override rules
      read = ComposeLoader.create().withEnvironment(env).withProfiles(List.of("*")).load(files);
      checkEnvFiles(read, files.get(0).toAbsolutePath().getParent());
    }
    WriteResult written = ComposeWriter.forTarget(target).render(read.stack());
    for (Diagnostic d : read.warnings()) {
      err.println(read.positionOf(d.path()).describe(d));
    }
    for (Diagnostic d : written.warnings()) {
      err.println(read.positionOf(d.path()).describe(d));
    }
    out.print(written.yaml());
    out.flush();
    return 0;
  }

  /**
   * {@code --check} and {@code --write}: each input on its own; refusals are reported and the
   * others still done.
   */
  private int inPlace(ProjectConfig config) {
    PrintWriter out = main.out;
    PrintWriter err = main.err;
    Target target = options.target(config);
    Map<String, String> env = options.environment(main.environment);
    List<Inputs.Input> inputs = Inputs.expand(files, config, options.excludes, main.stdin, env);
    boolean refused = false;
    boolean changed = false;
    for (Inputs.Input input : inputs) {
      try {
        if (write && input.isStdin()) {
          throw new CliException(
              "<stdin>: error: --write cannot replace standard input [fmt]\n"
                  + "  hint: use --check, or 'compose4j fmt -' to print the canonical form");
        }
        byte[] bytes = input.isStdin() ? input.content() : readBytes(input.path());
        String text = new String(bytes, StandardCharsets.UTF_8);
        Optional<String> loss = Rewrite.lossOf(text, input.name(), noInterpolate);
        if (loss.isPresent()) {
          throw new CliException(loss.get());
        }
        ComposeReader reader = options.readerFor(input, env, main.workingDir);
        ReadResult read =
            (noInterpolate ? reader.keepingVariables() : reader).read(bytes, input.name());
        checkEnvFiles(read, input.baseDir(main.workingDir));
        WriteResult written = ComposeWriter.forTarget(target).render(read.stack());
        if (!written.warnings().isEmpty()) {
          Diagnostic d = written.warnings().get(0);
          throw new CliException(
              read.positionOf(d.path())
                  .describe(
                      Diagnostic.error(
                          Rewrite.RULE,
                          d.path(),
                          d.message() + "; the canonical form would leave it out",
                          "fix it first (compose4j validate "
                              + input.name()
                              + "), or use --target compose if the file is for docker compose")));
        }
        for (Diagnostic d : read.warnings()) {
          err.println(read.positionOf(d.path()).describe(d));
        }
        if (!written.yaml().equals(text)) {
          changed = true;
          if (write) {
            Rewrite.replace(input.path(), written.yaml().getBytes(StandardCharsets.UTF_8));
          }
          out.println(input.name());
        }
      } catch (CliException | ComposeReadException e) {
        err.println(e.getMessage());
        refused = true;
      } catch (IOException e) {
        err.println(input.name() + ": error: cannot write the file: " + e.getMessage() + " [fmt]");
        refused = true;
      }
    }
    out.flush();
    if (refused) {
      return Main.EXIT_UNREADABLE;
    }
    return check && changed ? EXIT_WOULD_CHANGE : 0;
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(file + ": error: no such file; check the path [parse]");
    } catch (IOException e) {
      throw new CliException(
          file + ": error: cannot read the file: " + e.getMessage() + " [parse]");
    }
  }

  /** The rule of a missing env_file, which Docker refuses when it loads the stack file. */
  private static final String ENV_FILE_MISSING = "SWARM-MISC-006";

  /**
   * Fails like Docker when an env_file does not exist next to the stack file (rule SWARM-MISC-006).
   */
  static void checkEnvFiles(ReadResult read, Path dir) {
    List<Diagnostic> missing =
        StackValidator.forTarget(Target.SWARM).baseDir(dir).runRule(ENV_FILE_MISSING, read.stack());
    if (!missing.isEmpty()) {
      Diagnostic d = missing.get(0);
      SourcePosition pos = read.positionOf(d.path());
      throw new ComposeReadException(
          read.file(),
          pos.line(),
          pos.column(),
          d.path(),
          d.message() + "; " + d.hint() + " [" + d.ruleId() + "]");
    }
  }
}
