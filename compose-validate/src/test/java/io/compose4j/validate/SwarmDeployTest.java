package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.validate.DockerCli.Result;
import io.compose4j.validate.SwarmCasesConformanceTest.Case;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deploys each of the 123 rule cases to a real Swarm ({@code -Pswarm}, {@code DOCKER_HOST} of
 * {@code scripts/swarm-up.sh}) and checks that the validator reports an error exactly when {@code
 * docker stack config} or {@code docker stack deploy} refuses the stack — except for the task-time
 * rules the catalog marks stage A (the deploy succeeds and the tasks fail later) and the explained
 * exceptions of {@code conformance/swarm-deploy-exceptions.tsv}.
 *
 * <p>Before each deploy the external secrets, configs and networks the file names are created,
 * following the catalog's conventions: a secret or config whose name contains {@code missing} is
 * left out, a network whose name starts with {@code ext-local} is created node-local. The validator
 * is then told what the swarm really holds ({@link ClusterState} from {@code docker secret ls} and
 * friends).
 */
@Tag("swarm")
class SwarmDeployTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Map<String, String> STAGES = new HashMap<>();
  private static final Map<String, String> TABLE = new TreeMap<>();

  @BeforeAll
  static void swarm() throws IOException {
    DockerCli.requireSwarm();
    for (String line :
        Files.readAllLines(SwarmCasesConformanceTest.casesDir().resolve("../rules.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f.length > 2 && f[0].startsWith("SWARM-")) {
        STAGES.put(f[0], f[2]);
      }
    }
  }

  @AfterAll
  static void summary() throws IOException {
    if (TABLE.isEmpty()) {
      return;
    }
    long agree = TABLE.values().stream().filter(v -> v.startsWith("agree")).count();
    String summary =
        String.format(
            "real swarm: %d cases deployed; %d agree, %d stage A (task-time), %d listed exceptions%n",
            TABLE.size(),
            agree,
            TABLE.values().stream().filter(v -> v.startsWith("stage-A")).count(),
            TABLE.values().stream().filter(v -> v.startsWith("exception")).count());
    System.out.print(summary);
    StringBuilder b = new StringBuilder(summary);
    TABLE.forEach((k, v) -> b.append(String.format("%-45s %s%n", k, v)));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "swarm-deploy.txt"), b.toString());
  }

  static List<Case> cases() throws IOException {
    return SwarmCasesConformanceTest.cases();
  }

  static Map<String, String> exceptions() throws IOException {
    return SwarmCasesConformanceTest.exceptions("/conformance/swarm-deploy-exceptions.tsv");
  }

  /** A stack name of the same length as the case's (name-length rules), unique per deploy. */
  static String stackName(String declared) {
    if (!declared.equals("st")) {
      return declared;
    }
    int n = COUNTER.getAndIncrement();
    return "" + (char) ('a' + n / 36 % 26) + Character.forDigit(n % 36, 36);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theValidatorReportsAnErrorExactlyWhenTheSwarmRefuses(Case c) throws IOException {
    Path dir = SwarmCasesConformanceTest.casesDir();
    String yaml = Files.readString(dir.resolve(c.file()), StandardCharsets.UTF_8);
    String stack = stackName(SwarmCasesConformanceTest.header(yaml, "stack"));
    List<String> files = new ArrayList<>(List.of(c.file()));
    String extra = SwarmCasesConformanceTest.header(yaml, "extra-files");
    if (extra != null) {
      files.addAll(List.of(extra.split("[,\\s]+")));
    }
    List<String> composeFiles = new ArrayList<>();
    files.forEach(f -> composeFiles.addAll(List.of("-c", f)));

    // what Docker does
    String refusal = null;
    Result config =
        DockerCli.run(dir, null, concat(List.of("docker", "stack", "config"), composeFiles));
    if (!config.ok()) {
      refusal = "docker stack config: " + lastLine(config.output());
    } else {
      for (String f : files) {
        createExternals(dir.resolve(f));
      }
      Result deploy =
          DockerCli.run(
              dir,
              null,
              concat(
                  concat(
                      List.of("docker", "stack", "deploy", "--resolve-image", "never"),
                      composeFiles),
                  List.of(stack)));
      DockerCli.run(dir, null, "docker", "stack", "rm", stack);
      if (!deploy.ok()) {
        refusal = "docker stack deploy: " + lastLine(deploy.output());
      }
    }

    // what the validator says, knowing what the swarm holds
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      ReadResult read = ComposeReader.create().withBaseDir(dir).read(dir.resolve(c.file()));
      diagnostics.addAll(
          StackValidator.forTarget(Target.SWARM)
              .baseDir(dir)
              .stackName(stack)
              .cluster(clusterState())
              .validate(read.stack(), read.facts())
              .diagnostics());
      if (files.size() > 1) {
        List<String> versions = new ArrayList<>();
        for (String f : files) {
          versions.add(
              ComposeReader.create()
                  .withBaseDir(dir)
                  .read(dir.resolve(f))
                  .stack()
                  .version()
                  .orElse(null));
        }
        diagnostics.addAll(StackValidator.versionMismatch(versions, files));
      }
    } catch (ComposeReadException e) {
      diagnostics.add(Diagnostic.error("parse", e.path(), e.reason(), ""));
    }
    List<Diagnostic> errorList =
        diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    List<String> errors = errorList.stream().map(d -> d.ruleId() + ": " + d.message()).toList();

    boolean agrees = errors.isEmpty() == (refusal == null);
    // task-time: the case is about a stage-A rule, or the swarm accepted and only stage-A rules
    // fired
    boolean taskTime =
        c.rules().stream().anyMatch(r -> "A".equals(STAGES.get(r)))
            || (refusal == null
                && !errorList.isEmpty()
                && errorList.stream().allMatch(d -> "A".equals(STAGES.get(d.ruleId()))));
    String stage = taskTime ? "A" : "";
    String detail =
        "swarm "
            + (refusal == null ? "accepted" : "refused (" + refusal + ")")
            + "; validator "
            + (errors.isEmpty() ? "no error" : errors);
    String reason = exceptions().get(c.file());
    if (stage.equals("A")) {
      TABLE.put(
          c.file(), (agrees ? "stage-A agrees: " : "stage-A (task-time, not compared): ") + detail);
      return;
    }
    if (reason != null) {
      TABLE.put(c.file(), "exception: " + detail + " — " + reason);
      assertThat(agrees)
          .as("%s is listed in swarm-deploy-exceptions.tsv but now agrees: %s", c.file(), detail)
          .isFalse();
      return;
    }
    TABLE.put(c.file(), (agrees ? "agree: " : "DISAGREE: ") + detail);
    assertThat(agrees)
        .as("%s (expected %s %s): %s", c.file(), c.expected(), c.rules(), detail)
        .isTrue();
  }

  /**
   * Creates the external secrets, configs and networks a file names, as the catalog's swarm had
   * them.
   */
  static void createExternals(Path file) throws IOException {
    JsonNode doc = new YAMLMapper().readTree(file.toFile());
    if (doc == null || !doc.isObject()) {
      return;
    }
    for (String kind : List.of("secrets", "configs", "networks")) {
      JsonNode section = doc.get(kind);
      if (section == null || !section.isObject()) {
        continue;
      }
      for (var e : section.properties()) {
        JsonNode spec = e.getValue();
        JsonNode external = spec == null ? null : spec.get("external");
        if (external == null || (external.isBoolean() && !external.asBoolean())) {
          continue;
        }
        String name =
            spec.hasNonNull("name")
                ? spec.get("name").asText()
                : external.isObject() && external.hasNonNull("name")
                    ? external.get("name").asText()
                    : e.getKey();
        if (kind.equals("networks")) {
          boolean local = name.startsWith("ext-local");
          DockerCli.run(
              null,
              null,
              "docker",
              "network",
              "create",
              "-d",
              local ? "bridge" : "overlay",
              local ? "--internal" : "--attachable",
              name);
        } else if (!name.contains("missing")) {
          DockerCli.run(
              null, "x", "docker", kind.substring(0, kind.length() - 1), "create", name, "-");
        }
      }
    }
  }

  /** What the swarm holds now. */
  static ClusterState clusterState() {
    Set<String> secrets =
        new HashSet<>(DockerCli.lines("docker", "secret", "ls", "--format", "{{.Name}}"));
    Set<String> configs =
        new HashSet<>(DockerCli.lines("docker", "config", "ls", "--format", "{{.Name}}"));
    Map<String, String> networks = new HashMap<>();
    for (String line :
        DockerCli.lines("docker", "network", "ls", "--format", "{{.Name}}\t{{.Scope}}")) {
      String[] f = line.split("\t", -1);
      networks.put(f[0], f[1]);
    }
    return new ClusterState(secrets, configs, networks);
  }

  private static String lastLine(String output) {
    List<String> lines =
        output
            .lines()
            .filter(
                l ->
                    !l.isBlank()
                        && !l.startsWith("Since --detach")
                        && !l.startsWith("In a future release"))
            .toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  private static String[] concat(String[] a, List<String> b) {
    return concat(List.of(a), b);
  }
}
