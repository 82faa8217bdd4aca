package io.compose4j.cli;

import io.compose4j.yaml.EnvFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --env-file} option of every command that interpolates variables. */
final class EnvFileOptions {
  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description =
          "Read variables for interpolation from FILE (the process environment wins over it; convert reads "
              + "them instead of the project's .env). Repeatable.")
  List<Path> envFiles = List.of();

  /** Returns the interpolation environment: env files in order, then the process environment. */
  Map<String, String> environment(Map<String, String> process) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Path f : envFiles) {
      env.putAll(EnvFiles.read(f, v -> process.containsKey(v) ? process.get(v) : env.get(v)));
    }
    env.putAll(process);
    return env;
  }
}
