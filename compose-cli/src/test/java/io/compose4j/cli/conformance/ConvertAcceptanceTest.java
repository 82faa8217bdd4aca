package io.compose4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.PortMapping;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.yaml.ComposeLoader;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.SwarmConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance: the corpus files {@code docker stack config} rejects only because of
 * Compose-Specification features (the categories of {@code conformance/convert-categories.txt}) are
 * converted with {@code compose4j convert --to swarm --profile '*'}; at least 90% must give a stack
 * {@code docker stack config} accepts with the same services, images, published ports and networks.
 * Each file is converted inside its repository's original layout (rebuilt from symbolic links to
 * {@code ../shared/corpus}), so includes and extends find their files.
 */
@Tag("conformance")
class ConvertAcceptanceTest {
  private static Path shared;
  private static Path work;

  @BeforeAll
  static void locate() throws IOException {
    shared = Shared.root();
    Shared.requireDocker();
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "convert-");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  record Entry(String path, String repo, String origPath, String category) {}

  static List<Entry> index(Path shared) throws IOException {
    List<String> lines =
        Files.readAllLines(shared.resolve("corpus/index.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    List<Entry> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.split("\t", -1);
        out.add(
            new Entry(
                f[header.indexOf("path")],
                f[header.indexOf("source_repo")],
                f[header.indexOf("orig_path")],
                f[header.indexOf("reason_category")]));
      }
    }
    return out;
  }

  static Set<String> lines(String resource) throws IOException {
    try (var in = ConvertAcceptanceTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** A file left out of the denominator: its outcome must contain {@code evidence}. */
  record Exclusion(String evidence, String why) {}

  static Map<String, Exclusion> exceptions() throws IOException {
    Map<String, Exclusion> out = new TreeMap<>();
    for (String line : lines("/conformance/convert-exceptions.tsv")) {
      if (line.startsWith("path\t")) {
        continue;
      }
      String[] f = line.split("\t", 3);
      out.put(f[0], new Exclusion(f[1], f.length > 2 ? f[2] : ""));
    }
    return out;
  }

  /** Rebuilds the repositories' layout under {@code work} with links to the corpus files. */
  static Path layout(Path shared, Path work, List<Entry> all) throws IOException {
    for (Entry e : all) {
      Path link = work.resolve(e.repo().replace('/', '+')).resolve(e.origPath());
      Files.createDirectories(link.getParent());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, shared.resolve("corpus").resolve(e.path()));
      }
    }
    return work;
  }

  /**
   * Converts a file like {@code compose4j convert --profile '*'} and writes {@code
   * <file>.swarm.yml} beside it.
   */
  static Path convert(Path source) throws IOException {
    return convert(source, load(source));
  }

  static ReadResult load(Path source) {
    return ComposeLoader.create()
        .withEnvironment(Map.of())
        .withProfiles(List.of("*"))
        .load(List.of(source));
  }

  static Path convert(Path source, ReadResult read) throws IOException {
    Path dir = source.getParent();
    SwarmConverter.Result result = SwarmConverter.create(dir).writtenTo(dir).convert(read.stack());
    Path out = dir.resolve(source.getFileName() + ".swarm.yml");
    Files.writeString(out, result.yaml(), StandardCharsets.UTF_8);
    return out;
  }

  /** The outcome for one file: empty when it passes, else why not. */
  static String check(Path source) throws IOException {
    ReadResult read;
    Path out;
    try {
      read = load(source);
      out = convert(source, read);
    } catch (ComposeReadException e) {
      return "convert refuses: " + e.getMessage();
    }
    Path dir = source.getParent();
    Shared.Result docker =
        Shared.run(dir, List.of("docker", "stack", "config", "-c", out.getFileName().toString()));
    if (docker.code() != 0) {
      List<String> err = docker.err().lines().filter(l -> !l.isBlank()).toList();
      return "docker stack config refuses: " + (err.isEmpty() ? "" : err.get(err.size() - 1));
    }
    // docker prints values after interpolation: a literal $ is written back as $$ to read it again
    Stack seen =
        ComposeReader.create().withEnvironment(Map.of()).readStack(docker.out().replace("$", "$$"));
    return sameShape(read.stack(), seen);
  }

