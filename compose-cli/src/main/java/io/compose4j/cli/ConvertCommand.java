package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.yaml.ComposeLoader;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SwarmConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code compose4j convert --to swarm}: one stack file docker stack deploy accepts, from a Compose
 * project.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Write one stack file docker stack deploy accepts, from a Compose project.",
      "",
      "The project is loaded like docker compose does: several files merged in order, include, extends, profiles, "
          + ".env. What Swarm cannot express is rewritten or left out with a diagnostic on stderr, never silently. "
          + "Exit 0 on success, 2 if a file cannot be read or parsed."
    })
final class ConvertCommand implements Callable<Integer> {
  @Option(
      names = "--to",
      paramLabel = "swarm",
      defaultValue = "swarm",
      description = "The target format (swarm).")
  String to = "swarm";

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      split = ",",
      description =
          "Activate a profile (repeatable; '*' activates all). Services without profiles are always active.")
  List<String> profiles = new ArrayList<>();

  @Mixin EnvFileOptions envFiles = new EnvFileOptions();

  @Option(
      names = "--project-directory",
      paramLabel = "DIR",
      description =
          "The folder relative paths and .env are relative to (default: the first file's).")
  Path projectDirectory;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the stack file here instead of stdout.")
  Path output;

  @Option(
      names = "--quiet",
      description = "Show warnings only, not the info diagnostics about what was rewritten.")
  boolean quiet;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "The Compose files, in override order.")
  List<Path> files;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter out = main.out;
    PrintWriter err = main.err;
    if (!to.equals("swarm")) {
      err.println("compose4j convert: --to " + to + " is not a target; use --to swarm");
      return Main.EXIT_UNREADABLE;
    }
    if (files.stream().anyMatch(f -> f.toString().equals("-"))) {
      // a Compose project is files in a folder (.env, include, extends, relative paths): no stdin
      err.println(
          "compose4j convert: '-' (standard input) is not supported: a Compose project is read from its "
              + "files; save it to a file in the project's folder");
      return Main.EXIT_UNREADABLE;
    }
    try {
      ComposeLoader loader =
          ComposeLoader.create().withEnvironment(main.environment).withProfiles(profiles);
      if (!envFiles.envFiles.isEmpty()) {
        loader = loader.withEnvFiles(envFiles.envFiles);
      }
      if (projectDirectory != null) {
        loader = loader.withProjectDirectory(projectDirectory);
      }
      ReadResult read = loader.load(files);
      Path dir =
          projectDirectory != null ? projectDirectory : files.get(0).toAbsolutePath().getParent();
      SwarmConverter converter = SwarmConverter.create(dir);
      if (output != null) {
        converter = converter.writtenTo(output.toAbsolutePath().getParent());
      }
      SwarmConverter.Result result = converter.convert(read.stack());
      List<Diagnostic> diagnostics = new ArrayList<>(read.warnings());
      diagnostics.addAll(result.diagnostics());
      for (Diagnostic d : diagnostics) {
        if (!quiet || d.severity() != Severity.INFO) {
          err.println(read.positionOf(d.path()).describe(d));
        }
      }
      if (output != null) {
        Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
      } else {
        out.print(result.yaml());
        out.flush();
      }
      return 0;
    } catch (ComposeReadException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    } catch (IOException e) {
      err.println("compose4j convert: cannot write " + output + ": " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
  }
}
