package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One golden case per merge rule and project feature ({@code src/test/resources/merge/<case>}): the
 * files {@code 1-*.yml}, {@code 2-*.yml}, ... are loaded in order with {@link ComposeLoader}
 * ({@code profiles.txt} and {@code environment.txt} give the active profiles and the process
 * environment), and the Compose YAML of the result must be {@code expected.yml} (with the
 * diagnostics in {@code expected-diagnostics.txt}), or the load must fail with {@code
 * expected-error.txt}. {@code -Dcompose4j.golden.update=true} rewrites the expectations.
 */
class MergeGoldenTest {
  static final Path CASES = Path.of("src/test/resources/merge");

  static String outcome(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.yml")).sorted().toList();
    }
    List<String> profiles = lines(dir.resolve("profiles.txt"));
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : lines(dir.resolve("environment.txt"))) {
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    try {
      ReadResult read =
          ComposeLoader.create().withEnvironment(env).withProfiles(profiles).load(files);
      String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(read.stack());
      StringBuilder diagnostics = new StringBuilder();
      for (Diagnostic d : read.warnings()) {
        diagnostics
            .append(d.severity().label())
            .append(' ')
            .append(d.ruleId())
            .append(' ')
            .append(d.path())
            .append(": ")
            .append(d.message())
            .append('\n');
      }
      return portable(yaml, dir)
          + (diagnostics.length() == 0
              ? ""
              : "# diagnostics\n"
                  + diagnostics
                      .toString()
                      .indent(0)
                      .lines()
                      .map(l -> "# " + l)
                      .reduce("", (a, b) -> a + b + "\n"));
    } catch (ComposeReadException e) {
      return "# error\n# " + portable(e.getMessage(), dir) + "\n";
    }
  }

  /** Bind sources become absolute while loading; the case folder is written as {@code <case>}. */
  static String portable(String text, Path dir) {
    return text.replace(dir.toAbsolutePath().normalize().toString(), "<case>")
        .replace(dir.toString(), "<case>");
  }

  static List<String> lines(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()
        : List.of();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleMergesAsDocumented() throws IOException {
    List<Path> cases;
    try (Stream<Path> list = Files.list(CASES)) {
      cases = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : cases) {
      tests.add(
          DynamicTest.dynamicTest(
              dir.getFileName().toString(),
              () -> {
                String actual = outcome(dir);
                Path expected = dir.resolve("expected.yml");
                if (Boolean.getBoolean("compose4j.golden.update")) {
                  Files.writeString(expected, actual, StandardCharsets.UTF_8);
                }
                assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
              }));
    }
    return tests.stream();
  }
}
