package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.ReadResult;
import io.compose4j.yaml.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the project's own samples and test resources (and, with {@code
 * -Pfuzz}, over {@code ../shared/corpus}). For every mutant:
 *
 * <ul>
 *   <li>reading gives a model or a {@link ComposeReadException} with a position and a one-line
 *       message, never another exception;
 *   <li>validating a model gives findings, never an exception; a stack the constraint screen passes
 *       has no Hibernate Validator violation;
 *   <li>the writer's output (both targets) always reads back;
 *   <li>when the writer reports nothing left out, {@code read(write(read(x)))} equals {@code
 *       read(x)} (the {@code version}, which each target writes its own way, aside) and writing is
 *       idempotent.
 * </ul>
 *
 * <p>Mutant {@code i} is made by {@code new Random(seed * 1_000_003 + i)} from the seed files in
 * sorted order, so a failure is reproduced by its seed and index ({@code -Dcompose4j.fuzz.seed},
 * {@code -Dcompose4j.fuzz.only=i}); failing mutants are also written to {@code
 * target/fuzz-failures/}.
 */
class FuzzTest {
  private static final long SEED = Long.getLong("compose4j.fuzz.seed", 14L);
  private static final int MUTANTS = Integer.getInteger("compose4j.fuzz.mutants", 3000);
  private static final boolean CORPUS = Boolean.getBoolean("compose4j.fuzz.corpus");
  private static final Integer ONLY = Integer.getInteger("compose4j.fuzz.only");

  private static final String[] VALUES = {
    "",
    "~",
    "null",
    "yes",
    "no",
    "true",
    "0",
    "-1",
    "-4",
    "1e400",
    "0x10",
    "0o17",
    "0b101",
    "1_000",
    "0755",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    ".inf",
    "-.inf",
    ".nan",
    "1.5",
    "1e5",
    "12:30",
    "8080:80",
    "1-65535:1-65535",
    "80-90:80-90/udp",
    "[::1]:80:80",
    "127.0.0.1:8080:80/tcp",
    "2024-01-31",
    "\"\"",
    "''",
    "\"a\\nb\"",
    "'it''s'",
    "\"\\u0000\"",
    "$X",
    "${X}",
    "${X:-d}",
    "${X:?need}",
    "$$",
    "${",
    "$",
    "{{ .Node.ID }}",
    "{{ $X }}",
    "!!int abc",
    "!!float x",
    "!!str 1",
    "!!bool yes",
    "!!null",
    "!reset",
    "!override x",
    "!!binary AA==",
    "!custom x",
    "&a x",
    "*a",
    "*missing",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "[[[[[]]]]]",
    "|\n  text\n",
    ">-\n  folded\n",
    "512M",
    "2G",
    "-1",
    "0.5",
    "30s",
    "1m30s",
    "-5s",
    "1h2m3s4ms5us6ns",
    "nginx:1.25",
    "NGINX",
    "a@sha256:x",
    "node.role == manager",
    "node.labels.x != y",
    "spread=node.labels.zone",
    "host",
    "ingress",
    "global",
    "replicated",
    "rollback",
    "pause",
    "start-first",
    "stop-first",
    "any",
    "on-failure",
    "none",
    "tcp",
    "udp",
    "bind",
    "volume",
    "tmpfs",
    "npipe",
    "cluster",
    "external",
    "overlay",
    "bridge",
    "/var/run/docker.sock",
    "./rel",
    "~/home",
    "x".repeat(300),
    "é✓😀",
    "a: b",
    "- x",
    "#",
    "key: value # comment"
  };

  private static final String[] INSERTS = {
    ":",
    " ",
    "  ",
    "-",
    "- ",
    "#",
    "\"",
    "'",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "$",
    "${",
    "}}",
    "{{",
    "\t",
    "\n",
    "\r\n",
    "\u0000",
    "\u0085",
    "\uFEFF",
    "<<: *a\n",
    "---\n",
    "...\n",
    "? ",
    "\\",
    "0",
    "9",
    "é",
    "😀"
  };

