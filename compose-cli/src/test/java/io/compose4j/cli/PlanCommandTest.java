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
  @TempDir Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final String CLUSTER =
      """
      nodes:
        - {hostname: n1, cpus: 2, memory: 8GiB, labels: {zone: a}, price_per_month: 150}
        - {hostname: n2, cpus: 2, memory: 8GiB, labels: {zone: b}, price_per_month: 150}
      """;

  @Test
  void placesTheTasksAndExitsZeroWhenAllFit() throws IOException {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--cluster",
            file("c.yml", CLUSTER).toString(),
            file("shop.yml", "services:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n")
                .toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("n1             a      active             0/2          0M/8192M  1: shop_web.1")
        .contains("every task placed")
        .contains("cost per month (USD): 300.00");
  }

  @Test
  void startFirstWithoutRoomExitsOneWithSwarmsReason() throws IOException {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--cluster",
            file("c.yml", CLUSTER).toString(),
            file(
                    "shop.yml",
                    """
            name: shop
            services:
              api:
                image: api
                deploy:
                  replicas: 2
                  resources: {reservations: {cpus: "2"}}
                  update_config: {order: start-first}
            """)
                .toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "shop_api (start-first, parallelism 1): NO ROOM: no suitable node "
                + "(insufficient resources on 2 nodes)");
  }

  @Test
  void jsonFormat() throws IOException {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--format",
            "json",
            "--cluster",
            file("c.yml", CLUSTER).toString(),
            file(
                    "shop.yml",
                    "services:\n  web: {image: nginx, deploy: {replicas: 3, placement: {max_replicas_per_node: 1}}}\n")
                .toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("{\"nodes\":[")
        .contains(
            "{\"name\":\"shop_web.3\",\"service\":\"shop_web\",\"node\":null,"
                + "\"reason\":\"no suitable node (max replicas per node limit exceed)\"}")
        .contains("\"fits\":false");
  }

  @Test
  void svgFormatDrawsThePlan() throws Exception {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--format",
            "svg",
            "--cluster",
            file("c.yml", CLUSTER).toString(),
            file(
                    "shop.yml",
                    """
            services:
              api: {image: api, deploy: {replicas: 3, resources: {reservations: {cpus: "1.5"}}}}
              web: {image: nginx}
            """)
                .toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"");
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    org.w3c.dom.Document doc =
        f.newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    org.w3c.dom.NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    java.util.List<String> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      org.w3c.dom.Element g = (org.w3c.dom.Element) groups.item(i);
      if (g.getAttribute("class").startsWith("task")) {
        tasks.add(g.getAttribute("data-task"));
      }
    }
    assertThat(tasks).containsExactlyInAnyOrder("shop_web.1", "shop_api.1", "shop_api.2");
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("shop_api.3: no suitable node (insufficient resources on 2 nodes)");
  }

  @Test
  void anUnknownFormatListsTheFormats() throws IOException {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--format",
            "png",
            "--cluster",
            file("c.yml", CLUSTER).toString(),
            file("s.yml", "services: {}\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("compose4j plan: --format png is not a format; use text, json or svg\n");
  }

  @Test
  void theHelpDocumentsSvg() {
    Run r = FmtCommandTest.run(Map.of(), "plan", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--format=text|json|svg");
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains(
            "or svg (a picture: nodes as columns, tasks as blocks sized by "
                + "their CPU reservation");
  }

  @Test
  void aBadClusterFileIsReportedWithItsPosition() throws IOException {
    Path c = file("c.yml", "nodes:\n  - {hostname: n1, cpus: 2, memory: 8GiB, zone: a}\n");
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--cluster",
            c.toString(),
            file("s.yml", "services: {}\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(c + ":2:43: error: nodes[0].zone: unknown key 'zone'");
  }

  @Test
  void theBriefsSampleClusterReadsAndAnswers() throws IOException {
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--cluster",
            "../samples/brief-cluster.yml",
            file("s.yml", "services:\n  web: {image: nginx, deploy: {mode: global}}\n").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("s_web.node-1")
        .contains("s_web.node-3")
        .contains("cost per month (USD): 450.00");
  }

  @Test
  void zoneLabelAndPriceTableFromTheCommandLine() throws IOException {
    Path c =
        file(
            "c.yml",
            """
        nodes:
          - {hostname: n1, cpus: 2, memory: 8GiB, labels: {dc: x}, instance_type: small}
          - {hostname: n2, cpus: 2, memory: 8GiB, labels: {dc: y}, instance_type: small}
        """);
    Path prices =
        file(
            "p.yml",
            """
        currency: EUR
        instances:
          small: {price_per_month: 10, source: my invoice, date: 2026-11-30}
        """);
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "plan",
            "--cluster",
            c.toString(),
            "--zone-label",
            "dc",
            "--prices",
            prices.toString(),
            file("s.yml", "services:\n  web: {image: nginx}\n").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("  zone x: their replicated tasks all find another node")
        .contains("cost per month (EUR): 20.00")
        .doesNotContain("managed:");
  }
}
