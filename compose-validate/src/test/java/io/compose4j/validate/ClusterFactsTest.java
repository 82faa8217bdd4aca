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
 * Given the cluster's nodes, cluster-dependent findings become certain: an error where the nodes
 * cannot take the tasks, nothing where they can, a warning where the nodes are not known.
 */
class ClusterFactsTest {
  @TempDir
  Path dir;

  private static final String HOST_PORTS = """
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

  private static final String SPREAD = """
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
    assertThat(findings(HOST_PORTS, "SWARM-EP-010")).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
    String oneEdge = "# node: a manager edge=true\n# node: b worker edge=false\n" + HOST_PORTS;
    assertThat(findings(oneEdge, "SWARM-EP-010")).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.message()).contains("1 eligible nodes");
    });
    String twoEdges = "# node: a manager edge=true\n# node: b worker edge=TRUE\n" + HOST_PORTS;
    assertThat(findings(twoEdges, "SWARM-EP-010")).isEmpty();
  }

  @Test
  void maxReplicasPerNodeCountsOnlyEligibleNodes() throws Exception {
    assertThat(findings(SPREAD, "SWARM-PLC-008")).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
    String twoWorkers = "# node: m manager\n# node: w1 worker\n# node: w2 worker\n" + SPREAD;
    assertThat(findings(twoWorkers, "SWARM-PLC-008")).extracting(Diagnostic::severity).containsExactly(Severity.ERROR);
    String threeWorkers = "# node: w1 worker\n# node: w2 worker\n# node: w3 worker\n" + SPREAD;
    assertThat(findings(threeWorkers, "SWARM-PLC-008")).isEmpty();
  }

  @Test
  void aHostPortHeldByAnUnconstrainedGlobalServiceIsCertainWithoutClusterFacts() throws Exception {
    String yaml = """
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
    assertThat(findings(yaml.formatted(""), "SWARM-EP-012")).extracting(Diagnostic::severity).containsExactly(Severity.ERROR);
    String constrained = "\n      placement:\n        constraints: [node.labels.edge == true]";
    assertThat(findings(yaml.formatted(constrained), "SWARM-EP-012")).extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
  }

  @Test
  void constraintsAreMatchedLikeTheScheduler() throws Exception {
    String yaml = """
        version: "3.9"
        services:
          db:
            image: postgres:16
            deploy:
              placement:
                constraints: [node.labels.disk != hdd, node.hostname == DB-1]
        """;
    assertThat(findings(yaml, "SWARM-PLC-010")).as("nodes not known").isEmpty();
    assertThat(findings("# node: db-1 worker\n" + yaml, "SWARM-PLC-010")).as("a missing label is the empty value; "
        + "host names compare case-insensitively").isEmpty();
    assertThat(findings("# node: db-1 worker disk=HDD\n# node: db-2 worker\n" + yaml, "SWARM-PLC-010"))
        .extracting(Diagnostic::severity).containsExactly(Severity.ERROR);
    assertThat(findings("# node: db-1 worker Disk=hdd\n" + yaml, "SWARM-PLC-010")).as("label names are case-sensitive")
        .isEmpty();
  }
}
