package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir
  Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final String CLUSTER = """
      nodes:
        - {hostname: n1, cpus: 2, memory: 8GiB, labels: {zone: a}, price_per_month: 150}
        - {hostname: n2, cpus: 2, memory: 8GiB, labels: {zone: b}, price_per_month: 150}
      """;

  @Test
  void placesTheTasksAndExitsZeroWhenAllFit() throws IOException {
    Run r = FmtCommandTest.run(Map.of(), "plan", "--cluster", file("c.yml", CLUSTER).toString(),
        file("shop.yml", "services:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("n1             a      active             0/2          0M/8192M  1: shop_web.1")
        .contains("every task placed").contains("cost per month (USD): 300.00");
  }

  @Test
  void startFirstWithoutRoomExitsOneWithSwarmsReason() throws IOException {
    Run r = FmtCommandTest.run(Map.of(), "plan", "--cluster", file("c.yml", CLUSTER).toString(),
        file("shop.yml", """
            name: shop
            services:
              api:
                image: api
                deploy:
                  replicas: 2
                  resources: {reservations: {cpus: "2"}}
                  update_config: {order: start-first}
            """).toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("shop_api (start-first, parallelism 1): NO ROOM: no suitable node "
        + "(insufficient resources on 2 nodes)");
  }

  @Test
  void jsonFormat() throws IOException {
    Run r = FmtCommandTest.run(Map.of(), "plan", "--format", "json", "--cluster", file("c.yml", CLUSTER).toString(),
        file("shop.yml", "services:\n  web: {image: nginx, deploy: {replicas: 3, placement: {max_replicas_per_node: 1}}}\n")
            .toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"nodes\":[").contains(
        "{\"name\":\"shop_web.3\",\"service\":\"shop_web\",\"node\":null,"
            + "\"reason\":\"no suitable node (max replicas per node limit exceed)\"}")
        .contains("\"fits\":false");
  }

  @Test
  void aBadClusterFileIsReportedWithItsPosition() throws IOException {
    Path c = file("c.yml", "nodes:\n  - {hostname: n1, cpus: 2, memory: 8GiB, zone: a}\n");
    Run r = FmtCommandTest.run(Map.of(), "plan", "--cluster", c.toString(), file("s.yml", "services: {}\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(c + ":2:43: error: nodes[0].zone: unknown key 'zone'");
  }

  @Test
  void theBriefsSampleClusterReadsAndAnswers() throws IOException {
    Run r = FmtCommandTest.run(Map.of(), "plan", "--cluster", "../samples/brief-cluster.yml",
        file("s.yml", "services:\n  web: {image: nginx, deploy: {mode: global}}\n").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("s_web.node-1").contains("s_web.node-3").contains("cost per month (USD): 450.00");
  }

  @Test
  void zoneLabelAndPriceTableFromTheCommandLine() throws IOException {
    Path c = file("c.yml", """
        nodes:
          - {hostname: n1, cpus: 2, memory: 8GiB, labels: {dc: x}, instance_type: small}
          - {hostname: n2, cpus: 2, memory: 8GiB, labels: {dc: y}, instance_type: small}
        """);
    Path prices = file("p.yml", """
        currency: EUR
        instances:
          small: {price_per_month: 10, source: my invoice, date: 2026-11-30}
        """);
    Run r = FmtCommandTest.run(Map.of(), "plan", "--cluster", c.toString(), "--zone-label", "dc", "--prices",
        prices.toString(), file("s.yml", "services:\n  web: {image: nginx}\n").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("  zone x: their replicated tasks all find another node")
        .contains("cost per month (EUR): 20.00").doesNotContain("managed:");
  }
}
