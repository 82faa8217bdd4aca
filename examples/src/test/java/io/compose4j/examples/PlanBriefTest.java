package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Deploy;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.plan.ClusterReader;
import io.compose4j.plan.Cost;
import io.compose4j.plan.Plan;
import io.compose4j.plan.PlanReport;
import io.compose4j.plan.PriceTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PlanBrief's answer: what it says about cloudmart-prod + monitoring on the brief's three t3.large
 * nodes is what follows from the stacks.
 */
class PlanBriefTest {
  @TempDir static Path dir;
  static PlanBrief.Answer answer;
  static String text;

  @BeforeAll
  static void plan() throws Exception {
    answer = PlanBrief.answer(dir);
    text = PlanBrief.render(answer);
  }

  static List<String> names(List<Plan.Task> tasks) {
    return tasks.stream().map(Plan.Task::name).toList();
  }

  @Test
  void theClusterInJavaIsTheSampleClusterFile() throws Exception {
    assertThat(PlanBrief.cluster())
        .isEqualTo(ClusterReader.read(Path.of("../samples/brief-cluster.yml")));
  }

  @Test
  void everyTaskOfBothStacksIsPlannedAndTwentySixArePlaced() {
    long expected = 0;
    int nodes = answer.plan().cluster().nodes().size();
    for (Stack stack : answer.stacks().values()) {
      for (Service s : stack.services().values()) {
        Deploy d = s.deploy().orElse(Deploy.builder().build());
        boolean global = d.mode().map(Deploy.GLOBAL::equals).orElse(false);
        if (global) {
          // the global services have no constraints: one task on each of the three nodes
          assertThat(d.placement().map(p -> p.constraints().isEmpty()).orElse(true)).isTrue();
        }
        expected += global ? nodes : d.replicas().orElse(1);
      }
    }
    Plan plan = answer.plan();
    assertThat(plan.tasks()).hasSize((int) expected).hasSize(30);
    // backend: 5 tasks of 1 CPU on the two workers' 4 CPUs; postgres-ha: 1 CPU each, one a node,
    // and
    // the workers are full; prometheus: one a node, on managers only, and there is one manager
    assertThat(names(plan.unplaced()))
        .containsExactly(
            "cloudmart-prod_backend.5",
            "cloudmart-prod_postgres-ha.2",
            "cloudmart-prod_postgres-ha.3",
            "monitoring_prometheus.2");
    assertThat(plan.unplaced().get(0).reason())
        .hasValue("no suitable node (insufficient resources on 1 node)");
    assertThat(plan.unplaced().get(3).reason().orElseThrow())
        .contains("scheduling constraints not satisfied")
        .contains("max replicas per node limit exceed");
    assertThat(text)
        .contains("1. The plan: 26 of 30 tasks placed on 3 nodes\n" + PlanReport.table(plan));
    for (Plan.NodeUsage u : plan.nodes()) {
      assertThat(u.freeNanoCpus()).isNotNegative();
    }
  }

  @Test
  void losingTheManagerIsTheWorstAndItsManagerOnlyTasksHaveNowhereToGo() {
    assertThat(answer.worst().what()).isEqualTo("node node-1");
    for (Plan.Loss l : answer.plan().losses()) {
      if (l.what().startsWith("node ")) {
        assertThat(l.unplaced().size())
            .as(l.what())
            .isLessThanOrEqualTo(answer.worst().unplaced().size());
      }
    }
    assertThat(names(answer.worst().unplaced()))
        .containsExactly(
            "cloudmart-prod_haproxy.1",
            "cloudmart-prod_haproxy.2",
            "cloudmart-prod_postgres-ha.1",
            "cloudmart-prod_redis-sentinel.3",
            "monitoring_elasticsearch.1",
            "monitoring_prometheus.1");
    assertThat(answer.worst().unplaced())
        .filteredOn(t -> t.name().contains("haproxy") || t.name().contains("prometheus"))
        .allSatisfy(
            t ->
                assertThat(t.reason())
                    .hasValue(
                        "no suitable node (scheduling constraints not satisfied on 2 nodes)"));
    for (Plan.Task t : answer.worst().unplaced()) {
      assertThat(text).contains("  " + t.name() + ": " + t.reason().orElseThrow() + "\n");
    }
    // planned afresh on the two workers: the manager-only tasks and the database tasks stay pending
    Plan left = answer.withoutWorst();
    assertThat(left.nodes())
        .extracting(u -> u.node().hostname())
        .containsExactly("node-2", "node-3");
    assertThat(names(left.unplaced()))
        .contains(
            "cloudmart-prod_haproxy.1",
            "cloudmart-prod_haproxy.2",
            "monitoring_prometheus.1",
            "monitoring_prometheus.2",
            "cloudmart-prod_postgres-ha.1");
    assertThat(text)
        .contains(
            "deployed afresh on the nodes left: "
                + (left.tasks().size() - left.unplaced().size())
                + " of "
                + left.tasks().size()
                + " tasks placed on 2 nodes\n"
                + PlanReport.table(left));
  }

