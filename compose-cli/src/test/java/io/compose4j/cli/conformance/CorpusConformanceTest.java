package io.compose4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The truth test for canonical YAML: for every corpus file {@code docker stack config} accepts,
 * {@code docker stack config} prints the same for {@code compose4j fmt}'s output as for the
 * original (apart from the {@code version:} line), and {@code fmt} is idempotent. Files docker
 * rejects must still be handled without a crash.
 */
@Tag("conformance")
class CorpusConformanceTest {
  private static Path shared;
  private static List<Shared.Row> rows;

  private static Path work;

  @BeforeAll
  static void locate() throws IOException {
    shared = Shared.root();
    Shared.requireDocker();
    rows = Shared.index(shared);
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "conformance-");
  }

  @org.junit.jupiter.api.AfterAll
  static void cleanUp() throws IOException {
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  record Fmt(int code, String out, String err) {}

  static Fmt fmt(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"fmt", file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Shared.bareEnvironment());
    return new Fmt(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String withoutVersion(String dockerOutput) {
    return dockerOutput
        .lines()
        .filter(l -> !l.startsWith("version:"))
        .collect(Collectors.joining("\n"));
  }

  /** Checks one accepted file; returns null when it conforms, else why not. */
  private String check(Shared.Row row, Path mirror) throws IOException {
    Path original = shared.resolve("corpus").resolve(row.path());
    Path folder = original.getParent();
    Files.createDirectories(mirror);
    try (var entries = Files.list(folder)) {
      for (Path e : (Iterable<Path>) entries::iterator) {
        if (!e.getFileName().equals(original.getFileName())) {
          Files.createSymbolicLink(mirror.resolve(e.getFileName()), e);
        }
      }
    }
    Fmt first = fmt(original);
    if (first.code() != 0) {
      return "fmt exit " + first.code() + ": " + first.err().strip();
    }
    Path ours = mirror.resolve(original.getFileName());
    Files.writeString(ours, first.out(), StandardCharsets.UTF_8);
    Fmt second = fmt(ours);
    if (second.code() != 0 || !second.out().equals(first.out())) {
      return "fmt is not idempotent: " + firstDifference(first.out(), second.out() + second.err());
    }
    Shared.Result theirs =
        Shared.run(
            folder, List.of("docker", "stack", "config", "-c", original.getFileName().toString()));
    Shared.Result mine =
        Shared.run(
            mirror, List.of("docker", "stack", "config", "-c", original.getFileName().toString()));
    if (mine.code() != 0) {
      return "docker stack config rejects our output: " + mine.err().strip();
    }
    String a = withoutVersion(theirs.out());
    String b = withoutVersion(mine.out());
    if (!a.equals(b)) {
      return "docker reads our output differently: " + firstDifference(a, b);
    }
    return null;
  }

  static String firstDifference(String a, String b) {
    String[] la = a.split("\n", -1);
    String[] lb = b.split("\n", -1);
    for (int i = 0; i < Math.max(la.length, lb.length); i++) {
      String x = i < la.length ? la[i] : "<end>";
      String y = i < lb.length ? lb[i] : "<end>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": expected [" + x.strip() + "] but was [" + y.strip() + "]";
      }
    }
    return "(no line differs)";
  }

  static Map<String, String> knownExceptions() throws IOException {
    Map<String, String> known = new TreeMap<>();
    try (var in =
        CorpusConformanceTest.class.getResourceAsStream("/conformance/known-exceptions.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        known.put(f[0], f.length > 1 ? f[1] : "");
      }
    }
    return known;
  }

  @Test
  void dockerReadsFmtOutputAsTheOriginalForEveryAcceptedFile() throws Exception {
    List<Shared.Row> accepted = rows.stream().filter(r -> r.stackConfigRc() == 0).toList();
    Map<String, String> failures = new ConcurrentSkipListMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    List<Future<?>> jobs = new ArrayList<>();
    int i = 0;
    for (Shared.Row row : accepted) {
      Path mirror = work.resolve("f" + i++);
      jobs.add(
          pool.submit(
              () -> {
                String why;
                try {
                  why = check(row, mirror);
                } catch (Exception e) {
                  why = "exception: " + e;
                }
                if (why != null) {
                  failures.put(row.path(), why);
                }
                return null;
              }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    pool.shutdown();
    Map<String, String> known = knownExceptions();
    int passed = accepted.size() - failures.size();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "corpus conformance: %d of %d accepted files conform (%.1f%%)%n",
            passed, accepted.size(), 100.0 * passed / accepted.size()));
    failures.forEach(
        (path, why) ->
            report
                .append("  ")
                .append(known.containsKey(path) ? "known  " : "NEW    ")
                .append(path)
                .append(": ")
                .append(why)
                .append('\n'));
    System.out.print(report);
    Path reportFile = Path.of("target", "conformance-corpus.txt");
    Files.createDirectories(reportFile.getParent());
    Files.writeString(reportFile, report);

    assertThat(failures.keySet())
        .as("files that fail and are not listed in known-exceptions.tsv:%n%s", report)
        .allMatch(known::containsKey);
    assertThat(passed)
        .as("conforming files")
        .isGreaterThanOrEqualTo((int) Math.ceil(0.98 * accepted.size()));
  }

  @Test
  void filesDockerRejectsAreFormattedOrRefusedWithOnePositionedLine() throws Exception {
    List<Shared.Row> rejected = rows.stream().filter(r -> r.stackConfigRc() != 0).toList();
    Map<String, String> problems = new TreeMap<>();
    int formatted = 0;
    int refused = 0;
    for (Shared.Row row : rejected) {
      Path file = shared.resolve("corpus").resolve(row.path());
      Fmt result = fmt(file);
      if (result.code() == 0) {
        formatted++;
        continue;
      }
      refused++;
      String firstLine = result.err().lines().findFirst().orElse("");
      if (result.code() != 2) {
        problems.put(row.path(), "exit " + result.code() + ": " + result.err().strip());
      } else if (!firstLine.matches(".+:\\d+:\\d+: error: .+")) {
        problems.put(row.path(), "error is not FILE:LINE:COL: error: ...: " + firstLine);
      } else if (result.err().contains("\tat ") || result.err().contains("Exception")) {
        problems.put(row.path(), "stack trace or exception name in output: " + result.err());
      }
    }
    System.out.printf(
        "docker-rejected corpus files: %d formatted, %d refused with a positioned error%n",
        formatted, refused);
    assertThat(problems).as("files handled badly").isEmpty();
  }
}
