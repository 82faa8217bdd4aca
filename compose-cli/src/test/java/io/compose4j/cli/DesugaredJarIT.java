package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command-line jar, whose lambdas the build turned into classes of their own ({@code
 * build-tools}' {@code LambdaDesugar}), prints what the classes it was made from print: stdout,
 * stderr and exit code of {@code validate} (text and JSON), {@code fmt} and {@code convert} over
 * every file of the corpus in {@code ../shared} (or the samples when it is missing), the jar loaded
 * in a class loader of its own beside the module's classes. Runs after {@code package} (failsafe).
 */
class DesugaredJarIT {
  private static URLClassLoader jarLoader;
  private static Method jarRun;

  @BeforeAll
  static void loadTheJar() throws Exception {
    Path jar = Path.of("target", "compose4j.jar");
    assertThat(jar).as("the jar is built by package").exists();
    jarLoader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> main = jarLoader.loadClass(Main.class.getName());
    assertThat(main.getClassLoader()).isSameAs(jarLoader);
    // and the module's own classes are what javac wrote (failsafe is told to use them, not the jar)
    assertThat(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("/target/classes/");
    assertThat(
            Main.class
                .getClassLoader()
                .getResource("io/compose4j/validate/ResourceRules$$Lambda1.class"))
        .isNull();
    jarRun = main.getMethod("run", String[].class, PrintStream.class, PrintStream.class, Map.class);
  }

  @AfterAll
  static void close() throws IOException {
    jarLoader.close();
  }

  @Test
  void theJarsLambdasAreClassesOfTheirOwn() throws IOException {
    try (JarFile jar = new JarFile(Path.of("target", "compose4j.jar").toFile())) {
      long desugared =
          jar.stream()
              .filter(e -> e.getName().startsWith("io/compose4j/"))
              .filter(e -> e.getName().contains("$$Lambda"))
              .count();
      // one class per host and shape of lambda (918 call sites)
      assertThat(desugared).isGreaterThan(100);
      assertThat(jar.getEntry("io/compose4j/validate/ResourceRules$$Lambda1.class")).isNotNull();
    }
  }

  /** The files to run: the corpus, else the samples. */
  private static List<Path> files() throws IOException {
    String configured = System.getProperty("compose4j.shared");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    Path corpus = shared.resolve("corpus").resolve("files");
    Path root = Files.isDirectory(corpus) ? corpus : Path.of("..", "samples");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private record Outcome(int code, String out, String err) {}

  /** A run of the CLI, writing to these streams, returning the exit code. */
  private interface Run {
    int run(PrintStream out, PrintStream err) throws Exception;
  }

  private static Outcome outcome(Run run) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Outcome viaModule(String... args) throws Exception {
    return outcome((out, err) -> Main.run(args, out, err, Map.of()));
  }

  private static Outcome viaJar(String... args) throws Exception {
    return outcome((out, err) -> (Integer) jarRun.invoke(null, args, out, err, Map.of()));
  }

  @Test
  void theJarPrintsWhatItsClassesPrintOverTheCorpus() throws Exception {
    List<Path> files = files();
    assertThat(files).isNotEmpty();
    List<String> differences = new ArrayList<>();
    int findings = 0;
    for (Path f : files) {
      String file = f.toString();
      for (String[] args :
          List.of(
              new String[] {"validate", file},
              new String[] {"validate", "--format", "json", "--target", "compose", file},
              new String[] {"fmt", file},
              new String[] {"convert", file})) {
        Outcome expected = viaModule(args);
        Outcome actual = viaJar(args);
        if (!actual.equals(expected)) {
          differences.add(
              String.join(" ", args) + "\n  module: " + expected + "\n  jar:    " + actual);
        }
        if (expected.code() == 1) {
          findings++;
        }
      }
    }
    assertThat(differences).isEmpty();
    // the files exercise the rules, not only the reader
    assertThat(findings).isGreaterThan(files.size() > 100 ? 100 : 0);
  }
}
