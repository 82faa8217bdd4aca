package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@link QuickArgs} answers only where it is sure: wherever it parses a command line, picocli
 * parses the same line into the same command with the same field values, and the CLI prints the
 * same output with the same exit code through either parser.
 */
class QuickArgsTest {
  @TempDir Path dir;

  /**
   * Every option name of every command, read from picocli's own model (so a new option is in the
   * generated command lines at once), and which of them are flags.
   */
  private static final Map<String, List<String>> COMMAND_OPTIONS = new TreeMap<>();

  private static final Set<String> FLAGS = new TreeSet<>();

  /** The help and version options (picocli's to answer). */
  private static final Set<String> HELP = new TreeSet<>();

  static {
    CommandLine root = new CommandLine(new Main());
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      List<String> names = new ArrayList<>();
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        for (String name : option.names()) {
          names.add(name);
          if (option.arity().max() == 0) {
            FLAGS.add(name);
          }
          if (option.usageHelp() || option.versionHelp()) {
            HELP.add(name);
          }
        }
      }
      COMMAND_OPTIONS.put(sub.getKey(), List.copyOf(names));
    }
  }

  /**
   * Spellings picocli must be left to handle, or that the quick parser must read as picocli does.
   */
  private static final String[] ODD_OPTIONS = {
    "--",
    "-",
    "-qo",
    "-oq",
    "--info=true",
    "--quiet=false",
    "--format=json",
    "--format=JSON",
    "--format=xml",
    "--format=",
    "--target=compose",
    "--target=Swarm",
    "--suppress=SWARM-EP-007,X",
    "--suppress=,",
    "--exclude=a/**",
    "--env-file=.env",
    "--to=swarm",
    "--to=compose",
    "--profile=a,b",
    "--profile=",
    "-o=out.yml",
    "-oout.yml",
    "--output=o.yml",
    "--fail-on=warning",
    "--fail-on=never",
    "--stack-name=",
    "--cluster=docker",
    "--unknown",
    "-x",
    "--formats",
    "--debug=true"
  };

  private static final String[] VALUES = {
    "json",
    "text",
    "sarif",
    "junit",
    "github",
    "JSON",
    "compose",
    "swarm",
    "error",
    "warning",
    "info",
    "bogus",
    "a,b",
    "a,,b",
    ",",
    "",
    " ",
    "x\\\"y",
    "x\"y",
    "'q'",
    "-x",
    "@args",
    "SWARM-EP-007",
    "a.yml",
    "dir/",
    "-",
    "docker",
    "legacy/**",
    ".env",
    "a=b"
  };

  private static final String[] FILES = {
    "a.yml", "b.yml", "-", "x y.yml", "fmt", "validate", "plan", "dir/", "--", "@a.txt", "./c.yml"
  };

  private static final String[] COMMANDS = {
    "validate", "fmt", "convert", "plan", "generate-completion", "bogus", "help", "--debug"
  };

  @Test
  void picocliAgreesWhereverTheQuickParserAnswers() throws Exception {
    Random random = new Random(20261207);
    int quick = 0;
    int left = 0;
    for (int n = 0; n < Integer.getInteger("quickargs.trials", 6_000); n++) {
      String[] args = n % 2 == 0 ? anyTokens(random) : wellFormed(random);
      Main fast = new Main();
      QuickArgs.Parsed parsed = QuickArgs.parse(fast, args);
      if (parsed == null) {
        left++;
        continue;
      }
      quick++;
      Main slow = new Main();
      ParseResult result;
      try {
        result = new CommandLine(slow).parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(
            "picocli refuses what the quick parser took: " + Arrays.toString(args), e);
      }
      String line = Arrays.toString(args);
      assertThat(result.isUsageHelpRequested() || result.isVersionHelpRequested())
          .as(line)
          .isFalse();
      ParseResult sub = result.subcommand();
      assertThat(sub).as(line).isNotNull();
      assertThat(sub.isUsageHelpRequested() || sub.isVersionHelpRequested()).as(line).isFalse();
      Object expected = sub.commandSpec().userObject();
      assertThat(parsed.command().getClass()).as(line).isEqualTo(expected.getClass());
      assertSameFields(expected, parsed.command(), line);
      assertThat(fast.debug).as(line + " --debug").isEqualTo(slow.debug);
      assertThat(parsed.firstFile()).as(line).isEqualTo(firstFile(args));
    }
    System.out.println("QuickArgsTest: " + quick + " quick, " + left + " left to picocli");
    // both sides are exercised
    assertThat(quick).isGreaterThan(1_000);
    assertThat(left).isGreaterThan(1_000);
  }

  @Test
  void commonCommandLinesTakeTheQuickPath() {
    List<String[]> lines =
        List.of(
            new String[] {"validate", "stack.yml"},
            new String[] {"validate", "--format", "json", "a.yml", "b.yml"},
            new String[] {"validate", "--format=sarif", "--fail-on", "warning", "."},
            new String[] {"validate", "-q", "--separate-stacks", "a.yml", "b.yml"},
            new String[] {"validate", "--suppress", "SWARM-EP-007,SWARM-NET-001", "-"},
            new String[] {"validate", "--stack-name", "shop", "--cluster", "docker", "a.yml"},
            new String[] {"validate", "--target", "compose", "--exclude", "legacy/**", "dir"},
            new String[] {"validate", "--env-file", ".env", "--info", "a.yml"},
            new String[] {"--debug", "validate", "a.yml"},
            new String[] {"validate", "a.yml", "--debug"},
            new String[] {"fmt", "web-stack.yml"},
            new String[] {"fmt", "--check", "."},
            new String[] {"fmt", "--write", "--no-interpolate", "a.yml"},
            new String[] {"fmt", "--", "-odd-name.yml"},
            new String[] {"convert", "-o", "stack.yml", "compose.yml", "compose.prod.yml"},
            new String[] {"convert", "--profile", "a,b", "--project-directory", "..", "c.yml"});
    for (String[] args : lines) {
      assertThat(QuickArgs.parse(new Main(), args)).as(Arrays.toString(args)).isNotNull();
    }
  }

  @Test
  void leavesToPicocliWhatOnlyPicocliShouldAnswer() {
    List<String[]> lines =
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"--version"},
            new String[] {"validate"},
            new String[] {"validate", "--help"},
            new String[] {"validate", "-h", "a.yml"},
            new String[] {"validate", "@args.txt"},
            new String[] {"validate", "--format", "xml", "a.yml"},
            new String[] {"validate", "--format", "json", "--format", "text", "a.yml"},
            new String[] {"validate", "--formats", "json", "a.yml"},
            new String[] {"validate", "--stack-name", "-q", "a.yml"},
            new String[] {"validate", "--info=true", "a.yml"},
            new String[] {"validate", "-qo", "a.yml"},
            new String[] {"validate", "a.yml", "--format"},
            new String[] {"validate", "--suppress", "\"a,b\"", "a.yml"},
            new String[] {"fmt", "--check", "--check", "a.yml"},
            new String[] {"fmt", "--format", "json", "a.yml"},
            new String[] {"convert", "-q", "a.yml"},
            new String[] {"plan", "--cluster", "c.yml", "a.yml"},
            new String[] {"generate-completion"},
            new String[] {"--debug", "--debug", "validate", "a.yml"},
            new String[] {"valid", "a.yml"});
    for (String[] args : lines) {
      assertThat(QuickArgs.parse(new Main(), args)).as(Arrays.toString(args)).isNull();
    }
  }

  @Test
  void theCliPrintsTheSameThroughEitherParser() throws IOException {
    Files.writeString(dir.resolve("canonical.yml"), CliConventionsTest.CANONICAL);
    Files.writeString(dir.resolve("unformatted.yml"), CliConventionsTest.UNFORMATTED);
    Files.writeString(dir.resolve("broken.yml"), CliConventionsTest.BROKEN);
    Files.writeString(dir.resolve("warning.yml"), CliConventionsTest.WARNING_ONLY);
    Files.writeString(dir.resolve("bad.yml"), "services: [\n");
    Files.writeString(dir.resolve(".env"), "TAG=1.25\n");
    String c = dir.resolve("canonical.yml").toString();
    String u = dir.resolve("unformatted.yml").toString();
    String b = dir.resolve("broken.yml").toString();
    String w = dir.resolve("warning.yml").toString();
    String bad = dir.resolve("bad.yml").toString();
    String env = dir.resolve(".env").toString();
    String missing = dir.resolve("missing.yml").toString();
    List<String[]> lines =
        List.of(
            new String[] {"validate", c, u, b, w},
            new String[] {"validate", "--format", "json", b, w},
            new String[] {"validate", "--format=sarif", "--fail-on", "warning", w},
            new String[] {"validate", "--format", "junit", b},
            new String[] {"validate", "--format", "github", "--info", b, w},
            new String[] {"validate", "-q", "--fail-on=warning", w},
            new String[] {"validate", "--suppress", "SWARM-IMG-001,NOPE", w},
            new String[] {"validate", "--suppress", "NOPE", w},
            new String[] {"validate", "--target", "compose", "--stack-name", "shop", c},
            new String[] {"validate", "--separate-stacks", "--env-file", env, c, w},
            new String[] {"validate", bad, missing},
            new String[] {"validate", "--env-file", missing, c},
            new String[] {"validate", dir.toString()},
            new String[] {"--debug", "validate", bad},
            new String[] {"fmt", u},
            new String[] {"fmt", c, u},
            new String[] {"fmt", "--check", c, u},
            new String[] {"fmt", "--check", "--write", u},
            new String[] {"fmt", "--no-interpolate", "--target", "compose", u},
            new String[] {"fmt", bad},
            new String[] {"fmt", missing},
            new String[] {"convert", c},
            new String[] {"convert", "--quiet", "--profile", "a", u},
            new String[] {"convert", "--to", "compose", c},
            new String[] {"convert", "-", c});
    for (String[] args : lines) {
      assertThat(QuickArgs.parse(new Main(), args)).as(Arrays.toString(args)).isNotNull();
      Output quick = run(args, true);
      Output picocli = run(args, false);
      assertThat(quick).as(Arrays.toString(args)).isEqualTo(picocli);
    }
  }

  private record Output(int code, String out, String err) {}

  private Output run(String[] args, boolean quick) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            dir,
            false,
            quick);
    return new Output(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Any tokens from the pools, in any order. */
  private static String[] anyTokens(Random random) {
    List<String> args = new ArrayList<>();
    args.add(pick(random, COMMANDS));
    if (args.get(0).equals("--debug") && random.nextInt(4) > 0) {
      args.add(pick(random, COMMANDS));
    }
    int n = random.nextInt(7);
    for (int i = 0; i < n; i++) {
      args.add(
          switch (random.nextInt(3)) {
            case 0 -> random.nextBoolean() ? pick(random, ODD_OPTIONS) : anyOption(random);
            case 1 -> pick(random, VALUES);
            default -> pick(random, FILES);
          });
    }
    return args.toArray(String[]::new);
  }

  /** A command, some of its options with a value each where they take one, and files. */
  private static String[] wellFormed(Random random) {
    List<String> args = new ArrayList<>();
    if (random.nextInt(8) == 0) {
      args.add("--debug");
    }
    String command = pick(random, new String[] {"validate", "fmt", "convert"});
    args.add(command);
    List<String> options = COMMAND_OPTIONS.get(command);
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      String option = options.get(random.nextInt(options.size()));
      if (HELP.contains(option) && random.nextInt(4) > 0) {
        continue; // now and then only: help stops the parse
      }
      if (FLAGS.contains(option)) {
        args.add(option);
      } else if (random.nextBoolean() && option.startsWith("--")) {
        args.add(option + "=" + pick(random, VALUES));
      } else {
        args.add(option);
        args.add(pick(random, VALUES));
      }
      if (random.nextInt(3) == 0) {
        args.add(pick(random, FILES));
      }
    }
    int files = random.nextInt(3);
    for (int i = 0; i < files; i++) {
      args.add(pick(random, FILES));
    }
    return args.toArray(String[]::new);
  }

  private static String anyOption(Random random) {
    List<List<String>> all = new ArrayList<>(COMMAND_OPTIONS.values());
    List<String> options = all.get(random.nextInt(all.size()));
    return options.get(random.nextInt(options.size()));
  }

  private static String pick(Random random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }

  /** The first positional argument of a command line the quick parser took. */
  private static String firstFile(String[] args) {
    boolean end = false;
    int start = args[0].equals("--debug") ? 2 : 1;
    for (int i = start; i < args.length; i++) {
      String a = args[i];
      if (end || a.equals("-") || !a.startsWith("-")) {
        return a;
      }
      if (a.equals("--")) {
        end = true;
      } else if (!FLAGS.contains(a) && !a.contains("=")) {
        i++; // the option's value
      }
    }
    throw new AssertionError("no file in " + Arrays.toString(args));
  }

  /** Every field of the command and of its option groups holds the same value. */
  private static void assertSameFields(Object expected, Object actual, String line)
      throws IllegalAccessException {
    for (Field f : expected.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getType() == Main.class) {
        continue;
      }
      f.setAccessible(true);
      Object e = f.get(expected);
      Object a = f.get(actual);
      if (f.getType() == InputOptions.class || f.getType() == EnvFileOptions.class) {
        assertSameFields(e, a, line);
      } else {
        assertThat(a).as(line + ": " + f.getName()).isEqualTo(e);
      }
    }
  }
}
