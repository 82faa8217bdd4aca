package io.compose4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The command lines a linter or a pre-commit hook runs — {@code validate}, {@code fmt} or {@code
 * convert} with their options and files — parsed without picocli, which builds its whole command
 * model by reflection on every start (about a third of a short run's time).
 *
 * <p>It parses only what it is sure of and returns {@code null} for everything else, and {@link
 * Main} then hands the same arguments to picocli: help and version options, {@code @}argument
 * files, an unknown or misspelt option, a missing or repeated value, a value that starts with
 * {@code -} or holds a quote, a value a converter refuses, short options run together, {@code
 * generate-completion} and {@code plan}. Every error message and every option therefore stays
 * picocli's, and wherever this class answers, it sets the command's fields to exactly what picocli
 * would ({@code QuickArgsTest} compares the two on thousands of generated command lines).
 */
final class QuickArgs {
  private QuickArgs() {}

  /**
   * A command line parsed: the command to call, and its first file (for the one-line report of
   * resource exhaustion).
   */
  record Parsed(Callable<Integer> command, String firstFile) {}

  /** How an option takes values. */
  private enum Kind {
    /** Not an option of this command (or one left to picocli). */
    UNKNOWN,
    /** A flag: no value, at most once. */
    FLAG,
    /** One value, at most once. */
    ONE,
    /** One value per occurrence, repeatable. */
    MANY,
    /** Repeatable, each value split at commas. */
    MANY_SPLIT
  }

  /**
   * Returns the command {@code args} run with its fields set as picocli would set them, or null
   * when picocli must parse them.
   */
  static @Nullable Parsed parse(Main main, String[] args) {
    int i = 0;
    boolean debug = false;
    if (i < args.length && args[i].equals("--debug")) {
      debug = true;
      i++;
    }
    if (i == args.length) {
      return null;
    }
    String command = args[i++];
    if (!command.equals("validate") && !command.equals("fmt") && !command.equals("convert")) {
      return null;
    }
    Options options = new Options(command);
    List<String> files = new ArrayList<>();
    boolean endOfOptions = false;
    for (; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return null; // an argument file: picocli expands those
      }
      if (endOfOptions || arg.equals("-") || !arg.startsWith("-")) {
        files.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        endOfOptions = true;
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--debug")) {
        if (debug || value != null) {
          return null;
        }
        debug = true;
        continue;
      }
      Kind kind = options.kind(name);
      if (kind == Kind.UNKNOWN || (kind == Kind.FLAG && value != null)) {
        return null; // not an option of this command, or --flag=value
      }
      if (kind != Kind.FLAG && value == null) {
        if (i + 1 == args.length) {
          return null;
        }
        value = args[++i];
      }
      if (value != null
          && (value.startsWith("-") || value.startsWith("@") || value.indexOf('"') >= 0)) {
        return null;
      }
      if (!options.add(kind, options.canonical(name), value)) {
        return null;
      }
    }
    if (files.isEmpty()) {
      return null; // picocli says which parameter is missing
    }
    Callable<Integer> callable;
    try {
      callable = options.command(main, paths(files));
    } catch (RuntimeException e) {
      return null; // a value a converter refuses, a path the file system cannot name
    }
    main.debug = debug;
    return new Parsed(callable, files.get(0));
  }

  private static List<Path> paths(List<String> names) {
    List<Path> paths = new ArrayList<>(names.size());
    for (String name : names) {
      paths.add(Path.of(name));
    }
    return paths;
  }

  /** The options of one command as written, then set on a new command object. */
  private static final class Options {
    private final String command;

    /** The values given for each option (by its long name), in order; none for a flag. */
    private final Map<String, List<String>> values = new HashMap<>();

    Options(String command) {
      this.command = command;
    }

    Kind kind(String name) {
      if (name.equals("--env-file")) {
        return Kind.MANY; // every one of the three commands has it
      }
      return switch (command) {
        case "validate" ->
            switch (name) {
              case "--info", "-q", "--quiet", "--separate-stacks" -> Kind.FLAG;
              case "--target", "--format", "--stack-name", "--fail-on", "--cluster" -> Kind.ONE;
              case "--exclude" -> Kind.MANY;
              case "--suppress" -> Kind.MANY_SPLIT;
              default -> Kind.UNKNOWN;
            };
        case "fmt" ->
            switch (name) {
              case "--check", "--write", "--no-interpolate" -> Kind.FLAG;
              case "--target" -> Kind.ONE;
              case "--exclude" -> Kind.MANY;
              default -> Kind.UNKNOWN;
            };
        default ->
            switch (name) {
              case "--quiet" -> Kind.FLAG;
              case "--to", "--project-directory", "-o", "--output" -> Kind.ONE;
              case "--profile" -> Kind.MANY_SPLIT;
              default -> Kind.UNKNOWN;
            };
      };
    }

    /** The option's long name (the one its values are collected under). */
    String canonical(String name) {
      return switch (name) {
        case "-q" -> "--quiet";
        case "-o" -> "--output";
        default -> name;
      };
    }

    /** Adds an occurrence; false when it may not occur again. */
    boolean add(Kind kind, String name, @Nullable String value) {
      List<String> given = values.get(name);
      if (given == null) {
        given = new ArrayList<>();
        values.put(name, given);
      } else if (kind == Kind.FLAG || kind == Kind.ONE) {
        return false;
      }
      if (kind == Kind.MANY_SPLIT) {
        if (value.isEmpty()
            || value.startsWith(",")
            || value.endsWith(",")
            || value.contains(",,")) {
          return false; // empty parts: picocli's splitting decides
        }
        given.addAll(List.of(value.split(",", -1)));
      } else if (kind != Kind.FLAG) {
        given.add(value);
      }
      return true;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    @Nullable String one(String name) {
      List<String> given = values.get(name);
      return given == null ? null : given.get(0);
    }

    List<String> all(String name) {
      return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** Returns the command with these options (a converter throws on a value it refuses). */
    Callable<Integer> command(Main main, List<Path> files) {
      return switch (command) {
        case "validate" -> validate(main, files);
        case "fmt" -> fmt(main, files);
        default -> convert(main, files);
      };
    }

    private ValidateCommand validate(Main main, List<Path> files) {
      ValidateCommand c = new ValidateCommand();
      c.main = main;
      c.options = inputOptions();
      String format = one("--format");
      if (format != null) {
        c.format = new ValidateCommand.FormatConverter().convert(format);
      }
      c.stackName = one("--stack-name");
      if (has("--suppress")) {
        c.suppressed = all("--suppress");
      }
      String failOn = one("--fail-on");
      if (failOn != null) {
        c.failOn = new ValidateCommand.SeverityConverter().convert(failOn);
      }
      c.info = has("--info");
      c.quiet = has("--quiet");
      c.cluster = one("--cluster");
      c.separateStacks = has("--separate-stacks");
      c.files = files;
      return c;
    }

    private FmtCommand fmt(Main main, List<Path> files) {
      FmtCommand c = new FmtCommand();
      c.main = main;
      c.options = inputOptions();
      c.check = has("--check");
      c.write = has("--write");
      c.noInterpolate = has("--no-interpolate");
      c.files = files;
      return c;
    }

    private ConvertCommand convert(Main main, List<Path> files) {
      ConvertCommand c = new ConvertCommand();
      c.main = main;
      String to = one("--to");
      if (to != null) {
        c.to = to;
      }
      c.profiles.addAll(all("--profile"));
      c.envFiles = envFiles();
      String dir = one("--project-directory");
      c.projectDirectory = dir == null ? null : Path.of(dir);
      String output = one("--output");
      c.output = output == null ? null : Path.of(output);
      c.quiet = has("--quiet");
      c.files = files;
      return c;
    }

    private InputOptions inputOptions() {
      InputOptions o = new InputOptions();
      String target = one("--target");
      if (target != null) {
        o.target = new InputOptions.TargetConverter().convert(target);
      }
      if (has("--exclude")) {
        o.excludes = all("--exclude");
      }
      o.envFiles = envFiles();
      return o;
    }

    private EnvFileOptions envFiles() {
      EnvFileOptions e = new EnvFileOptions();
      if (has("--env-file")) {
        e.envFiles = paths(all("--env-file"));
      }
      return e;
    }
  }
}
