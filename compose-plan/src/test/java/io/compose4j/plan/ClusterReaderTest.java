package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.yaml.ComposeReadException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterReaderTest {
  @Test
  void readsEveryNodeAttribute() {
    Cluster c =
        ClusterReader.read(
            """
        zone_label: az
        nodes:
          - hostname: n1
            id: abc123
            role: manager
            availability: pause
            labels: {az: a, type: db}
            engine_labels: {storage: ssd}
            platform: {os: linux, arch: aarch64}
            cpus: 1.5
            memory: 512M
            generic_resources: {gpu: 2}
            price_per_month: 61.5
            instance_type: t4g.medium
          - hostname: n2
            cpus: 2
            memory: 8GiB
        """,
            "c.yml");
    Node n1 = c.nodes().get(0);
    assertThat(c.zoneLabel()).isEqualTo("az");
    assertThat(n1.id()).isEqualTo("abc123");
    assertThat(n1.role()).isEqualTo(Node.Role.MANAGER);
    assertThat(n1.availability()).isEqualTo(Node.Availability.PAUSE);
    assertThat(n1.labels()).containsEntry("type", "db");
    assertThat(n1.engineLabels()).containsEntry("storage", "ssd");
    assertThat(n1.arch()).isEqualTo("aarch64");
    assertThat(n1.nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(n1.memoryBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(n1.genericResources()).containsEntry("gpu", 2L);
    assertThat(n1.pricePerMonth()).contains(new BigDecimal("61.5"));
    assertThat(c.zoneOf(n1)).contains("a");
    Node n2 = c.nodes().get(1);
    assertThat(n2.id()).isEqualTo("n2");
    assertThat(n2.role()).isEqualTo(Node.Role.WORKER);
    assertThat(n2.availability()).isEqualTo(Node.Availability.ACTIVE);
    assertThat(n2.os() + "/" + n2.arch()).isEqualTo("linux/x86_64");
    assertThat(n2.memoryBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown node key | nodes: [{hostname: a, cpus: 1, memory: 1G, cpu: 2}] | c.yml:1:44: error: nodes[0].cpu: unknown key 'cpu'; allowed keys are availability, cpus,",
        "unknown top key | nodez: [] | c.yml:1:1: error: nodez: unknown key 'nodez'",
        "bad role | nodes: [{hostname: a, cpus: 1, memory: 1G, role: boss}] | c.yml:1:50: error: nodes[0].role: 'boss' is not one of manager, worker",
        "bad availability | nodes: [{hostname: a, cpus: 1, memory: 1G, availability: off}] | nodes[0].availability: 'off' is not one of active, pause, drain",
        "bad memory | nodes: [{hostname: a, cpus: 1, memory: lots}] | c.yml:1:40: error: nodes[0].memory: invalid size",
        "bad cpus | nodes: [{hostname: a, cpus: two, memory: 1G}] | nodes[0].cpus:",
        "no cpus | nodes: [{hostname: a, memory: 1G}] | needs cpus and memory",
        "no hostname | nodes: [{cpus: 1, memory: 1G}] | a node needs a hostname",
        "negative price | nodes: [{hostname: a, cpus: 1, memory: 1G, price_per_month: -3}] | must not be negative",
        "no nodes | zone_label: z | no 'nodes' list",
        "nodes not a list | nodes: {a: 1} | c.yml:1:8: error: nodes: expected a list",
      })
  void rejectsBadInputWithItsPosition(String what, String yaml, String message) {
    assertThatThrownBy(() -> ClusterReader.read(yaml, "c.yml"))
        .as(what)
        .isInstanceOf(ComposeReadException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void rejectsADuplicateHostnameNamingTheFirstLine() {
    assertThatThrownBy(
            () ->
                ClusterReader.read(
                    """
        nodes:
          - {hostname: a, cpus: 1, memory: 1G}
          - {hostname: a, cpus: 1, memory: 1G}
        """,
                    "c.yml"))
        .hasMessage(
            "c.yml:3:5: error: nodes[1].hostname: the hostname a is already used at line 2; hostnames must be unique");
  }

  @Test
  void readsTheBriefsSampleCluster() {
    Cluster c = ClusterReader.read(Path.of("../samples/brief-cluster.yml"));
    assertThat(c.nodes())
        .hasSize(3)
        .allSatisfy(
            n -> {
              assertThat(n.nanoCpus()).isEqualTo(2_000_000_000L);
              assertThat(n.memoryBytes()).isEqualTo(8L << 30);
              assertThat(n.pricePerMonth()).contains(new BigDecimal("150"));
            });
    assertThat(c.zones()).containsExactly("a", "b");
  }

  @Test
  void theBundledPriceTableNamesASourceAndDateForEveryPrice() {
    PriceTable t = PriceTable.bundled();
    assertThat(t.instances()).containsKey("t3.large");
    assertThat(t.instances().values())
        .allSatisfy(
            p -> {
              assertThat(p.source()).isNotBlank();
              assertThat(p.date()).matches("\\d{4}-\\d{2}-\\d{2}");
            });
    assertThat(t.managed())
        .hasValueSatisfying(
            m -> {
              assertThat(m.vcpuHour()).isEqualByComparingTo("0.04048");
              assertThat(m.source()).contains("fargate");
            });
  }

  @Test
  void aPriceWithoutSourceIsAnError() {
    assertThatThrownBy(
            () ->
                PriceTable.read(
                    "instances:\n  x: {price_per_month: 3, date: 2026-01-01}\n", "p.yml"))
        .hasMessageContaining("p.yml:2:6: error: instances.x: missing 'source'");
  }
}