  private static final String[] KEYS = {
    "image",
    "ports",
    "deploy",
    "replicas",
    "mode",
    "resources",
    "limits",
    "reservations",
    "memory",
    "cpus",
    "placement",
    "constraints",
    "preferences",
    "networks",
    "volumes",
    "secrets",
    "configs",
    "environment",
    "labels",
    "healthcheck",
    "test",
    "interval",
    "update_config",
    "rollback_config",
    "restart_policy",
    "published",
    "target",
    "protocol",
    "source",
    "type",
    "external",
    "name",
    "driver",
    "driver_opts",
    "x-ext",
    "<<",
    "version",
    "services",
    "command",
    "entrypoint",
    "env_file",
    "extends",
    "depends_on",
    "ulimits",
    "sysctls",
    "cap_add",
    "logging",
    "options",
    "tmpfs",
    "read_only",
    "user",
    "mem_limit",
    "shm_size",
    "stop_grace_period",
    "endpoint_mode",
    "max_replicas_per_node",
    "aliases",
    "ipv4_address",
    "file",
    "content",
    "environment",
    "mode",
    "uid",
    "gid",
    "bind",
    "propagation",
    "nocopy",
    "size"
  };

  private final ComposeReader reader = ComposeReader.create();

  private static List<Path> seedFiles() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(
            root.resolve("samples"),
            root.resolve("compose-yaml/src/test/resources"),
            root.resolve("compose-validate/src/test/resources"),
            root.resolve("compose-cli/src/test/resources"),
            root.resolve("examples/src/test/resources"))) {
      files.addAll(yamlFiles(dir));
    }
    if (CORPUS) {
      Path shared = sharedDir(root);
      assertThat(shared)
          .as("-Pfuzz mutates ../shared/corpus; set -Dcompose4j.shared=DIR")
          .isNotNull();
      files.addAll(yamlFiles(shared.resolve("corpus")));
    }
    return files;
  }

  private static Path sharedDir(Path root) {
    String configured = System.getProperty("compose4j.shared");
    if (configured != null && Files.isDirectory(Path.of(configured, "corpus"))) {
      return Path.of(configured);
    }
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/corpus"))) {
        return p.resolve("shared");
      }
    }
    return null;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/target/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyMutantIsAModelAPositionedErrorOrFindingsAndWhatIsWrittenReadsBack() throws IOException {
    List<Path> files = seedFiles();
    assertThat(files).as("seed files").hasSizeGreaterThan(50);
    List<String> seeds = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      if (bytes.length < 200_000) {
        seeds.add(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    List<String> failures = new ArrayList<>();
    int[] outcomes = new int[3]; // read error, model with errors, model without
    for (int i = 0; i < MUTANTS; i++) {
      if (ONLY != null && ONLY != i) {
        continue;
      }
      Random random = new Random(SEED * 1_000_003 + i);
      String base = seeds.get(random.nextInt(seeds.size()));
      String mutant = mutate(base, seeds, random);
      String problem;
      try {
        problem = check(mutant, outcomes);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        problem =
            "unexpected "
                + trace.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse("");
      }
      if (problem != null) {
        failures.add("mutant " + i + " (seed " + SEED + "): " + problem);
        Path out = Path.of("target", "fuzz-failures", "mutant-" + i + ".yml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, mutant, StandardCharsets.UTF_8);
        Files.writeString(
            out.resolveSibling("mutant-" + i + ".txt"), problem, StandardCharsets.UTF_8);
      }
    }
    System.out.printf(
        "fuzz: %d mutants of %d seed files: %d read errors, %d models with findings, %d without; %d failures%n",
        MUTANTS, seeds.size(), outcomes[0], outcomes[1], outcomes[2], failures.size());
    assertThat(failures).as("fuzz failures (mutants in target/fuzz-failures)").isEmpty();
  }

  /** Returns null when the mutant behaves, else what went wrong. */
  private String check(String yaml, int[] outcomes) {
    ReadResult read;
    try {
      read = reader.read(yaml, "fuzz.yml");
    } catch (ComposeReadException e) {
      outcomes[0]++;
      if (!e.hasPosition()) {
        return "read error without a position: " + e.getMessage();
      }
      if (e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
        return "read error on several lines: " + e.getMessage();
      }
      return null;
    }
    ValidationReport report =
        StackValidator.forTarget(Target.SWARM).validate(read.stack(), read.facts());
    StackValidator.forTarget(Target.COMPOSE).validate(read.stack(), read.facts());
    if (!ConstraintScreen.mayViolate(read.stack())
        && !FieldConstraints.validateWithHibernate(read.stack()).isEmpty()) {
      return "the constraint screen passed a stack Hibernate Validator refuses: "
          + FieldConstraints.validateWithHibernate(read.stack());
    }
    outcomes[report.hasErrors() ? 1 : 2]++;
    for (Target target : Target.values()) {
      ComposeWriter writer = ComposeWriter.forTarget(target);
      WriteResult written = writer.render(read.stack());
      Stack back;
      try {
        back = reader.read(written.yaml(), "written.yml").stack();
      } catch (ComposeReadException e) {
        return target
            + " output does not read back: "
            + e.getMessage()
            + "\n--- written:\n"
            + written.yaml();
      }
      if (written.warnings().isEmpty()) {
        Stack original = read.stack();
        // the Swarm target chooses the version it writes, the Compose target writes none
        // (docs/FORMAT.md)
        original = Stack.builder().from(original).version(back.version()).build();
        if (!back.equals(original)) {
          return target
              + ": read(write(read(x))) differs from read(x)\n--- written:\n"
              + written.yaml()
              + "\n--- read(x):\n"
              + original
              + "\n--- read(write(read(x))):\n"
              + back;
        }
        String again = writer.write(back);
        if (!again.equals(written.yaml())) {
          return target
              + ": write is not idempotent\n--- first:\n"
              + written.yaml()
              + "\n--- second:\n"
              + again;
        }
      }
    }
    return null;
  }

  private static String mutate(String base, List<String> seeds, Random random) {
    String text = base;
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      text = mutateOnce(text, seeds, random);
    }
    return text;
  }

  private static String mutateOnce(String text, List<String> seeds, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int n = lines.size();
    int line = random.nextInt(n);
    String l = lines.get(line);
    switch (random.nextInt(11)) {
      case 0 -> lines.remove(line);
      case 1 -> lines.add(line, l);
      case 2 -> {
        int other = random.nextInt(n);
        lines.set(line, lines.get(other));
        lines.set(other, l);
      }
      case 3 -> { // replace a value
        int colon = l.indexOf(": ");
        String value = VALUES[random.nextInt(VALUES.length)];
        if (colon >= 0) {
          lines.set(line, l.substring(0, colon + 2) + value);
        } else if (l.stripLeading().startsWith("- ")) {
          lines.set(line, l.substring(0, l.indexOf("- ") + 2) + value);
        } else {
          lines.set(line, l + value);
        }
      }
      case 4 -> { // replace a key
        int colon = l.indexOf(':');
        if (colon > 0) {
          String indent = l.substring(0, l.length() - l.stripLeading().length());
          lines.set(line, indent + KEYS[random.nextInt(KEYS.length)] + l.substring(colon));
        }
      }
      case 5 -> { // insert characters
        int at = l.isEmpty() ? 0 : random.nextInt(l.length() + 1);
        lines.set(
            line, l.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + l.substring(at));
      }
      case 6 -> { // delete characters
        if (!l.isEmpty()) {
          int at = random.nextInt(l.length());
          int len = 1 + random.nextInt(Math.min(8, l.length() - at));
          lines.set(line, l.substring(0, at) + l.substring(at + len));
        }
      }
      case 7 -> { // indentation
        lines.set(line, random.nextBoolean() ? "  " + l : l.replaceFirst("^  ", ""));
      }
      case 8 -> { // splice lines of another seed
        String[] other = seeds.get(random.nextInt(seeds.size())).split("\n", -1);
        int from = random.nextInt(other.length);
        int count = 1 + random.nextInt(Math.min(6, other.length - from));
        lines.addAll(line, List.of(other).subList(from, from + count));
      }
      case 9 -> { // numbers: grow, negate or overflow a digit run
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(l);
        if (m.find()) {
          String[] repl = {
            "0", "-" + m.group(), m.group() + "0000000000000000000", "65536", "4294967296", "007"
          };
          lines.set(
              line,
              l.substring(0, m.start()) + repl[random.nextInt(repl.length)] + l.substring(m.end()));
        }
      }
      default -> { // truncate
        String joined = String.join("\n", lines);
        return joined.substring(0, random.nextInt(joined.length() + 1));
      }
    }
    return String.join("\n", lines);
  }
}