  /**
   * The services (but those a Compose provider runs), images (or, for a built-only service, the
   * image name Compose gives it), published ports and networks of the source are in what docker
   * prints.
   */
  static String sameShape(Stack source, Stack seen) {
    // services run by a Compose provider are not containers: convert leaves them out, with a
    // warning
    Map<String, Service> containers = new java.util.LinkedHashMap<>(source.services());
    containers.values().removeIf(s -> s.provider().isPresent());
    if (!containers.keySet().equals(seen.services().keySet())) {
      return "services differ: " + containers.keySet() + " vs " + seen.services().keySet();
    }
    for (Map.Entry<String, Service> e : containers.entrySet()) {
      Service a = e.getValue();
      Service b = seen.services().get(e.getKey());
      // docker leaves out an empty image (an unset variable); a built-only service gets Compose's
      // image name
      boolean builtOnly =
          a.image().filter(i -> !i.isEmpty()).isEmpty()
              && a.build().isPresent()
              && b.image().filter(i -> i.endsWith("-" + e.getKey())).isPresent();
      if (!builtOnly && !a.image().filter(i -> !i.isEmpty()).equals(b.image())) {
        return "service " + e.getKey() + ": image " + a.image() + " became " + b.image();
      }
      if (!ports(a).equals(ports(b))) {
        return "service " + e.getKey() + ": ports " + ports(a) + " became " + ports(b);
      }
      if (!a.networks().keySet().equals(b.networks().keySet())) {
        return "service "
            + e.getKey()
            + ": networks "
            + a.networks().keySet()
            + " became "
            + b.networks().keySet();
      }
    }
    return "";
  }

  static Set<String> ports(Service s) {
    Set<String> out = new TreeSet<>();
    for (PortMapping p : s.ports()) {
      out.add(
          p.published().orElse("")
              + "->"
              + (p.target().isPresent() ? p.target().getAsInt() : "")
              + "/"
              + p.protocol().orElse("tcp"));
    }
    return out;
  }

  @Test
  void atLeast90PercentOfTheComposeSpecOnlyFilesConvertToAStackDockerAccepts() throws IOException {
    List<Entry> all = index(shared);
    Set<String> categories = lines("/conformance/convert-categories.txt");
    layout(shared, work, all);
    Map<String, Exclusion> excluded = exceptions();
    Map<String, String> failures = new TreeMap<>();
    int total = 0;
    StringBuilder table = new StringBuilder();
    for (Entry e : all) {
      if (!categories.contains(e.category())) {
        continue;
      }
      total++;
      Path source = work.resolve(e.repo().replace('/', '+')).resolve(e.origPath());
      String outcome = check(source);
      table.append(String.format("%-100s %s%n", e.path(), outcome.isEmpty() ? "ok" : outcome));
      if (!outcome.isEmpty()) {
        failures.put(e.path(), outcome);
      }
    }
    for (Map.Entry<String, Exclusion> x : excluded.entrySet()) {
      assertThat(failures)
          .as(
              "%s is excluded (%s) but converts; remove it from convert-exceptions.tsv",
              x.getKey(), x.getValue().why())
          .containsKey(x.getKey());
      assertThat(failures.get(x.getKey()))
          .as("why %s fails", x.getKey())
          .contains(x.getValue().evidence());
    }
    int considered = total - excluded.size();
    long failed = failures.keySet().stream().filter(k -> !excluded.containsKey(k)).count();
    long passed = considered - failed;
    String summary =
        String.format(
            "convert acceptance: %d of %d compose-spec-only files convert to a stack docker accepts"
                + " with the same services, images, ports and networks (%.1f%%; %d of all %d selected files, %d left out:"
                + " missing files outside the corpus, remote loaders, deliberate errors)%n",
            passed, considered, 100.0 * passed / considered, passed, total, excluded.size());
    System.out.print(summary);
    failures.forEach(
        (k, v) ->
            System.out.println("  " + k + (excluded.containsKey(k) ? " (left out): " : ": ") + v));
    Files.writeString(Path.of("target", "convert-acceptance.txt"), summary + table);
    assertThat(passed).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * considered));
  }
}
