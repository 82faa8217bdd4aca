package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Service;
import io.compose4j.yaml.ComposeLoader;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SourcePosition;
import io.compose4j.yaml.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compose4j fmt}: prints the canonical YAML of a stack file. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = {
        "Print the canonical YAML of stack files on stdout.",
        "",
        "Several files are merged in order with the Compose override rules (include and extends resolved, every profile "
            + "kept). Variables are interpolated from the environment and --env-file; relative paths are resolved "
            + "against the file's folder. Exit 0 on success, 2 if a file cannot be read or parsed.",
        "",
        "With --no-interpolate, ${VAR}, $VAR and $$ are kept as written (to edit a file in place and keep its "
            + "variables for deploy time); a key that needs a typed value (replicas, a boolean, a duration, a port "
            + "number) cannot hold a variable then, and is reported as an error."})
final class FmtCommand implements Callable<Integer> {
  @Mixin
  InputOptions options;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The stack file, or several to merge in order.")
  List<Path> files;

  @picocli.CommandLine.Option(names = "--no-interpolate",
      description = "Keep ${VAR}, $VAR and $$ as written instead of substituting them (one file only).")
  boolean noInterpolate;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand
  Main main;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = files.get(0);
    if (noInterpolate && files.size() > 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--no-interpolate reads one file: merging several files needs the values of their variables");
    }
    try {
      Map<String, String> env = options.environment(main.environment);
      // several files are one project, merged in order with the Compose override rules
      ReadResult read = noInterpolate ? options.readerFor(file, env).keepingVariables().read(file)
          : files.size() == 1 ? options.readerFor(file, env).read(file)
          : ComposeLoader.create().withEnvironment(env).withProfiles(List.of("*")).load(files);
      checkEnvFiles(read, file);
      WriteResult written = ComposeWriter.forTarget(options.target).render(read.stack());
      for (Diagnostic d : read.warnings()) {
        err.println(Diagnostics.line(read, d));
      }
      for (Diagnostic d : written.warnings()) {
        err.println(Diagnostics.line(read, d));
      }
      out.print(written.yaml());
      out.flush();
      return 0;
    } catch (ComposeReadException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
  }

  /** Fails like Docker when an env_file does not exist next to the stack file. */
  static void checkEnvFiles(ReadResult read, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    for (Map.Entry<String, Service> e : read.stack().services().entrySet()) {
      int i = 0;
      for (EnvFile f : e.getValue().envFile()) {
        String path = "services." + e.getKey() + ".env_file";
        Path resolved = dir.resolve(f.path());
        if (f.required().orElse(true) && !Files.isRegularFile(resolved)) {
          SourcePosition pos = read.positionOf(path);
          throw new ComposeReadException(read.file(), pos.line(), pos.column(), path + "[" + i + "]",
              "env_file " + f.path() + " does not exist (looked for " + resolved.normalize()
                  + "); create it or remove the entry");
        }
        i++;
      }
    }
  }
}
