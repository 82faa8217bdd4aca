package io.compose4j.plan;

import static io.compose4j.plan.SwarmNode.deploy;
import static io.compose4j.plan.SwarmNode.docker;
import static io.compose4j.plan.SwarmNode.removeStack;
import static io.compose4j.plan.SwarmNode.stack;
import static io.compose4j.plan.SwarmNode.unquote;
import static io.compose4j.plan.SwarmNode.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner against the real scheduler on the single-node Swarm of {@code scripts/swarm-up.sh}:
 * the node is read with {@code docker node inspect}, each stack is deployed, and the verdict per
 * task (placed, or pending with Swarm's error) must be the planner's. Run under {@code flock
 * /tmp/swarm.lock} with the {@code swarm} profile.
 */
@Tag("swarm")
class PlanSwarmTest {
  private static final String LABEL = "compose4j-plan";
  @TempDir static Path dir;
  static Node node;
  static long cpus;

  @BeforeAll
  static void readTheNode() throws Exception {
    node = SwarmNode.read(Map.of());
    cpus = node.nanoCpus();
    SwarmNode.waitEmpty();
  }

  /** CPUs as a fraction of the node's, in Compose's decimal spelling. */
  static String cpus(double share) {
    return BigDecimal.valueOf((long) (cpus * share), 9).stripTrailingZeros().toPlainString();
  }

  @Test
  void reservationsThatDoNotFit() throws Exception {
    agree(
        "pcpu",
        """
        services:
          web:
            image: local/busybox:1
            deploy: {replicas: 3, resources: {reservations: {cpus: "%s"}}}
        """
            .formatted(cpus(0.4)),
        "web",
        List.of("no suitable node (insufficient resources on 1 node)", "placed", "placed"));
  }

  @Test
  void memoryThatDoesNotFit() throws Exception {
    agree(
        "pmem",
        """
        services:
          web:
            image: local/busybox:1
            deploy: {resources: {reservations: {memory: %dM}}}
        """
            .formatted(node.memoryBytes() / (1 << 20) + 1024),
        "web",
        List.of("no suitable node (insufficient resources on 1 node)"));
  }

  @Test
  void maxReplicasPerNode() throws Exception {
    agree(
        "pmax",
        """
        services:
          web:
            image: local/busybox:1
            deploy: {replicas: 2, placement: {max_replicas_per_node: 1}}
        """,
        "web",
        List.of("no suitable node (max replicas per node limit exceed)", "placed"));
  }

  @Test
  void aConstraintNothingSatisfiesThenALabelThatDoes() throws Exception {
    String stack =
        """
        services:
          web:
            image: local/busybox:1
            deploy: {placement: {constraints: [node.labels.%s == yes, node.role == manager]}}
        """
            .formatted(LABEL);
    agree(
        "pcon",
        stack,
        "web",
        List.of("no suitable node (scheduling constraints not satisfied on 1 node)"));
    docker("node", "update", "--label-add", LABEL + "=yes", node.id());
    try {
      node =
          new Node(
              node.id(),
              node.hostname(),
              node.role(),
              node.availability(),
              Map.of(LABEL, "yes"),
              node.engineLabels(),
              node.os(),
              node.arch(),
              node.nanoCpus(),
              node.memoryBytes(),
              node.genericResources(),
              node.pricePerMonth(),
              node.instanceType());
      agree("plab", stack, "web", List.of("placed"));
    } finally {
      docker("node", "update", "--label-rm", LABEL, node.id());
      node =
          new Node(
              node.id(),
              node.hostname(),
              node.role(),
              node.availability(),
              Map.of(),
              node.engineLabels(),
              node.os(),
              node.arch(),
              node.nanoCpus(),
              node.memoryBytes(),
              node.genericResources(),
              node.pricePerMonth(),
              node.instanceType());
    }
  }

  @Test
  void aGlobalTaskThatDoesNotFitIsRejectedAgainAndAgain() throws Exception {
    String yaml =
        """
        services:
          web:
            image: local/busybox:1
            deploy: {mode: global, resources: {reservations: {cpus: "%s"}}}
        """
            .formatted(cpus(1.5));
    Plan plan = Planner.on(Cluster.of(node)).plan(Map.of("pglo", stack(yaml)));
    assertThat(plan.tasks())
        .singleElement()
        .satisfies(
            t -> assertThat(t.reason()).contains("assigned node no longer meets constraints"));
    deploy(dir, "pglo", yaml);
    try {
      String newest = "";
      for (int i = 0; i < 40 && newest.isEmpty(); i++) {
        Thread.sleep(500);
        String out =
            docker(
                    "service",
                    "ps",
                    "pglo_web",
                    "--no-trunc",
                    "--format",
                    "{{.CurrentState}}|{{.Error}}")
                .strip();
        if (!out.isEmpty()
            && out.split("\n", -1)[0].contains("|")
            && !out.split("\n", -1)[0].split("\\|", 2)[1].isBlank()) {
          newest = unquote(out.split("\n", -1)[0].split("\\|", 2)[1]);
        }
      }
      assertThat(newest).as("the real task").isEqualTo(plan.tasks().get(0).reason().orElseThrow());
    } finally {
      removeStack("pglo");
    }
  }

  @Test
  void startFirstUpdateWithAndWithoutRoom() throws Exception {
    String yaml =
        """
        services:
          web:
            image: local/busybox:1
            deploy:
              resources: {reservations: {cpus: "%s"}}
              update_config: {order: start-first}
        """;
    for (double share : new double[] {0.4, 0.6}) {
      String name = share > 0.5 ? "pupn" : "pupy";
      Plan plan = Planner.on(Cluster.of(node)).plan(stack(yaml.formatted(cpus(share))));
      Plan.UpdateRoom room = plan.updates().get(0);
      deploy(dir, name, yaml.formatted(cpus(share)));
      try {
        assertThat(verdicts(name + "_web", 1)).containsExactly("placed");
        docker("service", "update", "--detach", "--force", name + "_web");
        // the new task: placed (then the old one is shut down), or pending with Swarm's reason and
        // still pending 10 s later; a loaded machine may take a while to create it
        List<String> seen = List.of();
        int pendingFor = 0;
        for (int i = 0; i < 120 && pendingFor < 20; i++) {
          Thread.sleep(500);
          List<String> now = newTask(name + "_web");
          seen = now.isEmpty() ? seen : now;
          if (seen.equals(List.of("placed"))) {
            break;
          }
          pendingFor = seen.isEmpty() ? 0 : pendingFor + 1;
        }
        assertThat(seen)
            .as("the start-first update of %s CPUs", cpus(share))
            .containsExactly(room.room() ? "placed" : room.reason().orElseThrow());
      } finally {
        removeStack(name);
      }
    }
  }

  /** Deploys, reads the verdict per task and compares it (sorted) with the planner's. */
  private static void agree(String name, String yaml, String service, List<String> expected)
      throws Exception {
    Plan plan = Planner.on(Cluster.of(node)).plan(Map.of(name, stack(yaml)));
    List<String> planned = new ArrayList<>();
    for (Plan.Task t : plan.tasks()) {
      planned.add(t.placed() ? "placed" : t.reason().orElseThrow());
    }
    planned.sort(null);
    assertThat(planned).as("the planner").isEqualTo(expected);
    deploy(dir, name, yaml);
    try {
      assertThat(verdicts(name + "_" + service, expected.size()))
          .as("the real scheduler")
          .isEqualTo(planned);
    } finally {
      removeStack(name);
    }
  }

  /**
   * The verdict of the newest task that is not yet running beside the old one, if the update
   * created it.
   */
  private static List<String> newTask(String service) throws Exception {
    String[] lines =
        docker(
                "service",
                "ps",
                service,
                "--no-trunc",
                "--format",
                "{{.DesiredState}}|{{.CurrentState}}|{{.Error}}")
            .strip()
            .split("\n", -1);
    if (lines.length < 2) {
      return List.of();
    }
    String[] f = lines[0].split("\\|", 3); // newest first
    if (f[1].startsWith("Pending") || f[1].startsWith("New")) {
      return f[2].isBlank() ? List.of() : List.of(unquote(f[2]));
    }
    return f[1].startsWith("Running") ? List.of("placed") : List.of();
  }
}
