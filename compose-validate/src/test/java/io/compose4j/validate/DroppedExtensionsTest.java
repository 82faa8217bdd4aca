package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An x-* key in a mapping whose x-* keys the model does not keep (healthcheck, logging, deploy's
 * objects, service networks, ipam, mount options) is never dropped silently: reading reports it
 * ({@code dropped-extension}, which {@code compose4j fmt} prints), and for Swarm SWARM-VER-002 says
 * what Docker does with it. The verdicts are Docker's: {@code docker stack config} on each case
 * refused it with {@code <path> Additional property x-a is not allowed} or accepted it (and dropped
 * it); {@link #dockerGivesTheseVerdicts} checks them against the docker CLI in the conformance
 * suite.
 */
class DroppedExtensionsTest {
  @TempDir Path dir;

  /** What Docker does with an x-* key in that place of a version 3.9 file. */
  enum Docker {
    REFUSES,
    ACCEPTS
  }

  /** A place an x-* key can stand, its YAML path, what Docker does, whether the model keeps it. */
  enum Place {
    HEALTHCHECK(
        "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      x-a: 1\n",
        "services.web.healthcheck.x-a",
        Docker.REFUSES,
        false),
    LOGGING(
        "    logging:\n      driver: json-file\n      x-a: 1\n",
        "services.web.logging.x-a",
        Docker.REFUSES,
        false),
    RESTART_POLICY(
        "    deploy:\n      restart_policy:\n        condition: any\n        x-a: 1\n",
        "services.web.deploy.restart_policy.x-a",
        Docker.REFUSES,
        false),
    UPDATE_CONFIG(
        "    deploy:\n      update_config:\n        parallelism: 1\n        x-a: 1\n",
        "services.web.deploy.update_config.x-a",
        Docker.REFUSES,
        false),
    ROLLBACK_CONFIG(
        "    deploy:\n      rollback_config:\n        parallelism: 1\n        x-a: 1\n",
        "services.web.deploy.rollback_config.x-a",
        Docker.REFUSES,
        false),
    PLACEMENT(
        "    deploy:\n      placement:\n        constraints: [node.role==manager]\n        x-a: 1\n",
        "services.web.deploy.placement.x-a",
        Docker.REFUSES,
        false),
    RESOURCES(
        "    deploy:\n      resources:\n        x-a: 1\n        limits:\n          cpus: '0.5'\n",
        "services.web.deploy.resources.x-a",
        Docker.REFUSES,
        false),
    LIMITS(
        "    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          x-a: 1\n",
        "services.web.deploy.resources.limits.x-a",
        Docker.REFUSES,
        false),
    SERVICE_NETWORK(
        "    networks:\n      n1:\n        aliases: [a]\n        x-a: 1\n",
        "services.web.networks.n1.x-a",
        Docker.REFUSES,
        false),
    IPAM(null, "networks.n1.ipam.x-a", Docker.REFUSES, false),
    BIND_OPTIONS(
        "    volumes:\n      - type: bind\n        source: /tmp\n        target: /d\n        bind:\n          propagation: rprivate\n          x-a: 1\n",
        "services.web.volumes[0].bind.x-a",
        Docker.ACCEPTS,
        false),
    VOLUME_OPTIONS(
        "    volumes:\n      - type: volume\n        source: v\n        target: /d\n        volume:\n          nocopy: true\n          x-a: 1\n",
        "services.web.volumes[0].volume.x-a",
        Docker.ACCEPTS,
        false),
    SECRET_REFERENCE(
        "    secrets:\n      - source: s\n        x-a: 1\n",
        "services.web.secrets[0].x-a",
        Docker.ACCEPTS,
        true),
    PORT(
        "    ports:\n      - target: 80\n        x-a: 1\n",
        "services.web.ports[0].x-a",
        Docker.REFUSES,
        true);

    final String service;
    final String path;
    final Docker docker;
    final boolean kept;

    Place(String service, String path, Docker docker, boolean kept) {
      this.service = service;
      this.path = path;
      this.docker = docker;
      this.kept = kept;
    }

    private static final String IPAM_FILE =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1
        networks:
          n1:
            ipam:
              driver: default
              x-a: 1
        """;

    String yaml() {
      String tail =
          "networks:\n  n1:\n    driver: overlay\nvolumes:\n  v: {}\nsecrets:\n  s:\n    file: ./s.txt\n";
      if (service == null) {
        return IPAM_FILE;
      }
      return "version: \"3.9\"\nservices:\n  web:\n    image: nginx:1\n" + service + tail;
    }
  }

  private List<Diagnostic> ver002(Place place, Target target) throws Exception {
    Files.writeString(dir.resolve("s.txt"), "s");
    Fixtures.Outcome outcome = Fixtures.run(place.yaml(), target, dir);
    assertThat(outcome.parseError()).as(place.name()).isNull();
    return outcome.report().forRule("SWARM-VER-002");
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void swarmSaysWhatDockerDoes(Place place) throws Exception {
    List<Diagnostic> found = ver002(place, Target.SWARM);
    if (place.docker == Docker.REFUSES) {
      assertThat(found)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.severity()).isEqualTo(Severity.ERROR);
                assertThat(d.path()).isEqualTo(place.path);
                assertThat(d.message())
                    .isEqualTo("'x-a' is not in any Compose file format 3.x schema");
              });
    } else if (place.kept) {
      assertThat(found)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.severity()).isEqualTo(Severity.WARNING);
                assertThat(d.path()).isEqualTo(place.path);
                assertThat(d.message()).contains("accepted by docker stack deploy and dropped");
              });
    } else {
      assertThat(found).isEmpty();
    }
    assertThat(ver002(place, Target.COMPOSE))
        .as("the Compose Specification allows x-* keys there")
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void readingSaysWhatItLeavesOut(Place place) throws Exception {
    Files.writeString(dir.resolve("s.txt"), "s");
    List<Diagnostic> warnings =
        ComposeReader.create().withBaseDir(dir).read(place.yaml(), "stack.yml").warnings();
    List<Diagnostic> dropped =
        warnings.stream().filter(d -> d.ruleId().equals("dropped-extension")).toList();
    if (place.kept) {
      assertThat(dropped).as("the model keeps x-* keys there").isEmpty();
    } else {
      assertThat(dropped)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path()).isEqualTo(place.path);
                assertThat(d.message())
                    .isEqualTo(
                        "'x-a' is left out of the stack: Compose4J keeps no x-* keys in this mapping");
              });
    }
  }

  @Test
  void anUnknownKeyThatIsNotAnExtensionIsStillAnError() throws Exception {
    String yaml = Place.HEALTHCHECK.yaml().replace("x-a: 1", "intervl: 5s");
    assertThat(Fixtures.run(yaml, Target.SWARM, dir).parseError())
        .contains("unknown key 'intervl'");
  }

  /** The verdicts above are Docker's own: {@code docker stack config} on each case. */
  @Tag("conformance")
  @ParameterizedTest
  @EnumSource(Place.class)
  void dockerGivesTheseVerdicts(Place place) throws Exception {
    assumeTrue(
        DockerCli.run(null, null, "docker", "--version").ok(), "the docker CLI is not installed");
    Files.writeString(dir.resolve("s.txt"), "s");
    Files.writeString(dir.resolve("stack.yml"), place.yaml());
    DockerCli.Result r = DockerCli.run(dir, null, "docker", "stack", "config", "-c", "stack.yml");
    if (place.docker == Docker.REFUSES) {
      assertThat(r.ok()).as(r.output()).isFalse();
      String dockerPath = place.path.substring(0, place.path.lastIndexOf('.'));
      dockerPath = dockerPath.replaceAll("\\[(\\d+)]", ".$1");
      assertThat(r.output()).contains(dockerPath + " Additional property x-a is not allowed");
    } else {
      assertThat(r.ok()).as(r.output()).isTrue();
      assertThat(r.output()).doesNotContain("x-a");
    }
  }
}
