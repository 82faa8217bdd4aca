package io.compose4j.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.compose4j.plan.Cluster;
import io.compose4j.validate.ClusterState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the real swarm manager DOCKER_HOST names (scripts/swarm-up.sh) and compares every fact with
 * what the docker CLI reports for the same engine.
 */
@Tag("swarm")
class DockerClusterSwarmTest {
  static final String LABEL = "compose4j-docker-test";

  @Test
  void readsWhatTheDockerCliReports() {
    String state =
        String.join(
            " ",
            docker(
                false,
                "info",
                "--format",
                "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}"));
    boolean manager = state.strip().equals("active true");
    String why =
        "no swarm manager at DOCKER_HOST="
            + System.getenv("DOCKER_HOST")
            + " (scripts/swarm-up.sh): "
            + state;
    if (Boolean.getBoolean("compose4j.swarm")) {
      assertThat(manager).as(why).isTrue();
    } else {
      assumeTrue(manager, why);
    }
    String selfId = docker(true, "info", "--format", "{{.Swarm.NodeID}}").get(0).strip();
    docker(true, "node", "update", "--label-add", LABEL + "=yes", selfId);
    try {
      DockerCluster live = DockerCluster.read();

      List<String> self =
          docker(
              true,
              "node",
              "inspect",
              selfId,
              "--format",
              """
              {{.ID}}
              {{.Description.Hostname}}
              {{.Spec.Role}}
              {{.Spec.Availability}}
              {{.Description.Resources.NanoCPUs}}
              {{.Description.Resources.MemoryBytes}}
              {{.Description.Platform.OS}}
              {{.Description.Platform.Architecture}}
              {{.Description.Engine.EngineVersion}}""");
      assertThat(live.nodes()).hasSize(docker(true, "node", "ls", "-q").size());
      ClusterState.Node n =
          live.nodes().stream().filter(x -> x.id().equals(self.get(0))).findFirst().orElseThrow();
      assertThat(n.hostname()).isEqualTo(self.get(1));
      assertThat(n.role()).isEqualTo(self.get(2)).isEqualTo("manager");
      assertThat(n.availability()).isEqualTo(self.get(3));
      assertThat(n.nanoCpus()).isEqualTo(Long.parseLong(self.get(4))).isPositive();
      assertThat(n.memoryBytes()).isEqualTo(Long.parseLong(self.get(5))).isPositive();
      assertThat(n.os()).isEqualTo(self.get(6));
      assertThat(n.arch()).isEqualTo(self.get(7));
      assertThat(n.engineVersion()).isEqualTo(self.get(8));
      assertThat(n.labels()).containsEntry(LABEL, "yes");
      assertThat(n.logDrivers()).contains("json-file");

      assertThat(live.secrets())
          .containsExactlyInAnyOrderElementsOf(
              docker(true, "secret", "ls", "--format", "{{.Name}}"));
      assertThat(live.configs())
          .containsExactlyInAnyOrderElementsOf(
              docker(true, "config", "ls", "--format", "{{.Name}}"));
      Map<String, String> networks = new LinkedHashMap<>();
      for (String line : docker(true, "network", "ls", "--format", "{{.Name}} {{.Scope}}")) {
        String[] f = line.split(" ", -1);
        networks.put(f[0], f[1]);
      }
      assertThat(live.networks()).isEqualTo(networks);
      assertThat(live.ingressSubnets())
          .containsExactlyElementsOf(
              Arrays.asList(
                  String.join(
                          " ",
                          docker(
                              true,
                              "network",
                              "inspect",
                              "ingress",
                              "--format",
                              "{{range .IPAM.Config}}{{.Subnet}} {{end}}"))
                      .strip()
                      .split(" ")));

      Cluster c = live.cluster();
      assertThat(c.node(n.hostname()).orElseThrow().nanoCpus()).isEqualTo(n.nanoCpus());
      assertThat(c.node(n.hostname()).orElseThrow().label(LABEL)).contains("yes");
      assertThat(live.state().nodes()).isEqualTo(live.nodes());
    } finally {
      docker(true, "node", "update", "--label-rm", LABEL, selfId);
    }
  }

  static List<String> docker(boolean mustSucceed, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      if (mustSucceed) {
        assertThat(p.exitValue()).as("%s:%n%s", String.join(" ", command), out).isZero();
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      if (mustSucceed) {
        throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
      }
      return List.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
