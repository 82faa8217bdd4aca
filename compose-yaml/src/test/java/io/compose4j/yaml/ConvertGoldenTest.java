package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One golden case per lowering ({@code src/test/resources/convert/<case>}): the files {@code
 * 1-*.yml}, ... are loaded ({@code profiles.txt} gives the active profiles) and converted with
 * {@link SwarmConverter}; the Swarm YAML and every diagnostic must be {@code expected.yml}. {@code
 * ConvertConformanceTest} (conformance profile) has {@code docker stack config} read each expected
 * file. {@code -Dcompose4j.golden.update=true} rewrites the expectations.
 */
class ConvertGoldenTest {
  static final Path CASES = Path.of("src/test/resources/convert");

  static String outcome(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.yml")).sorted().toList();
    }
    List<String> profiles = MergeGoldenTest.lines(dir.resolve("profiles.txt"));
    ReadResult read =
        ComposeLoader.create().withEnvironment(Map.of()).withProfiles(profiles).load(files);
    SwarmConverter.Result result = SwarmConverter.create(dir).convert(read.stack());
    List<Diagnostic> all = new ArrayList<>(read.warnings());
    all.addAll(result.diagnostics());
    StringBuilder b = new StringBuilder(MergeGoldenTest.portable(result.yaml(), dir));
    if (!all.isEmpty()) {
      b.append("# diagnostics\n");
      for (Diagnostic d : all) {
        b.append("# ")
            .append(d.severity().label())
            .append(' ')
            .append(d.ruleId())
            .append(' ')
            .append(d.path())
            .append(": ")
            .append(MergeGoldenTest.portable(d.message(), dir))
            .append('\n');
      }
    }
    return b.toString();
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> list = Files.list(CASES)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyLoweringIsDocumented() throws IOException {
    List<Path> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(7);
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      String actual = outcome(dir);
                      Path expected = dir.resolve("expected.yml");
                      if (Boolean.getBoolean("compose4j.golden.update")) {
                        Files.writeString(expected, actual, StandardCharsets.UTF_8);
                      }
                      assertThat(actual)
                          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
                    }));
  }
}
