package io.compose4j.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code compose4j} command. Exit codes: 0 success, 1 validation errors, 2 unreadable input or
 * bad usage.
 */
@Command(
    name = "compose4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Canonical YAML, Swarm validation and Compose-to-Swarm conversion for Docker Compose and Swarm stack files.",
    subcommands = {
      FmtCommand.class,
      ValidateCommand.class,
      ConvertCommand.class,
      PlanCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class Main implements Runnable {
  /** Exit code for files that cannot be read or parsed, and for bad usage. */
  static final int EXIT_UNREADABLE = 2;

  /** Exit code for a bug in compose4j itself (EX_SOFTWARE). */
  static final int EXIT_INTERNAL = 70;

  @Spec CommandSpec spec;

  /** Set by {@code --debug} on any command: internal errors show their stack traces. */
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of internal errors.")
  boolean debug;

  /** The process environment the commands interpolate from. */
  Map<String, String> environment = Map.of();

  /** What {@code -} reads. */
  InputStream stdin = InputStream.nullInputStream();

  /** Where {@code .compose4j.yml} is looked for first (then in each parent folder). */
  Path workingDir = Path.of("");

  /**
   * Whether output may be coloured: standard output is a terminal and {@code NO_COLOR} is not set.
   */
  boolean colour;

  /** Where the commands write their results (UTF-8). */
  PrintWriter out = new PrintWriter(Writer.nullWriter());

  /** Where the commands write their diagnostics and errors (UTF-8). */
  PrintWriter err = new PrintWriter(Writer.nullWriter());

  /**
   * Runs the command line and ends the process with its code.
   *
   * <p>The process ends with {@link Runtime#halt}, after the output is flushed, not with {@link
   * System#exit}: on newer Javas (25 here, not 17) {@code System.exit} asks {@link
   * System#getLogger} whether to log the exit, which starts the platform's logger finder, about 15
   * ms of a run that takes 0.1 s (Java 25, ten services). The command line registers no shutdown
   * hooks and leaves no work behind (files are written and closed before {@code run} returns). The
   * JVM's own work at exit still runs: halting writes the start-up cache the launcher's first run
   * records.
   */
  public static void main(String[] args) {
    int code =
        run(
            args,
            System.in,
            utf8(System.out),
            utf8(System.err),
            System.getenv(),
            Path.of(""),
            isTerminal());
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }

  /**
   * Returns whether standard input and output are a terminal (Java 22+ asks {@code
   * Console.isTerminal()}).
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is for Java 17 to 21; 22+ is asked below
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17 to 21: a console exists only on a terminal
    }
  }

  /**
   * Returns whether the environment asks for no colour (https://no-color.org: NO_COLOR set and not
   * empty).
   */
  static boolean noColor(Map<String, String> environment) {
    String v = environment.get("NO_COLOR");
    return v != null && !v.isEmpty();
  }

  /**
   * Runs the command line with the given streams and returns the exit code (for tests and
   * embedding).
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given streams and process environment (used for interpolation)
   * and returns the exit code.
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    return run(args, InputStream.nullInputStream(), out, err, environment, Path.of(""), false);
  }

  /**
   * Runs the command line with everything from outside given: standard input (for {@code -}), the
   * output streams, the process environment, the working directory {@code .compose4j.yml} is looked
   * for from, and whether standard output is a terminal (colour); returns the exit code.
   */
  public static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> environment,
      Path workingDir,
      boolean terminal) {
    return run(args, in, out, err, environment, workingDir, terminal, true);
  }

  /**
   * As above; {@code quick} false hands every command line to picocli (tests compare the two
   * parsers).
   */
  static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> environment,
      Path workingDir,
      boolean terminal,
      boolean quick) {
    Main main = new Main();
    main.environment = Map.copyOf(environment);
    main.stdin = in;
    main.workingDir = workingDir;
    main.colour = terminal && !noColor(environment);
    // UTF-8 like every other output of the CLI (main wraps System.out and System.err in utf8)
    main.out = new PrintWriter(out, true, StandardCharsets.UTF_8);
    main.err = new PrintWriter(err, true, StandardCharsets.UTF_8);
    int code;
    try {
      QuickArgs.Parsed parsed = quick ? QuickArgs.parse(main, args) : null;
      code = parsed != null ? runQuick(main, parsed) : runPicocli(main, args);
    } finally {
      CURRENT_FILE.remove();
    }
    main.out.flush(); // and so out and err underneath
    main.err.flush();
    return code;
  }

  /**
   * Runs a command line {@link QuickArgs} parsed: the command, with what picocli's execution would
   * do around it (internal errors and resource exhaustion reported the same way).
   */
  private static int runQuick(Main main, QuickArgs.Parsed quick) {
    try {
      return quick.command().call();
    } catch (OutOfMemoryError | StackOverflowError e) {
      return exhausted(e, quick.firstFile(), main.err, main.debug);
    } catch (Exception e) {
      return internalError(e, main);
    }
  }

  /** Runs a command line with picocli: help, version, completion, usage errors, every option. */
  private static int runPicocli(Main main, String[] args) {
    CommandLine cmd = new CommandLine(main);
    cmd.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            main.colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    cmd.setOut(main.out);
    cmd.setErr(main.err);
    cmd.setExecutionExceptionHandler((ex, line, parse) -> internalError(ex, main));
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          main.err.println("compose4j: " + ex.getMessage());
          main.err.println(
              "Try 'compose4j "
                  + (ex.getCommandLine().getCommandName().equals("compose4j")
                      ? ""
                      : ex.getCommandLine().getCommandName() + " ")
                  + "--help' for usage.");
          return EXIT_UNREADABLE;
        });
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return exhausted(e, firstFile(cmd.getParseResult()), main.err, main.debug);
    }
  }

  /** Reports an exception no command handled: a bug in compose4j (exit 70). */
  private static int internalError(Exception ex, Main main) {
    main.err.println(
        "compose4j: internal error: " + ex + (main.debug ? "" : " (run with --debug for details)"));
    if (main.debug) {
      ex.printStackTrace(main.err);
    }
    return EXIT_INTERNAL;
  }

  /** The file a command is reading, for the one-line report of resource exhaustion. */
  static final ThreadLocal<String> CURRENT_FILE = new ThreadLocal<>();

  /**
   * Reports running out of heap or stack as one line, {@code FILE: error: ...}, with exit 2 (the
   * input is what is too large), and the stack trace only with {@code --debug}.
   */
  private static int exhausted(Error e, String firstFile, PrintWriter err, boolean debug) {
    String file = CURRENT_FILE.get();
    if (file == null) {
      file = firstFile;
    }
    String what =
        e instanceof OutOfMemoryError
            ? "the file is too large for the available memory; give Java more heap (for example JDK_JAVA_OPTIONS=-Xmx2g) or split the file"
            : "the file is nested too deeply for the available stack; give Java a larger stack (for example JDK_JAVA_OPTIONS=-Xss16m)";
    err.println(file + ": error: " + what + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return EXIT_UNREADABLE;
  }

  private static String firstFile(ParseResult parsed) {
    ParseResult sub = parsed == null ? null : parsed.subcommand();
    if (sub != null) {
      for (PositionalParamSpec p : sub.matchedPositionals()) {
        if (p.getValue() instanceof List<?> values && !values.isEmpty()) {
          return String.valueOf(values.get(0));
        }
      }
    }
    return "compose4j";
  }

  static PrintStream utf8(PrintStream stream) {
    return new PrintStream(stream, true, StandardCharsets.UTF_8);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"compose4j " + (v == null ? "development build" : v)};
    }
  }
}
