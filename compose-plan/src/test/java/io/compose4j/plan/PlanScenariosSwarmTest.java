package io.compose4j.plan;

import static io.compose4j.plan.SwarmNode.deploy;
import static io.compose4j.plan.SwarmNode.docker;
import static io.compose4j.plan.SwarmNode.removeStack;
import static io.compose4j.plan.SwarmNode.stack;
import static io.compose4j.plan.SwarmNode.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * More of the scheduler's situations, each deployed on the single-node Swarm of {@code
 * scripts/swarm-up.sh} and compared task by task with the planner: constraints over every node
 * attribute, global services and zero replicas, host-mode and ingress ports, reservations of CPU,
 * memory and generic resources, {@code max_replicas_per_node}, the order in which swarmkit's
 * filters explain a refusal, and a drained and a paused node. Each scenario states the verdicts it
 * expects; the test checks that the planner says exactly that and that Swarm does the same.
 *
 * <p>Scenarios that neither reserve nor publish host ports do not affect each other and are
 * deployed together; the others one at a time on an otherwise empty node.
 */
@Tag("swarm")
class PlanScenariosSwarmTest {
  private static final String UNSATISFIED =
      "no suitable node (scheduling constraints not satisfied on 1 node)";
  private static final String NO_RESOURCES = "no suitable node (insufficient resources on 1 node)";
  private static final String PORT_IN_USE =
      "no suitable node (host-mode port already in use on 1 node)";
  private static final String MAX_REPLICAS =
      "no suitable node (max replicas per node limit exceed)";
  private static final String NOT_AVAILABLE =
      "no suitable node (1 node not available for new tasks)";

  @TempDir static Path dir;
  static Node node;

  /**
   * A stack and the verdicts expected per service (sorted: "placed" or Swarm's reason); when {@code
   * anyService} is set, services compete for one resource and only the verdicts of the whole stack
   * are compared, since which of them wins is Swarm's choice.
   */
  record Scenario(
      String name, String yaml, Map<String, List<String>> expected, boolean anyService) {
    static Scenario of(String name, String yaml, Map<String, List<String>> expected) {
      return new Scenario(name, yaml, expected, false);
    }

    static Scenario competing(String name, String yaml, Map<String, List<String>> expected) {
      return new Scenario(name, yaml, expected, true);
    }

    String text() {
      return yaml.replace("HOST", node.hostname()).replace("NODEID", node.id());
    }
  }

  @BeforeAll
  static void readTheNode() throws Exception {
    node = SwarmNode.read(Map.of());
    SwarmNode.waitEmpty();
  }

