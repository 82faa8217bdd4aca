package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Stack;
import io.compose4j.yaml.ComposeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG picture of a plan: well-formed, one block per task sized by its reservation, every
 * unplaced task listed.
 */
class PlanSvgTest {
  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final Path GOLDEN = Path.of("src/test/resources/io/compose4j/plan/brief-shop.svg");

  /**
   * A small stack on the brief's cluster: reserved, unreserved and unplaced tasks, losses that do
   * not fit.
   */
  static final String SHOP =
      """
      name: shop
      services:
        api:
          image: shop/api:1.0
          deploy: {replicas: 4, resources: {reservations: {cpus: "0.5", memory: 1G}}}
        db:
          image: postgres:16
          deploy:
            replicas: 3
            placement: {max_replicas_per_node: 1, constraints: [node.labels.type == database]}
            resources: {reservations: {cpus: "1", memory: 2G}}
        web:
          image: nginx:1.27
          deploy: {replicas: 2}
        worker:
          image: shop/worker:1.0
          deploy: {replicas: 3, resources: {reservations: {cpus: "0.5"}}}
      """;

  static Plan briefShop() throws IOException {
    Cluster cluster = ClusterReader.read(Path.of("../samples/brief-cluster.yml"));
    return Planner.on(cluster).plan(ComposeReader.create().readStack(SHOP));
  }

