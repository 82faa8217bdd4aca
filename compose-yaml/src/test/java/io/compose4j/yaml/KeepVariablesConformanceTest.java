package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Target;
import io.compose4j.yaml.read.Interpolator;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading without interpolation over {@code ../shared/corpus}: every file that reads with
 * interpolation also reads with {@link ComposeReader#keepingVariables()} (or is listed, with its
 * reason, in {@code conformance/keep-variables-exceptions.tsv}); writing it back keeps every {@code
 * ${...}} and {@code $VAR} of its values, and the written file interpolates to the same stack as
 * the original.
 */
@Tag("conformance")
class KeepVariablesConformanceTest {
  static Path corpus() {
    return SharedCorpus.corpus();
  }

  static Map<String, String> exceptions() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in =
        KeepVariablesConformanceTest.class.getResourceAsStream(
            "/conformance/keep-variables-exceptions.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        out.put(f[0], f.length > 1 ? f[1] : "");
      }
    }
    return out;
  }

  /** Returns the variable expressions in the string values (not keys) of a YAML tree. */
  static List<String> expressions(YNode node, Set<YNode> seen, List<String> out) {
    if (!seen.add(node)) {
      return out;
    }
    if (node instanceof YNode.YMap m) {
      m.entries().values().forEach(e -> expressions(e.value(), seen, out));
    } else if (node instanceof YNode.YSeq s) {
      s.items().forEach(i -> expressions(i, seen, out));
    } else if (node instanceof YNode.YScalar s
        && s.kind() == YNode.Kind.STRING
        && s.text().indexOf('$') >= 0) {
      try {
        out.addAll(Interpolator.expressions(s.text()));
      } catch (IllegalArgumentException e) {
        // not a template: reading reports it
      }
    }
    return out;
  }

  @Test
  void everyFileThatReadsWithInterpolationReadsWithoutAndKeepsItsVariables() throws IOException {
    Path corpus = corpus();
    Map<String, String> listed = exceptions();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus.resolve("files"))) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.ya?ml$"))
              .sorted()
              .toList();
    }
    ComposeReader keeping = ComposeReader.create().keepingVariables();
    ComposeWriter writer = ComposeWriter.forTarget(Target.COMPOSE);
    Map<String, String> failures = new TreeMap<>();
    Set<String> stillFailing = new java.util.HashSet<>();
    int read = 0;
    int withVariables = 0;
    for (Path file : files) {
      String name = corpus.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // every variable the file names is set (to 1: a port, a tag, a path segment), so that the
      // comparison below is not about Compose's rules for empty values
      Map<String, String> env = new java.util.HashMap<>();
      java.util.regex.Matcher names =
          java.util.regex.Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
      while (names.find()) {
        env.put(names.group(1), "1");
      }
      // a variable that starts a mount source before a '/' is a folder: an absolute path (with "1",
      // Docker
      // would take "1/data" for a volume name)
      java.util.regex.Matcher folders =
          java.util.regex.Pattern.compile("-\\s*[\"']?\\$\\{?([A-Za-z_][A-Za-z0-9_]*)[^}/:]*}?/")
              .matcher(text);
      while (folders.find()) {
        env.put(folders.group(1), "/srv");
      }
      ComposeReader interpolating = ComposeReader.create().withEnvironment(env);
      ReadResult original;
      try {
        original = interpolating.read(text, name);
      } catch (ComposeReadException e) {
        continue; // out of scope: it does not read with interpolation either
      }
      read++;
      String problem = null;
      try {
        ReadResult kept = keeping.read(text, name);
        String written = writer.write(kept.stack());
        List<String> expected =
            expressions(
                YamlTreeReader.read(text, name),
                Collections.newSetFromMap(new IdentityHashMap<>()),
                new ArrayList<>());
        if (!expected.isEmpty()) {
          withVariables++;
        }
        Set<String> found =
            new java.util.HashSet<>(
                expressions(
                    YamlTreeReader.read(written, name),
                    Collections.newSetFromMap(new IdentityHashMap<>()),
                    new ArrayList<>()));
        List<String> lost = expected.stream().filter(x -> !found.contains(x)).distinct().toList();
        if (!lost.isEmpty()) {
          problem = "writing it back loses " + lost;
        } else if (!writer
            .write(interpolating.read(written, name).stack())
            .equals(writer.write(original.stack()))) {
          problem = "the written file interpolates to another stack than the original";
        }
      } catch (ComposeReadException | IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (problem != null) {
        stillFailing.add(name);
        if (!listed.containsKey(name)) {
          failures.put(name, problem);
        }
      }
    }
    List<String> stale = listed.keySet().stream().filter(n -> !stillFailing.contains(n)).toList();
    assertThat(read).as("corpus files that read with interpolation").isGreaterThan(300);
    assertThat(withVariables).as("of them with variables").isGreaterThan(50);
    assertThat(failures)
        .as(
            "files that read with interpolation but fail without it (list them with a reason "
                + "in conformance/keep-variables-exceptions.tsv only if Compose itself cannot keep the variable)")
        .isEmpty();
    assertThat(stale).as("listed exceptions that now pass: remove them").isEmpty();
  }
}