  /** CPUs as a fraction of the node's, in Compose's decimal spelling. */
  static String cpus(double share) {
    return BigDecimal.valueOf((long) (node.nanoCpus() * share), 9)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String constrained(String... constraints) {
    return """
        services:
          web:
            image: local/busybox:1
            deploy: {placement: {constraints: [%s]}}
        """
        .formatted(String.join(", ", constraints));
  }

  private static Map<String, List<String>> web(String... verdicts) {
    return Map.of("web", List.of(verdicts));
  }

  /** Scenarios without reservations or host ports: deployed together. */
  static List<Scenario> independent() {
    return List.of(
        Scenario.of("sc01", constrained("node.role == worker"), web(UNSATISFIED)),
        Scenario.of("sc02", constrained("node.role != manager"), web(UNSATISFIED)),
        Scenario.of(
            "sc03",
            constrained("node.role == MANAGER"),
            web("placed")), // values compare case-insensitively
        Scenario.of("sc04", constrained("node.hostname == HOST"), web("placed")),
        Scenario.of("sc05", constrained("node.hostname != HOST"), web(UNSATISFIED)),
        Scenario.of("sc06", constrained("node.id == NODEID"), web("placed")),
        Scenario.of("sc07", constrained("node.platform.os == linux"), web("placed")),
        Scenario.of("sc08", constrained("node.platform.arch == s390x"), web(UNSATISFIED)),
        Scenario.of("sc09", constrained("engine.labels.region == eu"), web(UNSATISFIED)),
        Scenario.of(
            "sc10",
            constrained("node.labels.zone != b"),
            web("placed")), // an absent label is not b
        Scenario.of(
            "sc11", constrained("node.role == manager", "node.labels.zone == a"), web(UNSATISFIED)),
        Scenario.of(
            "sc12",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {mode: global, placement: {constraints: [node.role == worker]}}
            """,
            web()), // the global orchestrator creates no task where constraints fail
        Scenario.of(
            "sc13",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {mode: global}
            """,
            web("placed")),
        Scenario.of(
            "sc14",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {replicas: 0}
            """,
            web()),
        Scenario.of(
            "sc15",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {replicas: 3, placement: {preferences: [{spread: node.labels.zone}]}}
            """,
            web("placed", "placed", "placed")),
        Scenario.of(
            "sc16",
            """
            services:
              web:
                image: local/busybox:1
                ports: ["18081:80"]
                deploy: {replicas: 3}
            """,
            web("placed", "placed", "placed"))); // ingress ports do not occupy the node's port
  }

  /** Scenarios that reserve resources or publish host ports: one at a time. */
  static List<Scenario> serial() {
    return List.of(
        Scenario.of(
            "sc17",
            """
            services:
              web:
                image: local/busybox:1
                ports: [{target: 80, published: 18080, mode: host}]
                deploy: {replicas: 2}
            """,
            web(PORT_IN_USE, "placed")),
        Scenario.competing(
            "sc18",
            """
            services:
              a:
                image: local/busybox:1
                ports: [{target: 80, published: 18082, mode: host}]
              b:
                image: local/busybox:1
                ports: [{target: 81, published: 18082, mode: host}]
            """,
            Map.of("a", List.of("placed"), "b", List.of(PORT_IN_USE))),
        Scenario.of(
            "sc19",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {replicas: 2, resources: {reservations: {cpus: "%s", memory: 64M}}}
            """
                .formatted(cpus(0.4)),
            web("placed", "placed")),
        Scenario.competing(
            "sc20",
            """
            services:
              a:
                image: local/busybox:1
                deploy: {resources: {reservations: {cpus: "%1$s"}}}
              b:
                image: local/busybox:1
                deploy: {resources: {reservations: {cpus: "%1$s"}}}
            """
                .formatted(cpus(0.6)),
            Map.of("a", List.of("placed"), "b", List.of(NO_RESOURCES))),
        Scenario.of(
            "sc21",
            """
            services:
              web:
                image: local/busybox:1
                deploy: {replicas: 3, placement: {max_replicas_per_node: 2}}
            """,
            web(MAX_REPLICAS, "placed", "placed")),
        Scenario.of(
            "sc22",
            """
            services:
              web:
                image: local/busybox:1
                deploy:
                  resources:
                    reservations:
                      generic_resources: [{discrete_resource_spec: {kind: gpu, value: 1}}]
            """,
            web(NO_RESOURCES)),
        // the first failing filter counts the node: resources come before constraints
        Scenario.of(
            "sc23",
            """
            services:
              web:
                image: local/busybox:1
                deploy:
                  resources: {reservations: {cpus: "%s"}}
                  placement: {constraints: [node.role == worker]}
            """
                .formatted(cpus(1.5)),
            web(NO_RESOURCES)),
        // host ports come before max_replicas_per_node
        Scenario.of(
            "sc24",
            """
            services:
              web:
                image: local/busybox:1
                ports: [{target: 80, published: 18083, mode: host}]
                deploy: {replicas: 2, placement: {max_replicas_per_node: 1}}
            """,
            web(PORT_IN_USE, "placed")));
  }

  /** Scenarios on a node that is not active: the stack has a replicated and a global service. */
  static List<Scenario> unavailable() {
    String yaml =
        """
        services:
          web:
            image: local/busybox:1
          all:
            image: local/busybox:1
            deploy: {mode: global}
        """;
    return List.of(
        Scenario.of("sc25", yaml, Map.of("web", List.of(NOT_AVAILABLE), "all", List.of())),
        Scenario.of("sc26", yaml, Map.of("web", List.of(NOT_AVAILABLE), "all", List.of())));
  }

  @TestFactory
  Stream<DynamicTest> scenariosDeployedTogether() throws Exception {
    List<Scenario> all = independent();
    Map<Scenario, Map<String, List<String>>> planned = new LinkedHashMap<>();
    for (Scenario s : all) {
      planned.put(s, plan(s, node));
    }
    for (Scenario s : all) {
      deploy(dir, s.name(), s.text());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : all) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> check(s, planned.get(s))));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "remove", () -> removeStack(all.stream().map(Scenario::name).toArray(String[]::new))));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> scenariosOneAtATime() {
    return serial().stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.name(),
                    () -> {
                      Map<String, List<String>> planned = plan(s, node);
                      deploy(dir, s.name(), s.text());
                      try {
                        check(s, planned);
                      } finally {
                        removeStack(s.name());
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> scenariosOnANodeThatIsNotActive() {
    List<Scenario> scenarios = unavailable();
    Node.Availability[] availability = {Node.Availability.DRAIN, Node.Availability.PAUSE};
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      Node.Availability a = availability[i];
      tests.add(
          DynamicTest.dynamicTest(
              s.name() + " " + a.name().toLowerCase(Locale.ROOT),
              () -> {
                Map<String, List<String>> planned = plan(s, SwarmNode.withAvailability(node, a));
                docker(
                    "node",
                    "update",
                    "--availability",
                    a.name().toLowerCase(Locale.ROOT),
                    node.id());
                try {
                  deploy(dir, s.name(), s.text());
                  check(s, planned);
                } finally {
                  docker("node", "update", "--availability", "active", node.id());
                  removeStack(s.name());
                }
              }));
    }
    return tests.stream();
  }

  /** The planner's verdicts per service, asserted to be the scenario's. */
  private static Map<String, List<String>> plan(Scenario s, Node on) {
    Plan plan = Planner.on(Cluster.of(on)).plan(Map.of(s.name(), stack(s.text())));
    Map<String, List<String>> verdicts = new LinkedHashMap<>();
    for (String service : s.expected().keySet()) {
      verdicts.put(service, new ArrayList<>());
    }
    for (Plan.Task t : plan.tasks()) {
      String service = t.service().substring(s.name().length() + 1);
      verdicts
          .computeIfAbsent(service, k -> new ArrayList<>())
          .add(t.placed() ? "placed" : t.reason().orElseThrow());
    }
    verdicts.values().forEach(v -> v.sort(null));
    assertThat(merged(s, verdicts))
        .as("the planner on %s", s.name())
        .isEqualTo(merged(s, s.expected()));
    return verdicts;
  }

  /** Swarm's verdicts, compared with the planner's. */
  private static void check(Scenario s, Map<String, List<String>> planned) throws Exception {
    Map<String, List<String>> real = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : planned.entrySet()) {
      real.put(e.getKey(), verdicts(s.name() + "_" + e.getKey(), e.getValue().size()));
    }
    assertThat(merged(s, real))
        .as("the real scheduler on %s:%n%s", s.name(), s.text())
        .isEqualTo(merged(s, planned));
  }

  /** Per service, or the whole stack's verdicts when services compete. */
  private static Object merged(Scenario s, Map<String, List<String>> verdicts) {
    if (!s.anyService()) {
      return new java.util.TreeMap<>(verdicts);
    }
    List<String> all = new ArrayList<>();
    verdicts.values().forEach(all::addAll);
    all.sort(null);
    return all;
  }
}
