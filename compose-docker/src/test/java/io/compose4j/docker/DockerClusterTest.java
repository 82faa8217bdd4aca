package io.compose4j.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.plan.Cluster;
import io.compose4j.plan.Node;
import io.compose4j.validate.ClusterState;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerClusterTest {
  static final String MANAGER_INFO =
      "{\"Swarm\":{\"LocalNodeState\":\"active\",\"ControlAvailable\":true}}";

  static final String NODES =
      """
      [{"ID":"w1id","Spec":{"Role":"worker","Availability":"drain","Labels":{"zone":"b"}},
        "Description":{"Hostname":"worker-1","Platform":{"Architecture":"aarch64","OS":"linux"},
          "Resources":{"NanoCPUs":2000000000,"MemoryBytes":8589934592,
            "GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":2}},
              {"NamedResourceSpec":{"Kind":"fpga","Value":"f1"}},{"NamedResourceSpec":{"Kind":"fpga","Value":"f2"}}]},
          "Engine":{"EngineVersion":"24.0.7","Labels":{"disk":"ssd"},
            "Plugins":[{"Type":"Log","Name":"json-file"},{"Type":"Log","Name":"loki"},{"Type":"Volume","Name":"local"}]}}},
       {"ID":"m1id","Spec":{"Role":"manager","Availability":"active","Labels":{"zone":"a","db":"yes"}},
        "Description":{"Hostname":"manager-1","Platform":{"Architecture":"x86_64","OS":"linux"},
          "Resources":{"NanoCPUs":1500000000,"MemoryBytes":4294967296},
          "Engine":{"EngineVersion":"20.10.24","Plugins":[{"Type":"Log","Name":"syslog"}]}}}]
      """;

  static final String NETWORKS =
      """
      [{"Name":"bridge","Scope":"local","IPAM":{"Config":[{"Subnet":"172.17.0.0/16"}]}},
       {"Name":"ingress","Scope":"swarm","Ingress":true,"IPAM":{"Config":[{"Subnet":"10.0.0.0/24","Gateway":"10.0.0.1"}]}},
       {"Name":"shop_backend","Scope":"swarm","IPAM":{"Config":[{"Subnet":"10.0.1.0/24"}]}}]
      """;

  static FakeEngine manager() throws IOException {
    return new FakeEngine()
        .answer("/info", MANAGER_INFO)
        .answer("/nodes", NODES)
        .answer("/networks", NETWORKS)
        .answer("/secrets", "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"db_password\"}}]")
        .answer(
            "/configs",
            "[{\"ID\":\"c1\",\"Spec\":{\"Name\":\"nginx_conf\"}},{\"ID\":\"c2\",\"Spec\":{\"Name\":\"app_env\"}}]");
  }

  @Test
  void readsNodesNetworksSecretsAndConfigsFromTheEngine() throws IOException {
    try (FakeEngine engine = manager()) {
      DockerCluster live = DockerCluster.read(engine.host());

      assertThat(engine.asked)
          .containsExactly(
              "GET /info", "GET /nodes", "GET /networks", "GET /secrets", "GET /configs");
      assertThat(live.engineHost()).isEqualTo(engine.host());
      assertThat(live.secrets()).containsExactly("db_password");
      assertThat(live.configs()).containsExactlyInAnyOrder("nginx_conf", "app_env");
      assertThat(live.networks())
          .isEqualTo(Map.of("bridge", "local", "ingress", "swarm", "shop_backend", "swarm"));
      assertThat(live.ingressSubnets()).containsExactly("10.0.0.0/24");
      assertThat(live.nodes())
          .extracting(ClusterState.Node::hostname)
          .containsExactly("manager-1", "worker-1");

      ClusterState.Node w = live.nodes().get(1);
      assertThat(w.id()).isEqualTo("w1id");
      assertThat(w.role()).isEqualTo("worker");
      assertThat(w.availability()).isEqualTo("drain");
      assertThat(w.schedulable()).isFalse();
      assertThat(w.labels()).isEqualTo(Map.of("zone", "b"));
      assertThat(w.engineLabels()).isEqualTo(Map.of("disk", "ssd"));
      assertThat(w.os()).isEqualTo("linux");
      assertThat(w.arch()).isEqualTo("aarch64");
      assertThat(w.nanoCpus()).isEqualTo(2_000_000_000L);
      assertThat(w.memoryBytes()).isEqualTo(8L << 30);
      assertThat(w.genericResources()).isEqualTo(Map.of("gpu", 2L, "fpga", 2L));
      assertThat(w.logDrivers()).containsExactlyInAnyOrder("json-file", "loki");
      assertThat(w.engineMajor()).isEqualTo(24);
      assertThat(live.nodes().get(0).engineMajor()).isEqualTo(20);
    }
  }

  @Test
  void givesThePlannerItsCluster() throws IOException {
    try (FakeEngine engine = manager()) {
      Cluster c = DockerCluster.read(engine.host()).cluster();

      assertThat(c.zoneLabel()).isEqualTo("zone");
      assertThat(c.zones()).containsExactly("a", "b");
      Node m = c.node("manager-1").orElseThrow();
      assertThat(m.id()).isEqualTo("m1id");
      assertThat(m.role()).isEqualTo(Node.Role.MANAGER);
      assertThat(m.availability()).isEqualTo(Node.Availability.ACTIVE);
      assertThat(m.nanoCpus()).isEqualTo(1_500_000_000L);
      assertThat(m.memoryBytes()).isEqualTo(4L << 30);
      assertThat(m.labels()).isEqualTo(Map.of("zone", "a", "db", "yes"));
      assertThat(m.pricePerMonth()).isEmpty();
      Node w = c.node("worker-1").orElseThrow();
      assertThat(w.availability()).isEqualTo(Node.Availability.DRAIN);
      assertThat(w.arch()).isEqualTo("aarch64");
      assertThat(w.engineLabels()).isEqualTo(Map.of("disk", "ssd"));
      assertThat(w.genericResources()).isEqualTo(Map.of("gpu", 2L, "fpga", 2L));
    }
  }

  @Test
  void givesTheValidatorItsClusterState() throws IOException {
    try (FakeEngine engine = manager()) {
      DockerCluster live = DockerCluster.read(engine.host());
      ClusterState s = live.state();

      assertThat(s.knowsNodes()).isTrue();
      assertThat(s.nodes()).isEqualTo(live.nodes());
      assertThat(s.secrets()).containsExactly("db_password");
      assertThat(s.configs()).containsExactlyInAnyOrder("nginx_conf", "app_env");
      assertThat(s.networks()).containsEntry("shop_backend", "swarm");
      assertThat(s.ingressSubnets()).containsExactly("10.0.0.0/24");
      assertThat(s.absentHostPaths()).isEmpty();
    }
  }

  @Test
  void anEngineNotInASwarmIsAOneLineError() throws IOException {
    try (FakeEngine engine =
        new FakeEngine().answer("/info", "{\"Swarm\":{\"LocalNodeState\":\"inactive\"}}")) {
      assertThatThrownBy(() -> DockerCluster.read(engine.host()))
          .isInstanceOf(DockerEngineException.class)
          .hasMessage(
              "the Docker engine at "
                  + engine.host()
                  + " is not part of a swarm (its swarm state is "
                  + "'inactive'); run docker swarm init, or set DOCKER_HOST to a swarm manager");
      assertThat(engine.asked).containsExactly("GET /info");
    }
  }

  @Test
  void aWorkerIsAOneLineError() throws IOException {
    try (FakeEngine engine =
        new FakeEngine()
            .answer(
                "/info",
                "{\"Swarm\":{\"LocalNodeState\":\"active\",\"ControlAvailable\":false}}")) {
      assertThatThrownBy(() -> DockerCluster.read(engine.host()))
          .isInstanceOf(DockerEngineException.class)
          .hasMessage(
              "the Docker engine at "
                  + engine.host()
                  + " is a swarm worker, not a manager; set DOCKER_HOST to a manager node");
    }
  }

  @Test
  void anEngineRefusingTheNodeListSaysWhy() throws IOException {
    String refusal =
        "{\"message\":\"This node is not a swarm manager. Worker nodes can't be used to view or modify "
            + "cluster state. Please run this command on a manager node or promote the current node to a manager.\"}";
    try (FakeEngine engine =
        new FakeEngine().answer("/info", MANAGER_INFO).answer("/nodes", 503, refusal)) {
      assertThatThrownBy(() -> DockerCluster.read(engine.host()))
          .isInstanceOf(DockerEngineException.class)
          .hasMessageStartingWith(
              "the Docker engine at "
                  + engine.host()
                  + " is not a swarm manager: This node is "
                  + "not a swarm manager.")
          .hasMessageEndingWith("; set DOCKER_HOST to a manager node")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void otherErrorAnswersNameTheRequest() throws IOException {
    try (FakeEngine engine =
        manager().answer("/secrets", 500, "{\"message\":\"rpc error: boom\"}")) {
      assertThatThrownBy(() -> DockerCluster.read(engine.host()))
          .isInstanceOf(DockerEngineException.class)
          .hasMessage(
              "the Docker engine at "
                  + engine.host()
                  + " answered GET /secrets with 500: rpc error: boom");
    }
  }

  @Test
  void noEngineIsAOneLineError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String host = "tcp://127.0.0.1:" + port;
    assertThatThrownBy(() -> DockerCluster.read(host))
        .isInstanceOf(DockerEngineException.class)
        .hasMessageStartingWith("no Docker engine answers at " + host + " (")
        .hasMessageEndingWith("); start Docker, or set DOCKER_HOST to a swarm manager")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingUnixSocketIsAOneLineError() {
    String host = "unix:///nonexistent/compose4j/docker.sock";
    assertThatThrownBy(() -> DockerCluster.read(host))
        .isInstanceOf(DockerEngineException.class)
        .hasMessageStartingWith("no Docker engine answers at " + host + " (")
        .hasMessageNotContaining("\n");
  }
}
