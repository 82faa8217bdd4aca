package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the cluster's nodes (and ingress subnets), cluster-dependent findings become certain: an
 * error where the nodes cannot take the tasks, nothing where they can, a warning (or nothing) where
 * the facts are not known.
 */
class ClusterFactsTest {
  @TempDir Path dir;

  private static final String HOST_PORTS =
      """
      version: "3.9"
      services:
        web:
          image: nginx:1.25
          ports:
            - target: 80
              published: 80
              mode: host
          deploy:
            replicas: 2
            placement:
              constraints: [node.labels.edge == true]
      """;

  private static final String SPREAD =
      """
      version: "3.9"
      services:
        db:
          image: postgres:16
          deploy:
            replicas: 3
            placement:
              max_replicas_per_node: 1
              constraints: [node.role == worker]
      """;

  private List<Diagnostic> findings(String yaml, String rule) throws Exception {
    return Fixtures.run(yaml, Target.SWARM, dir).report().forRule(rule);
  }

  @Test
  void hostModePortsAreAWarningWithoutNodesAnErrorWithTooFewAndFineWithEnough() throws Exception {
    assertThat(findings(HOST_PORTS, "SWARM-EP-010"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    String oneEdge = "# node: a manager edge=true\n# node: b worker edge=false\n" + HOST_PORTS;
    assertThat(findings(oneEdge, "SWARM-EP-010"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.message()).contains("1 eligible nodes");
            });
    String twoEdges = "# node: a manager edge=true\n# node: b worker edge=TRUE\n" + HOST_PORTS;
    assertThat(findings(twoEdges, "SWARM-EP-010")).isEmpty();
  }

  @Test
  void maxReplicasPerNodeCountsOnlyEligibleNodes() throws Exception {
    assertThat(findings(SPREAD, "SWARM-PLC-008"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    String twoWorkers = "# node: m manager\n# node: w1 worker\n# node: w2 worker\n" + SPREAD;
    assertThat(findings(twoWorkers, "SWARM-PLC-008"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    String threeWorkers = "# node: w1 worker\n# node: w2 worker\n# node: w3 worker\n" + SPREAD;
    assertThat(findings(threeWorkers, "SWARM-PLC-008")).isEmpty();
  }

  @Test
  void aHostPortHeldByAnUnconstrainedGlobalServiceIsCertainWithoutClusterFacts() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          edge:
            image: traefik:v3.1
            ports:
              - {target: 80, published: 80, mode: host}
            deploy:
              mode: global%s
          web:
            image: nginx:1.25
            ports:
              - {target: 80, published: 80, mode: host}
        """;
    assertThat(findings(yaml.formatted(""), "SWARM-EP-012"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    String constrained = "\n      placement:\n        constraints: [node.labels.edge == true]";
    assertThat(findings(yaml.formatted(constrained), "SWARM-EP-012"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
  }

  @Test
  void constraintsAreMatchedLikeTheScheduler() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          db:
            image: postgres:16
            deploy:
              placement:
                constraints: [node.labels.disk != hdd, node.hostname == DB-1]
        """;
    assertThat(findings(yaml, "SWARM-PLC-010")).as("nodes not known").isEmpty();
    assertThat(findings("# node: db-1 worker\n" + yaml, "SWARM-PLC-010"))
        .as("a missing label is the empty value; " + "host names compare case-insensitively")
        .isEmpty();
    assertThat(
            findings("# node: db-1 worker disk=HDD\n# node: db-2 worker\n" + yaml, "SWARM-PLC-010"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(findings("# node: db-1 worker Disk=hdd\n" + yaml, "SWARM-PLC-010"))
        .as("label names are case-sensitive")
        .isEmpty();
  }

  @Test
  void platformIdAndAvailabilityAreMatchedWhenKnown() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            deploy:
              placement:
                constraints: [%s]
        """;
    String linux = "# node: n1 manager @id=abc123 @os=linux @arch=x86_64\n";
    assertThat(findings(linux + yaml.formatted("node.platform.os == windows"), "SWARM-PLC-010"))
        .hasSize(1);
    assertThat(findings(linux + yaml.formatted("node.platform.os == Linux"), "SWARM-PLC-010"))
        .isEmpty();
    assertThat(findings(linux + yaml.formatted("node.platform.arch == aarch64"), "SWARM-PLC-010"))
        .hasSize(1);
    assertThat(findings(linux + yaml.formatted("node.id == zzz999"), "SWARM-PLC-010")).hasSize(1);
    assertThat(findings(linux + yaml.formatted("node.id == ABC123"), "SWARM-PLC-010")).isEmpty();
    assertThat(
            findings(
                "# node: n1 manager\n" + yaml.formatted("node.platform.os == windows"),
                "SWARM-PLC-010"))
        .as("a platform that is not known is not held against the node")
        .isEmpty();
    assertThat(
            findings(
                "# node: n1 manager @availability=drain\n# node: n2 worker\n"
                    + yaml.formatted("node.role == manager"),
                "SWARM-PLC-010"))
        .as("a drained node takes no tasks")
        .hasSize(1);
  }

  @Test
  void cpuLimitsAndReservationsAreCheckedAgainstTheEligibleNodes() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            deploy:
              resources:
                %s:
                  %s
              placement:
                constraints: [node.role == worker]
        """;
    String nodes =
        "# node: m manager @cpus=16 @memory=68719476736\n# node: w worker @cpus=2 @memory=4294967296\n";
    assertThat(findings(nodes + yaml.formatted("limits", "cpus: '4'"), "SWARM-RES-010"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Range of CPUs is from 0.01 to 2,"));
    assertThat(findings(nodes + yaml.formatted("limits", "cpus: '2'"), "SWARM-RES-010")).isEmpty();
    assertThat(
            findings(
                nodes + yaml.formatted("limits", "cpus: '4'").replace("worker", "manager"),
                "SWARM-RES-010"))
        .as("the manager has 16")
        .isEmpty();
    assertThat(findings(yaml.formatted("limits", "cpus: '64'"), "SWARM-RES-010"))
        .as("nodes not known")
        .isEmpty();
    assertThat(
            findings(
                "# node: w worker\n" + yaml.formatted("limits", "cpus: '64'"), "SWARM-RES-010"))
        .as("CPUs not known")
        .isEmpty();
    assertThat(findings(nodes + yaml.formatted("reservations", "memory: 8G"), "SWARM-RES-011"))
        .singleElement()
        .satisfies(d -> assertThat(d.path()).endsWith("reservations.memory"));
    assertThat(findings(nodes + yaml.formatted("reservations", "memory: 4G"), "SWARM-RES-011"))
        .isEmpty();
    assertThat(findings(nodes + yaml.formatted("reservations", "cpus: '2.5'"), "SWARM-RES-011"))
        .hasSize(1);
    assertThat(findings(yaml.formatted("reservations", "memory: 4096G"), "SWARM-RES-011"))
        .as("nodes not known")
        .isEmpty();
  }

  @Test
  void genericResourcesAreCertainGivenTheNodes() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          trainer:
            image: alpine:3.20
            deploy:
              resources:
                reservations:
                  generic_resources:
                    - discrete_resource_spec: {kind: gpu, value: 2}
        """;
    assertThat(findings(yaml, "SWARM-RES-007"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(findings("# node: n1 worker @generic=gpu=1\n" + yaml, "SWARM-RES-007"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            findings(
                "# node: n1 worker @generic=gpu=1\n# node: n2 worker @generic=gpu=4\n" + yaml,
                "SWARM-RES-007"))
        .isEmpty();
  }

  @Test
  void aLogDriverNoNodeHasIsAnError() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            logging:
              driver: loki
        """;
    assertThat(findings(yaml, "SWARM-LOG-003"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(findings("# node: n1 worker @log=json-file,local\n" + yaml, "SWARM-LOG-003"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.message()).contains("missing plugin on 1 node");
            });
    assertThat(
            findings(
                "# node: n1 worker @log=json-file,local\n# node: n2 worker @log=json-file,loki\n"
                    + yaml,
                "SWARM-LOG-003"))
        .isEmpty();
    assertThat(findings("# node: n1 worker\n" + yaml, "SWARM-LOG-003"))
        .as("drivers not known")
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
  }

  @Test
  void windowsOnlySettingsAreErrorsOnLinuxOnlyNodes() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          app:
            image: mcr.microsoft.com/dotnet/aspnet:8.0
            isolation: hyperv
            credential_spec:
              file: spec.json
        """;
    for (String rule : List.of("SWARM-MISC-007", "SWARM-SEC-011")) {
      assertThat(findings(yaml, rule))
          .as(rule)
          .extracting(Diagnostic::severity)
          .containsExactly(Severity.WARNING);
      assertThat(findings("# node: n1 worker @os=linux\n" + yaml, rule))
          .as(rule)
          .extracting(Diagnostic::severity)
          .containsExactly(Severity.ERROR);
      assertThat(
              findings("# node: n1 worker @os=linux\n# node: n2 worker @os=windows\n" + yaml, rule))
          .as(rule)
          .extracting(Diagnostic::severity)
          .containsExactly(Severity.WARNING);
    }
  }

  @Test
  void twoServicesOnOneHostPortNeedAsManyNodesAsTasks() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            ports: [{target: 80, published: 8084, mode: host}]
          api:
            image: nginx:1.25
            ports: [{target: 80, published: 8084, mode: host}]
        """;
    assertThat(findings(yaml, "SWARM-EP-012"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(findings("# node: n1 manager\n" + yaml, "SWARM-EP-012"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(findings("# node: n1 manager\n# node: n2 worker\n" + yaml, "SWARM-EP-012"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
  }

  @Test
  void aSubnetOverlappingTheClustersIngressIsAnError() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            networks: [back]
        networks:
          back:
            driver: overlay
            ipam:
              config:
                - subnet: %s
        """;
    assertThat(findings(yaml.formatted("10.0.0.0/24"), "SWARM-NET-011"))
        .as("the default ingress subnet, not known")
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(
            findings("# ingress: 10.0.0.0/24\n" + yaml.formatted("10.0.0.128/25"), "SWARM-NET-011"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            findings("# ingress: 10.255.0.0/16\n" + yaml.formatted("10.0.0.0/24"), "SWARM-NET-011"))
        .as("the ingress network was recreated elsewhere")
        .isEmpty();
    assertThat(
            findings(
                "# ingress: 10.255.0.0/16\n" + yaml.formatted("10.255.3.0/24"), "SWARM-NET-011"))
        .hasSize(1);
  }

  @Test
  void localsCommonAttributesAreErrorsOnOldEnginesOnly() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            logging:
              driver: local
              options:
                labels-regex: "^app"
        """;
    assertThat(findings(yaml, "SWARM-LOG-001"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(findings("# node: n1 worker @engine=20.10.24+dfsg1\n" + yaml, "SWARM-LOG-001"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            findings(
                "# node: n1 worker @engine=20.10.24\n# node: n2 worker @engine=29.1.0\n" + yaml,
                "SWARM-LOG-001"))
        .as("one node's engine accepts it")
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
  }

  @Test
  void aBindSourceOrVolumeDeviceNoNodeHasIsAnError() throws Exception {
    String yaml =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            volumes: ["./data:/data", "nfs:/nfs"]
        volumes:
          nfs:
            driver_opts: {type: none, o: bind, device: /srv/nfs}
        """;
    assertThat(findings(yaml, "SWARM-VOL-014")).as("host paths not known").isEmpty();
    String absent = "# absent: " + dir.resolve("data") + "\n# absent: /srv/nfs\n";
    assertThat(findings(absent + yaml, "SWARM-VOL-014"))
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrder("services.web.volumes[0]", "volumes.nfs.driver_opts.device");
    assertThat(findings("# absent: /srv/other\n" + yaml, "SWARM-VOL-014")).isEmpty();
    assertThat(findings(absent + yaml.replace("o: bind", "o: addr=10.0.0.9"), "SWARM-VOL-014"))
        .as("a device that is not bound is not a host path")
        .hasSize(1);
  }
}
