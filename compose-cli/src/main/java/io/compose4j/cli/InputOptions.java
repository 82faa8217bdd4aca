package io.compose4j.cli;

import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.yaml.ComposeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by the commands that read stack files. */
final class InputOptions {
  @Option(
      names = "--target",
      paramLabel = "swarm|compose",
      converter = TargetConverter.class,
      description =
          "What the file is for: swarm (docker stack deploy, the default) or compose (the Compose "
              + "Specification). Default: the target of .compose4j.yml, else swarm.")
  @Nullable Target target;

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "Skip files under a FILE folder whose path relative to it matches GLOB (e.g. 'legacy/**'). Repeatable.")
  List<String> excludes = List.of();

  @Mixin EnvFileOptions envFiles = new EnvFileOptions();

  /** Returns the interpolation environment: env files in order, then the process environment. */
  Map<String, String> environment(Map<String, String> process) {
    return envFiles.environment(process);
  }

  /** Returns the target: {@code --target}, else the project configuration's, else swarm. */
  Target target(ProjectConfig config) {
    return target != null ? target : config.target().orElse(Target.SWARM);
  }

  /**
   * Returns a reader for one input: the environment above, paths relative to the file's folder
   * (standard input: the working directory).
   */
  ComposeReader readerFor(Inputs.Input input, Map<String, String> env, Path workingDir) {
    Main.CURRENT_FILE.set(input.name());
    return ComposeReader.create().withEnvironment(env).withBaseDir(input.baseDir(workingDir));
  }

  /**
   * Returns an input as a source for {@link FileCheck}: read with the check's environment, paths
   * relative to the file's folder (standard input: the working directory).
   */
  FileCheck.Source source(Inputs.Input input, Path workingDir) {
    return FileCheck.Source.of(
        input.name(),
        input.baseDir(workingDir),
        reader -> {
          Main.CURRENT_FILE.set(input.name());
          return input.read(reader);
        });
  }

  static final class TargetConverter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      try {
        return Target.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a target; use swarm or compose");
      }
    }
  }
}
