package io.compose4j.cli;

import io.compose4j.model.Config;
import io.compose4j.model.Secret;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Turns the FILE arguments of a command into the stack files it reads.
 *
 * <ul>
 *   <li>{@code -} is standard input, named {@code <stdin>} in diagnostics, with paths relative to
 *       the working directory.
 *   <li>A folder stands for the stack files under it. The rule: every {@code *.yml} and {@code
 *       *.yaml} file in it and its subfolders, except hidden files and folders (a name starting
 *       with a dot: {@code .git}, {@code .github}, {@code .compose4j.yml}), files whose top level
 *       has no {@code services} key (other YAML: CI workflows, Kubernetes manifests, application
 *       settings), files that a stack under the folder names as the {@code file} of a config or
 *       secret, and files matched by an exclude glob. A file that is not valid YAML is kept, so its
 *       error is reported rather than the file skipped silently. A folder without any stack file is
 *       an error.
 *   <li>A file named explicitly is read as a stack file unless the project configuration excludes
 *       it.
 * </ul>
 */
final class Inputs {
  /** The name of standard input in diagnostics. */
  static final String STDIN = "<stdin>";

  /**
   * One stack file to read: a file, or standard input ({@code path} null, {@code content} set);
   * {@code fromFolder} when a folder argument stood for it.
   */
  @SuppressWarnings("ArrayRecordComponent") // standard input's bytes; inputs are never compared
  record Input(String name, @Nullable Path path, byte @Nullable [] content, boolean fromFolder) {
    boolean isStdin() {
      return path == null;
    }

    /** Returns the folder relative paths in this input are resolved against. */
    Path baseDir(Path workingDir) {
      return path == null ? workingDir.toAbsolutePath() : path.toAbsolutePath().getParent();
    }

    /** Reads this input with a reader. */
    ReadResult read(ComposeReader reader) {
      return path == null ? reader.read(content, STDIN) : reader.read(path);
    }
  }

  private Inputs() {}

  /**
   * Expands the FILE arguments.
   *
   * @param cliExcludes globs relative to a folder argument ({@code --exclude})
   * @throws CliException when {@code -} is given twice or a folder holds no stack file
   */
  static List<Input> expand(
      List<Path> args,
      ProjectConfig config,
      List<String> cliExcludes,
      InputStream stdin,
      Map<String, String> env) {
    List<Input> out = new ArrayList<>();
    boolean stdinUsed = false;
    for (Path arg : args) {
      if (arg.toString().equals("-")) {
        if (stdinUsed) {
          throw new CliException("compose4j: '-' (standard input) can be given only once");
        }
        stdinUsed = true;
        out.add(new Input(STDIN, null, readAll(stdin), false));
      } else if (Files.isDirectory(arg)) {
        List<Path> found = stackFilesUnder(arg, config, cliExcludes, env);
        if (found.isEmpty()) {
          throw new CliException(
              arg
                  + ": error: no stack files in this folder (a stack file is a *.yml or *.yaml "
                  + "file with a top-level 'services' key) [input]\n  hint: name the files, or check the exclude globs");
        }
        found.forEach(p -> out.add(new Input(p.toString(), p, null, true)));
      } else if (!config.excludes(arg)) {
        out.add(new Input(arg.toString(), arg, null, false));
      }
    }
    return out;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CliException(
          "<stdin>: error: cannot read standard input: " + e.getMessage() + " [input]");
    }
  }

  /** Returns the stack files under a folder by the rule in the class comment, sorted. */
  static List<Path> stackFilesUnder(
      Path dir, ProjectConfig config, List<String> cliExcludes, Map<String, String> env) {
    List<PathMatcher> excludes =
        cliExcludes.stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
            .toList();
    List<Path> candidates = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return !d.equals(dir) && hidden(d)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String name = f.getFileName().toString();
              if (attrs.isRegularFile()
                  && !hidden(f)
                  && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
                Path rel = dir.relativize(f);
                if (excludes.stream().noneMatch(m -> m.matches(rel)) && !config.excludes(f)) {
                  candidates.add(f.normalize()); // ./deploy/a.yml is named deploy/a.yml
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> stacks = candidates.stream().filter(Inputs::hasServicesKey).sorted().toList();
    Set<Path> referenced = new HashSet<>();
    for (Path stack : stacks) {
      referenced.addAll(referencedFiles(stack, env));
    }
    return stacks.stream()
        .filter(p -> !referenced.contains(p.toAbsolutePath().normalize()))
        .toList();
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }

  /**
   * Returns whether the first YAML document of a file is a mapping with a top-level {@code
   * services} key, reading only parser events; true as well for a file that is not valid YAML.
   */
  static boolean hasServicesKey(Path file) {
    LoaderOptions options = new LoaderOptions();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Iterator<Event> events = new Yaml(options).parse(reader).iterator();
      int depth = 0;
      boolean atKey = true;
      while (events.hasNext()) {
        Event e = events.next();
        if (e instanceof CollectionStartEvent) {
          if (depth == 0 && !(e instanceof MappingStartEvent)) {
            return false;
          }
          depth++;
        } else if (e instanceof CollectionEndEvent) {
          depth--;
          if (depth == 0) {
            return false;
          }
          if (depth == 1) {
            atKey = true;
          }
        } else if (depth == 1 && (e instanceof ScalarEvent || e.is(Event.ID.Alias))) {
          if (atKey && e instanceof ScalarEvent s && s.getValue().equals("services")) {
            return true;
          }
          atKey = !atKey;
        } else if (depth == 0 && e instanceof ScalarEvent) {
          return false;
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    } catch (RuntimeException e) {
      // not valid YAML (or not UTF-8): keep it, so the reader reports where and why
      return true;
    }
  }

  /**
   * Returns the absolute paths a stack names as the file of a config or secret; empty if it cannot
   * be read.
   */
  private static Set<Path> referencedFiles(Path stack, Map<String, String> env) {
    Path base = stack.toAbsolutePath().getParent();
    Set<Path> out = new HashSet<>();
    try {
      ReadResult read = ComposeReader.create().withEnvironment(env).withBaseDir(base).read(stack);
      for (Config c : read.stack().configs().values()) {
        c.file().ifPresent(f -> out.add(base.resolve(f).normalize()));
      }
      for (Secret s : read.stack().secrets().values()) {
        s.file().ifPresent(f -> out.add(base.resolve(f).normalize()));
      }
    } catch (RuntimeException e) {
      // the file is reported when it is validated
    }
    return out;
  }
}
