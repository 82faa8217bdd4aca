package io.compose4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code compose4j} command. Exit codes: 0 success, 1 validation errors, 2 unreadable input or bad usage. */
@Command(
    name = "compose4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Canonical YAML, Swarm validation and Compose-to-Swarm conversion for Docker Compose and Swarm stack files.",
    subcommands = {FmtCommand.class, ValidateCommand.class, ConvertCommand.class, PlanCommand.class})
public final class Main implements Runnable {
  /** Exit code for files that cannot be read or parsed, and for bad usage. */
  static final int EXIT_UNREADABLE = 2;
  /** Exit code for a bug in compose4j itself (EX_SOFTWARE). */
  static final int EXIT_INTERNAL = 70;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Hibernate Validator logs its version at INFO through java.util.logging when nothing else is
   * configured; a command-line tool keeps stderr for diagnostics. (Held so it is not collected.)
   */
  private static final java.util.logging.Logger HV_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

  static {
    HV_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /** The process environment the commands interpolate from. */
  Map<String, String> environment = Map.of();

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, utf8(System.out), utf8(System.err)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given streams and process environment (used for
   * interpolation) and returns the exit code.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    Main main = new Main();
    main.environment = Map.copyOf(environment);
    CommandLine cmd = new CommandLine(main);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    cmd.setExecutionExceptionHandler((ex, line, parse) -> {
      err.println("compose4j: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        ex.printStackTrace(err);
      }
      return EXIT_INTERNAL;
    });
    cmd.setParameterExceptionHandler((ex, a) -> {
      err.println("compose4j: " + ex.getMessage());
      err.println("Try 'compose4j " + (ex.getCommandLine().getCommandName().equals("compose4j") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help' for usage.");
      return EXIT_UNREADABLE;
    });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
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