  static String svg(Plan plan) {
    return PlanReport.svg(plan, Optional.of(Cost.of(plan, PriceTable.bundled())));
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Element root, String name, String classPrefix) {
    List<Element> out = new ArrayList<>();
    NodeList all = root.getElementsByTagNameNS(SVG_NS, name);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("class").startsWith(classPrefix)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element rectOf(Element task) {
    return (Element) task.getElementsByTagNameNS(SVG_NS, "rect").item(0);
  }

  static String joined(Element root, String textClass) {
    return String.join(
            " ", elements(root, "text", textClass).stream().map(Element::getTextContent).toList())
        .replaceAll("\\s+", " ");
  }

  @Test
  void isWellFormedSvgInTheSvgNamespace() throws Exception {
    Document doc = parse(svg(briefShop()));
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(Double.parseDouble(root.getAttribute("width"))).isPositive();
    assertThat(Double.parseDouble(root.getAttribute("height"))).isPositive();
  }

  @Test
  void eachNodeHasOneBlockPerPlacedTask() throws Exception {
    Plan plan = briefShop();
    Element root = parse(svg(plan)).getDocumentElement();
    List<Element> nodes = elements(root, "g", "node");
    assertThat(nodes)
        .extracting(e -> e.getAttribute("data-node"))
        .containsExactly("node-1", "node-2", "node-3");
    int blocks = 0;
    for (Element node : nodes) {
      Plan.NodeUsage usage = plan.node(node.getAttribute("data-node")).orElseThrow();
      List<String> drawn =
          elements(node, "g", "task").stream().map(e -> e.getAttribute("data-task")).toList();
      assertThat(drawn).as(usage.node().hostname()).containsExactlyElementsOf(usage.tasks());
      blocks += drawn.size();
    }
    assertThat(blocks).isEqualTo(plan.tasks().size() - plan.unplaced().size()).isEqualTo(11);
  }

  @Test
  void aBlocksHeightIsItsCpuReservationsShareOfTheNode() throws Exception {
    Plan plan = briefShop();
    Map<String, Plan.ServiceInfo> services = new LinkedHashMap<>();
    plan.services().forEach(s -> services.put(s.name(), s));
    Element root = parse(svg(plan)).getDocumentElement();
    assertThat(root.getTextContent())
        .contains("block height: the task's CPU reservation as a share of its node");
    Map<String, Double> heightByService = new LinkedHashMap<>();
    for (Element node : elements(root, "g", "node")) {
      Node n = plan.node(node.getAttribute("data-node")).orElseThrow().node();
      for (Element task : elements(node, "g", "task")) {
        Plan.ServiceInfo s = services.get(task.getAttribute("data-service"));
        double h = Double.parseDouble(rectOf(task).getAttribute("height"));
        if (s.nanoCpus() > 0) {
          assertThat(task.getAttribute("class")).isEqualTo("task");
          assertThat(h)
              .as(task.getAttribute("data-task"))
              .isCloseTo(PlanSvg.BOX * s.nanoCpus() / n.nanoCpus(), within(0.01));
        } else {
          assertThat(task.getAttribute("class")).isEqualTo("task thin");
          assertThat(h).isEqualTo(PlanSvg.THIN);
        }
        heightByService.put(s.name(), h);
      }
    }
    // a 1-CPU task is twice a 0.5-CPU task on the same size of node; web reserves nothing and is
    // thin
    assertThat(heightByService.get("shop_db"))
        .isCloseTo(2 * heightByService.get("shop_api"), within(0.01));
    assertThat(heightByService.get("shop_web")).isLessThan(heightByService.get("shop_api"));
  }

  @Test
  void memoryIsPicturedWhenNoServiceReservesCpuAndTheLegendSaysSo() throws Exception {
    Cluster cluster =
        Cluster.of(Node.builder("n1").cpus(Cpus.of(2)).memory(ByteSize.gib(8)).build());
    Plan plan =
        Planner.on(cluster)
            .plan(
                ComposeReader.create()
                    .readStack(
                        """
        name: m
        services:
          cache: {image: redis, deploy: {replicas: 2, resources: {reservations: {memory: 2G}}}}
          db: {image: postgres, deploy: {resources: {reservations: {memory: 1G}}}}
        """));
    Element root = parse(PlanReport.svg(plan, Optional.empty())).getDocumentElement();
    assertThat(root.getTextContent()).contains("memory reservation (no service reserves CPU)");
    List<Element> tasks = elements(root, "g", "task");
    assertThat(tasks).hasSize(3);
    for (Element t : tasks) {
      double expected =
          PlanSvg.BOX * (t.getAttribute("data-service").equals("m_cache") ? 2 : 1) / 8;
      assertThat(Double.parseDouble(rectOf(t).getAttribute("height")))
          .isCloseTo(expected, within(0.01));
    }
  }

  @Test
  void theUnplacedAreaListsEveryUnplacedTaskWithItsReason() throws Exception {
    Plan plan = briefShop();
    assertThat(plan.unplaced()).isNotEmpty();
    Element root = parse(svg(plan)).getDocumentElement();
    String area = joined(root, "unplaced");
    for (Plan.Task t : plan.unplaced()) {
      assertThat(area).contains(t.name() + ": " + t.reason().orElseThrow());
    }
    assertThat(root.getTextContent()).contains("NOT PLACED (" + plan.unplaced().size() + ")");
    assertThat(elements(root, "g", "task"))
        .extracting(e -> e.getAttribute("data-task"))
        .doesNotContainAnyElementsOf(plan.unplaced().stream().map(Plan.Task::name).toList());
  }

  @Test
  void lossesThatLeaveTasksUnplacedAreMarkedOnTheirNodeAndZone() throws Exception {
    Plan plan = briefShop();
    Element root = parse(svg(plan)).getDocumentElement();
    List<Plan.Loss> bad = plan.losses().stream().filter(l -> !l.fits()).toList();
    assertThat(bad).isNotEmpty();
    for (Element node : elements(root, "g", "node")) {
      Plan.Loss loss =
          plan.losses().stream()
              .filter(l -> l.what().equals("node " + node.getAttribute("data-node")))
              .findFirst()
              .orElseThrow();
      String mark = joined(node, "loss");
      assertThat(mark)
          .isEqualTo(
              loss.fits()
                  ? "if lost: all tasks find a node"
                  : "if lost: "
                      + loss.unplaced().size()
                      + " task"
                      + (loss.unplaced().size() == 1 ? "" : "s")
                      + " find no node");
    }
    for (Element zone : elements(root, "g", "zone")) {
      Plan.Loss loss =
          plan.losses().stream()
              .filter(l -> l.what().equals("zone " + zone.getAttribute("data-zone")))
              .findFirst()
              .orElseThrow();
      assertThat(elements(zone, "text", "").get(0).getTextContent())
          .isEqualTo(
              "zone "
                  + zone.getAttribute("data-zone")
                  + " lost: "
                  + (loss.fits()
                      ? "all tasks find a node"
                      : loss.unplaced().size()
                          + " task"
                          + (loss.unplaced().size() == 1 ? "" : "s")
                          + " find no node"));
    }
    String listed = joined(root, "loss");
    for (Plan.Loss l : bad) {
      for (Plan.Task t : l.unplaced()) {
        assertThat(listed).contains(t.name());
      }
    }
  }

  @Test
  void escapesServiceNamesHostnamesAndReasons() throws Exception {
    Cluster cluster =
        Cluster.of(
            Node.builder("n<1>&\"'")
                .cpus(Cpus.of(1))
                .memory(ByteSize.gib(1))
                .label("zone", "z&<")
                .build());
    Stack stack =
        ComposeReader.create()
            .readStack(
                """
        services:
          api: {image: api, deploy: {replicas: 2, resources: {reservations: {cpus: "1"}}}}
        """);
    Plan plan = Planner.on(cluster).plan(Map.of("s<&\"", stack));
    String svg = PlanReport.svg(plan, Optional.empty());
    assertThat(svg)
        .doesNotContain("s<&\"")
        .doesNotContain("n<1>")
        .contains("s&lt;&amp;&quot;_api.1");
    Element root = parse(svg).getDocumentElement();
    assertThat(elements(root, "g", "node"))
        .extracting(e -> e.getAttribute("data-node"))
        .containsExactly("n<1>&\"'");
    assertThat(elements(root, "g", "zone"))
        .extracting(e -> e.getAttribute("data-zone"))
        .containsExactly("z&<");
    assertThat(elements(root, "g", "task"))
        .extracting(e -> e.getAttribute("data-service"))
        .containsExactly("s<&\"_api");
    assertThat(joined(root, "unplaced"))
        .contains("s<&\"_api.2: no suitable node (insufficient resources on 1 node)");
  }

  @Test
  void controlCharactersXmlCannotHoldAreReplaced() throws Exception {
    assertThat(PlanSvg.esc("a\u0001b\tc")).isEqualTo("a\uFFFDb\tc");
    Plan plan =
        Planner.on(
                Cluster.of(
                    Node.builder("bad\u0007host").cpus(Cpus.of(1)).memory(ByteSize.gib(1)).build()))
            .plan(ComposeReader.create().readStack("name: s\nservices:\n  web: {image: nginx}\n"));
    assertThat(parse(PlanReport.svg(plan, Optional.empty())).getDocumentElement().getTextContent())
        .contains("bad\uFFFDhost");
  }

  @Test
  void noNodesOrOnlyADrainedNodeStillDrawAndListEveryTask() throws Exception {
    Stack stack =
        ComposeReader.create()
            .readStack("name: s\nservices:\n  web: {image: nginx, deploy: {replicas: 2}}\n");
    Plan none = Planner.on(Cluster.of(List.of())).plan(stack);
    Plan drained =
        Planner.on(
                Cluster.of(
                    Node.builder("n1")
                        .cpus(Cpus.of(2))
                        .memory(ByteSize.gib(8))
                        .availability(Node.Availability.DRAIN)
                        .build()))
            .plan(stack);
    for (Plan plan : List.of(none, drained)) {
      Element root = parse(PlanReport.svg(plan, Optional.empty())).getDocumentElement();
      assertThat(elements(root, "g", "task")).isEmpty();
      for (Plan.Task t : plan.unplaced()) {
        assertThat(joined(root, "unplaced")).contains(t.name() + ": " + t.reason().orElseThrow());
      }
      assertThat(plan.unplaced()).hasSize(2);
    }
    assertThat(
            parse(PlanReport.svg(drained, Optional.empty())).getDocumentElement().getTextContent())
        .contains("takes no new tasks (drain)");
  }

  @Test
  void aStartFirstUpdateWithoutRoomIsListedWithSwarmsReason() throws Exception {
    Plan plan =
        Planner.on(Cluster.of(Node.builder("n1").cpus(Cpus.of(2)).memory(ByteSize.gib(8)).build()))
            .plan(
                ComposeReader.create()
                    .readStack(
                        """
            name: s
            services:
              api:
                image: api
                deploy:
                  replicas: 2
                  resources: {reservations: {cpus: "1"}}
                  update_config: {order: start-first}
            """));
    Plan.UpdateRoom u = plan.updates().get(0);
    assertThat(u.room()).isFalse();
    Element root = parse(PlanReport.svg(plan, Optional.empty())).getDocumentElement();
    assertThat(joined(root, "update"))
        .isEqualTo("rolling update of s_api (start-first): NO ROOM: " + u.reason().orElseThrow());
    assertThat(root.getTextContent())
        .contains("every task placed")
        .doesNotContain("cost per month");
  }

  @Test
  void theSamePlanGivesTheSameBytes() throws Exception {
    assertThat(svg(briefShop())).isEqualTo(svg(briefShop()));
  }

  /**
   * The golden picture; regenerate with {@code -Dplan.svg.update=true} after a deliberate change,
   * and look at it.
   */
  @Test
  void theBriefsClusterWithASmallStackMatchesTheGoldenPicture() throws Exception {
    String svg = svg(briefShop());
    if (Boolean.getBoolean("plan.svg.update")) {
      Files.writeString(GOLDEN, svg, StandardCharsets.UTF_8);
    }
    assertThat(svg).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
