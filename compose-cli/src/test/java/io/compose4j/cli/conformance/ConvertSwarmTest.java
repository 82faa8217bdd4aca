package io.compose4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.compose4j.yaml.ComposeReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The converted compose-spec-only corpus files deploy on a real Swarm ({@code -Pswarm}): every
 * tenth file of the acceptance set (a fixed sample) is converted; when the validator finds an error
 * in the result, the file is a fragment or needs files the corpus does not carry (an undefined
 * network, a missing secret file, an unset image variable) and the next file is taken instead. Each
 * sampled stack gets its external objects created, and {@code docker stack deploy --resolve-image
 * never} must create every service.
 */
@Tag("swarm")
class ConvertSwarmTest {
  private static Path shared;
  private static Path work;

  @BeforeAll
  static void locate() throws IOException {
    shared = Shared.root();
    Shared.Result info =
        Shared.run(
            Path.of("."), List.of("docker", "info", "--format", "{{.Swarm.ControlAvailable}}"));
    String why = "no swarm manager at DOCKER_HOST (scripts/swarm-up.sh)";
    if (Boolean.getBoolean("compose4j.swarm")) {
      assertThat(info.out().strip()).as(why + ": " + info.err()).isEqualTo("true");
    } else {
      assumeTrue(info.out().strip().equals("true"), why);
    }
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "convert-swarm-");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aSampleOfConvertedFilesDeploys() throws IOException {
    List<ConvertAcceptanceTest.Entry> all = ConvertAcceptanceTest.index(shared);
    Set<String> categories = ConvertAcceptanceTest.lines("/conformance/convert-categories.txt");
    Set<String> excluded = ConvertAcceptanceTest.exceptions().keySet();
    ConvertAcceptanceTest.layout(shared, work, all);
    List<ConvertAcceptanceTest.Entry> set =
        all.stream()
            .filter(e -> categories.contains(e.category()) && !excluded.contains(e.path()))
            .toList();
    Map<String, String> failures = new TreeMap<>();
    int deployed = 0;
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < set.size(); i += 10) {
      ConvertAcceptanceTest.Entry e = set.get(i);
      Path source = work.resolve(e.repo().replace('/', '+')).resolve(e.origPath());
      Path out;
      try {
        out = ConvertAcceptanceTest.convert(source);
      } catch (ComposeReadException ex) {
        failures.put(e.path(), "convert: " + ex.getMessage());
        continue;
      }
      String error = firstError(out);
      if (error != null && i + 1 < set.size()) {
        skipped.add(e.path() + " (" + error + ")");
        i -= 9; // take the next file instead
        continue;
      }
      createExternals(out);
      String stack = "cv" + i;
      Shared.Result deploy =
          Shared.run(
              out.getParent(),
              List.of(
                  "docker",
                  "stack",
                  "deploy",
                  "--resolve-image",
                  "never",
                  "-c",
                  out.getFileName().toString(),
                  stack));
      Shared.Result services =
          Shared.run(
              out.getParent(),
              List.of("docker", "stack", "services", stack, "--format", "{{.Name}}"));
      Shared.run(out.getParent(), List.of("docker", "stack", "rm", stack));
      JsonNode doc = new YAMLMapper().readTree(out.toFile());
      int expected = doc.path("services").size();
      long created = services.out().lines().filter(l -> !l.isBlank()).count();
      if (deploy.code() != 0 || created != expected) {
        failures.put(
            e.path(),
            "deploy rc "
                + deploy.code()
                + ", "
                + created
                + " of "
                + expected
                + " services: "
                + (deploy.out() + deploy.err()).strip());
      } else {
        deployed++;
      }
    }
    System.out.printf(
        "convert on a real swarm: %d of %d sampled files deploy with every service (%d skipped: the"
            + " validator finds an error in them)%n",
        deployed, deployed + failures.size(), skipped.size());
    skipped.forEach(k -> System.out.println("  skipped " + k));
    failures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    assertThat(failures).isEmpty();
  }

  /** Returns the validator's first error for a converted stack file, or null when it has none. */
  static String firstError(Path file) {
    io.compose4j.yaml.ReadResult read =
        io.compose4j.yaml.ComposeReader.create()
            .withEnvironment(Map.of())
            .withBaseDir(file.getParent())
            .read(file);
    return io.compose4j.validate.StackValidator.forTarget(io.compose4j.model.Target.SWARM)
        .baseDir(file.getParent())
        .validate(read.stack(), read.facts())
        .errors()
        .stream()
        .map(d -> d.ruleId() + " " + d.path() + ": " + d.message())
        .findFirst()
        .orElse(null);
  }

  /** Creates the external secrets, configs and networks a stack file names. */
  static void createExternals(Path file) throws IOException {
    JsonNode doc = new YAMLMapper().readTree(file.toFile());
    for (String kind : List.of("secrets", "configs", "networks")) {
      for (var e : doc.path(kind).properties()) {
        JsonNode spec = e.getValue();
        if (!spec.path("external").asBoolean(false)) {
          continue;
        }
        String name = spec.hasNonNull("name") ? spec.get("name").asText() : e.getKey();
        List<String> command =
            new ArrayList<>(
                kind.equals("networks")
                    ? List.of("docker", "network", "create", "-d", "overlay", "--attachable", name)
                    : List.of(
                        "sh",
                        "-c",
                        "printf x | docker "
                            + kind.substring(0, kind.length() - 1)
                            + " create "
                            + name
                            + " -"));
        Shared.run(file.getParent(), command);
      }
    }
  }
}