  @Test
  void losingEitherZoneLeavesTasksWithoutANode() {
    Plan.Loss a =
        answer.plan().losses().stream()
            .filter(l -> l.what().equals("zone a"))
            .findFirst()
            .orElseThrow();
    Plan.Loss b =
        answer.plan().losses().stream()
            .filter(l -> l.what().equals("zone b"))
            .findFirst()
            .orElseThrow();
    assertThat(a.lostNodes()).containsExactly("node-1", "node-2");
    assertThat(b.lostNodes()).containsExactly("node-3");
    // zone b holds node-3's two backend tasks, a sentinel and an elasticsearch node, which have no
    // room or node left
    assertThat(names(b.unplaced()))
        .containsExactly(
            "cloudmart-prod_backend.3",
            "cloudmart-prod_backend.4",
            "cloudmart-prod_redis-sentinel.2",
            "monitoring_elasticsearch.3");
    assertThat(names(a.unplaced()))
        .hasSize(10)
        .contains(
            "cloudmart-prod_haproxy.1",
            "monitoring_prometheus.1",
            "cloudmart-prod_backend.1",
            "cloudmart-prod_backend.2");
    assertThat(text)
        .contains(
            "  zone b (node-3): 4 tasks find no other node: "
                + String.join(", ", names(b.unplaced())));
  }

  @Test
  void everyServiceIsStopFirstSoUpdatesNeedNoExtraRoom() {
    assertThat(answer.plan().updates())
        .hasSize(12)
        .allSatisfy(
            u -> {
              assertThat(u.order()).isEqualTo("stop-first");
              assertThat(u.room()).isTrue();
              assertThat(text)
                  .contains(
                      "  "
                          + u.service()
                          + " (stop-first, parallelism "
                          + u.parallelism()
                          + "): no extra room needed\n");
            });
  }

  @Test
  void theCostsAreComputedFromTheNodesPricesAndThePriceTable() {
    PriceTable table = PriceTable.bundled();
    Cost cost = answer.cost();
    BigDecimal brief = BigDecimal.valueOf(150).multiply(BigDecimal.valueOf(3));
    assertThat(cost.total()).isEqualByComparingTo(brief);
    BigDecimal list =
        table.instances().get("t3.large").pricePerMonth().multiply(BigDecimal.valueOf(3));
    assertThat(answer.listPrice()).isEqualByComparingTo(list);

    // the managed price recomputed here: each task's reservation (else limit), at least the
    // smallest
    // Fargate task, per vCPU-hour and GB-hour, for every task of the service, placed or not
    PriceTable.ManagedPrice m = table.managed().orElseThrow();
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal managed = BigDecimal.ZERO;
    for (Plan.ServiceInfo s : answer.plan().services()) {
      long tasks = answer.plan().tasks().stream().filter(t -> t.service().equals(s.name())).count();
      BigDecimal vcpu = BigDecimal.valueOf(s.costNanoCpus(), 9).max(m.minVcpu());
      BigDecimal gb =
          new BigDecimal(s.costMemoryBytes())
              .divide(BigDecimal.valueOf(1L << 30), mc)
              .max(m.minMemoryGb());
      BigDecimal service =
          vcpu.multiply(m.vcpuHour(), mc)
              .add(gb.multiply(m.gbHour(), mc), mc)
              .multiply(table.hoursPerMonth(), mc)
              .multiply(BigDecimal.valueOf(tasks), mc)
              .setScale(2, RoundingMode.HALF_UP);
      assertThat(cost.managed().get(s.name())).as(s.name()).isEqualByComparingTo(service);
      managed = managed.add(service);
    }
    assertThat(cost.managedTotal()).isEqualByComparingTo(managed);
    // the shares of the cluster price add up to the price
    assertThat(
            cost.perService().values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(cost.idle()))
        .isCloseTo(brief, org.assertj.core.api.Assertions.within(new BigDecimal("0.10")));
    assertThat(text)
        .contains(
            "  the three nodes: "
                + brief.setScale(2)
                + " at the brief's 150.00 a node, "
                + list.setScale(2, RoundingMode.HALF_UP)
                + " at the on-demand list price; on "
                + m.name()
                + ": "
                + managed.setScale(2, RoundingMode.HALF_UP)
                + "\n");
    assertThat(text).endsWith(PlanReport.cost(cost));
  }

  @Test
  void theReadmeShowsTheProgramsOutput() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```text\n" + text + "```");
  }

  @Test
  void theDocsPictureIsThisPlansPicture() throws Exception {
    assertThat(Files.readString(Path.of("../docs/plan-brief.svg"), StandardCharsets.UTF_8))
        .isEqualTo(PlanBrief.svg(answer));
  }
}
