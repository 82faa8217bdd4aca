package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 123 cases of {@code ../shared/swarm-rules/cases}: error cases must give an error, valid cases
 * no error, warning cases a warning and no error. At least 95% must agree, and every disagreement
 * must be listed with its reason in {@code conformance/swarm-cases-exceptions.tsv}.
 */
@Tag("conformance")
class SwarmCasesConformanceTest {
  /** What the validator made of one case. */
  record Verdict(String outcome, List<String> rules, String detail) {}

  static Path casesDir() {
    String shared = System.getProperty("compose4j.shared");
    Path dir =
        (shared != null ? Path.of(shared) : Path.of("..", "..", "shared"))
            .resolve("swarm-rules/cases");
    assumeTrue(Files.isDirectory(dir), "../shared/swarm-rules is not available");
    return dir.toAbsolutePath().normalize();
  }

  /** Returns the value of a {@code # key: value} header line of a case. */
  static String header(String yaml, String key) {
    for (String line : yaml.lines().toList()) {
      if (line.startsWith("# " + key + ":")) {
        return line.substring(key.length() + 3).trim();
      }
    }
    return null;
  }

  /**
   * The cluster the catalog's verdicts were recorded against (see the cases' {@code # note:}
   * lines): every external secret and config exists unless its name contains {@code missing}; every
   * external network exists, swarm-scoped unless its name starts with {@code ext-local}.
   */
  static ClusterState fakeEngine(Stack stack) {
    Set<String> secrets = new HashSet<>();
    stack.secrets().forEach((k, v) -> secrets.add(v.name().orElse(k)));
    Set<String> configs = new HashSet<>();
    stack.configs().forEach((k, v) -> configs.add(v.name().orElse(k)));
    secrets.removeIf(n -> n.contains("missing"));
    configs.removeIf(n -> n.contains("missing"));
    Map<String, String> networks = new HashMap<>();
    stack
        .networks()
        .forEach(
            (k, v) -> {
              String name = v.name().orElse(k);
              networks.put(name, name.startsWith("ext-local") ? "local" : "swarm");
            });
    return new ClusterState(secrets, configs, networks);
  }

  static Verdict verdict(Path dir, String file) throws IOException {
    Path path = dir.resolve(file);
    String yaml = Files.readString(path, StandardCharsets.UTF_8);
    ReadResult read;
    try {
      read = ComposeReader.create().withBaseDir(dir).read(path);
    } catch (ComposeReadException e) {
      return new Verdict("error", List.of("parse"), e.reason());
    }
    StackValidator validator =
        StackValidator.forTarget(Target.SWARM).baseDir(dir).cluster(fakeEngine(read.stack()));
    String stack = header(yaml, "stack");
    if (stack != null) {
      validator = validator.stackName(stack);
    }
    List<Diagnostic> diagnostics =
        new ArrayList<>(validator.validate(read.stack(), read.facts()).diagnostics());
    String extra = header(yaml, "extra-files");
    if (extra != null) {
      List<String> versions = new ArrayList<>(List.of(read.stack().version().orElse("3.13")));
      List<String> files = new ArrayList<>(List.of(file));
      for (String f : extra.split("[,\\s]+", -1)) {
        versions.add(
            ComposeReader.create()
                .withBaseDir(dir)
                .read(dir.resolve(f))
                .stack()
                .version()
                .orElse(null));
        files.add(f);
      }
      diagnostics.addAll(StackValidator.versionMismatch(versions, files));
    }
    boolean error = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    boolean warning = diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    List<String> rules =
        diagnostics.stream()
            .filter(d -> d.severity() != Severity.INFO)
            .map(d -> d.ruleId() + "(" + d.severity().label() + ")")
            .distinct()
            .toList();
    return new Verdict(error ? "error" : warning ? "warning" : "valid", rules, "");
  }

  static boolean agrees(String expected, Verdict v) {
    return switch (expected) {
      case "error" -> v.outcome().equals("error");
      case "valid" -> !v.outcome().equals("error");
      case "warning" -> v.outcome().equals("warning");
      default -> false;
    };
  }

  static Map<String, String> exceptions() throws IOException {
    return exceptions("/conformance/swarm-cases-exceptions.tsv");
  }

  /** Reads a {@code case<TAB>reason} list (comment lines start with #). */
  static Map<String, String> exceptions(String resource) throws IOException {
    Map<String, String> known = new TreeMap<>();
    try (var in = SwarmCasesConformanceTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t", 2);
          known.put(f[0], f.length > 1 ? f[1] : "");
        }
      }
    }
    return known;
  }

  /** One line of {@code expected.tsv}. */
  record Case(String file, String expected, List<String> rules) {
    @Override
    public String toString() {
      return file + " (" + expected + ")";
    }
  }

  static List<Case> cases() throws IOException {
    List<String> lines =
        Files.readAllLines(casesDir().resolve("expected.tsv"), StandardCharsets.UTF_8);
    List<Case> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.split("\t", -1);
        out.add(new Case(f[0], f[1], List.of(f[2].split(","))));
      }
    }
    return out;
  }

  /**
   * Each case agrees with the catalog, or is a listed exception that still disagrees (an exception
   * that starts agreeing must be removed from the list).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseAgreesWithTheCatalog(Case c) throws IOException {
    Verdict v = verdict(casesDir(), c.file());
    String reason = exceptions().get(c.file());
    if (reason == null) {
      assertThat(agrees(c.expected(), v))
          .as(
              "%s: expected %s (%s), got %s %s %s",
              c.file(), c.expected(), c.rules(), v.outcome(), v.rules(), v.detail())
          .isTrue();
    } else {
      assertThat(agrees(c.expected(), v))
          .as("%s is listed as an exception (%s) but now agrees; remove it", c.file(), reason)
          .isFalse();
    }
  }

  /** At least 95% of the cases agree; writes {@code target/conformance-swarm-cases.txt}. */
  @Test
  void atLeast95PercentAgree() throws IOException {
    Path dir = casesDir();
    List<Case> cases = cases();
    Map<String, String> disagreements = new TreeMap<>();
    int sameRule = 0;
    StringBuilder table = new StringBuilder();
    for (Case c : cases) {
      Verdict v = verdict(dir, c.file());
      boolean ok = agrees(c.expected(), v);
      boolean rule =
          c.rules().stream().anyMatch(r -> v.rules().stream().anyMatch(x -> x.startsWith(r + "(")))
              || (c.expected().equals("error") && v.rules().contains("parse"));
      if (ok && (rule || c.expected().equals("valid"))) {
        sameRule++;
      }
      table.append(
          String.format(
              "%-45s expected %-8s got %-8s %s %s%n",
              c.file(), c.expected(), v.outcome(), ok ? "" : "DISAGREES", v.rules()));
      if (!ok) {
        disagreements.put(
            c.file(),
            "expected "
                + c.expected()
                + " "
                + c.rules()
                + ", got "
                + v.outcome()
                + " "
                + v.rules()
                + " "
                + v.detail());
      }
    }
    int total = cases.size();
    int agreed = total - disagreements.size();
    String summary =
        String.format(
            "swarm rule cases: %d of %d agree (%.1f%%); %d also name the expected rule%n",
            agreed, total, 100.0 * agreed / total, sameRule);
    System.out.print(summary);
    disagreements.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "conformance-swarm-cases.txt"), summary + table);
    assertThat(agreed).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * total));
  }
}
