package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.plan.Cluster;
import io.compose4j.plan.ClusterReader;
import io.compose4j.plan.Cost;
import io.compose4j.plan.Plan;
import io.compose4j.plan.PlanReport;
import io.compose4j.plan.Planner;
import io.compose4j.plan.PriceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's answer for cloudmart-prod (and monitoring) on the brief's cluster is what the
 * planner says.
 */
class PlanReadmeTest {
  @TempDir Path dir;

  private Plan plan(String... names) throws java.io.IOException {
    Cluster cluster = ClusterReader.read(Path.of("../samples/brief-cluster.yml"));
    Map<String, Stack> all =
        Main.write(dir, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    Map<String, Stack> stacks = new LinkedHashMap<>();
    for (String name : names) {
      stacks.put(name, all.get(name));
    }
    return Planner.on(cluster).plan(stacks);
  }

  @Test
  void theReadmeShowsThePlanForCloudmartProdOnTheBriefsCluster() throws Exception {
    Plan plan = plan("cloudmart-prod");
    String text = PlanReport.text(plan, Optional.of(Cost.of(plan, PriceTable.bundled())));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("```text\n" + text + "```");
    assertThat(plan.unplaced())
        .extracting(Plan.Task::name)
        .containsExactly(
            "cloudmart-prod_backend.5",
            "cloudmart-prod_postgres-ha.2",
            "cloudmart-prod_postgres-ha.3");
  }

  @Test
  void theReadmesFiguresForCloudmartProdWithMonitoring() throws Exception {
    Plan plan = plan("cloudmart-prod", "monitoring");
    Cost cost = Cost.of(plan, PriceTable.bundled());
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(plan.unplaced())
        .hasSize(4)
        .anySatisfy(
            t -> {
              assertThat(t.name()).isEqualTo("monitoring_prometheus.2");
              assertThat(readme)
                  .contains(
                      "`"
                          + t.name()
                          + ": "
                          + t.reason().orElseThrow().replace(" (scheduling", "\n(scheduling")
                          + "`");
            });
    assertThat(readme)
        .contains(
            "$"
                + cost.managedTotal().toPlainString()
                + " a month against $"
                + cost.total().toPlainString());
    assertThat(
            PriceTable.bundled()
                .instances()
                .get("t3.large")
                .pricePerMonth()
                .multiply(java.math.BigDecimal.valueOf(3)))
        .isEqualByComparingTo("182.22");
  }
}
