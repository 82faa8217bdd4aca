package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Stack;
import io.compose4j.yaml.ComposeReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scenarios with swarmkit's verdicts: where tasks go and the exact "no suitable node (...)" texts.
 */
class PlannerTest {
  static Node node(String host, String zone) {
    return Node.builder(host).cpus(Cpus.of(2)).memory(ByteSize.gib(8)).label("zone", zone).build();
  }

  static final Cluster THREE = Cluster.of(node("n1", "a"), node("n2", "a"), node("n3", "b"));

  static Plan plan(Cluster cluster, String services) {
    Stack stack = ComposeReader.create().readStack("name: s\nservices:\n" + services.indent(2));
    return Planner.on(cluster).plan(stack);
  }

  static List<String> reasons(Plan plan) {
    return plan.unplaced().stream().map(t -> t.name() + ": " + t.reason().orElseThrow()).toList();
  }

  @Nested
  class Filters {
    @Test
    void reservationsThatDoNotFitLeaveTasksPending() {
      Plan p =
          plan(
              Cluster.of(node("n1", "a")),
              """
          web:
            image: nginx
            deploy: {replicas: 3, resources: {reservations: {cpus: "1", memory: 1G}}}
          """);
      assertThat(p.nodesOf("s_web")).containsExactly("n1", "n1");
      assertThat(reasons(p))
          .containsExactly("s_web.3: no suitable node (insufficient resources on 1 node)");
      assertThat(p.node("n1").orElseThrow().freeNanoCpus()).isZero();
    }

    @Test
    void memoryCountsToo() {
      Plan p =
          plan(
              THREE,
              """
          db:
            image: postgres
            deploy: {replicas: 4, resources: {reservations: {memory: 6G}}}
          """);
      assertThat(p.nodesOf("s_db")).containsExactly("n1", "n2", "n3");
      assertThat(reasons(p))
          .containsExactly("s_db.4: no suitable node (insufficient resources on 3 nodes)");
    }

    @Test
    void maxReplicasPerNode() {
      Plan p =
          plan(
              Cluster.of(node("n1", "a"), node("n2", "b")),
              """
          redis:
            image: redis
            deploy: {replicas: 3, placement: {max_replicas_per_node: 1}}
          """);
      assertThat(p.nodesOf("s_redis")).containsExactlyInAnyOrder("n1", "n2");
      assertThat(reasons(p))
          .containsExactly("s_redis.3: no suitable node (max replicas per node limit exceed)");
    }

    @Test
    void aConstraintNothingSatisfies() {
      Plan p =
          plan(
              THREE,
              """
          db:
            image: postgres
            deploy: {replicas: 2, placement: {constraints: [node.labels.type == database]}}
          """);
      assertThat(reasons(p))
          .containsExactly(
              "s_db.1: no suitable node (scheduling constraints not satisfied on 3 nodes)",
              "s_db.2: no suitable node (scheduling constraints not satisfied on 3 nodes)");
    }

    @Test
    void constraintsCompareValuesIgnoringCaseAndLabelNamesExactly() {
      Cluster c =
          Cluster.of(
              Node.builder("m")
                  .role(Node.Role.MANAGER)
                  .cpus(Cpus.of(1))
                  .memory(ByteSize.gib(1))
                  .label("Tier", "Front")
                  .build(),
              node("w", "a"));
      Plan p =
          plan(
              c,
              """
          a: {image: x, deploy: {placement: {constraints: [node.role == MANAGER, node.labels.Tier == front]}}}
          b: {image: x, deploy: {placement: {constraints: [node.labels.tier == front]}}}
          c: {image: x, deploy: {placement: {constraints: [node.labels.tier != front, node.hostname != m]}}}
          """);
      assertThat(p.nodesOf("s_a")).containsExactly("m");
      assertThat(reasons(p))
          .containsExactly(
              "s_b.1: no suitable node (scheduling constraints not satisfied on 2 nodes)");
      assertThat(p.nodesOf("s_c")).containsExactly("w");
    }

    @Test
    void drainedAndPausedNodesTakeNoTasksAndAreCountedFirst() {
      Cluster c =
          Cluster.of(
              Node.builder("n1")
                  .cpus(Cpus.of(2))
                  .memory(ByteSize.gib(8))
                  .availability(Node.Availability.DRAIN)
                  .build(),
              Node.builder("n2")
                  .cpus(Cpus.of(2))
                  .memory(ByteSize.gib(8))
                  .availability(Node.Availability.PAUSE)
                  .build(),
              Node.builder("n3").cpus(Cpus.of(2)).memory(ByteSize.gib(8)).build());
      Plan p =
          plan(
              c,
              """
          web:
            image: nginx
            deploy: {replicas: 1, placement: {constraints: [node.hostname == n1]}}
          """);
      assertThat(reasons(p))
          .containsExactly(
              "s_web.1: no suitable node (2 nodes not available for new tasks; scheduling constraints not satisfied on 1 node)");
    }

    @Test
    void hostModePortsOncePerNode() {
      Plan p =
          plan(
              Cluster.of(node("n1", "a")),
              """
          lb:
            image: haproxy
            ports: [{target: 80, published: 8080, mode: host}]
            deploy: {replicas: 2}
          """);
      assertThat(reasons(p))
          .containsExactly("s_lb.2: no suitable node (host-mode port already in use on 1 node)");
    }

    @Test
    void ingressPortsDoNotLimitPlacement() {
      Plan p =
          plan(
              Cluster.of(node("n1", "a")),
              """
          lb: {image: haproxy, ports: ["8080:80"], deploy: {replicas: 2}}
          """);
      assertThat(p.fits()).isTrue();
    }

    @Test
    void genericResources() {
      Cluster c =
          Cluster.of(
              Node.builder("gpu")
                  .cpus(Cpus.of(4))
                  .memory(ByteSize.gib(8))
                  .genericResource("gpu", 1)
                  .build(),
              node("plain", "a"));
      Plan p =
          plan(
              c,
              """
          ml:
            image: trainer
            deploy:
              replicas: 2
              resources: {reservations: {generic_resources: [{discrete_resource_spec: {kind: gpu, value: 1}}]}}
          """);
      assertThat(p.nodesOf("s_ml")).containsExactly("gpu");
      assertThat(reasons(p))
          .containsExactly("s_ml.2: no suitable node (insufficient resources on 2 nodes)");
    }

    @Test
    void platformOfTheService() {
      Plan p =
          plan(
              Cluster.of(
                  node("n1", "a"),
                  Node.builder("pi")
                      .cpus(Cpus.of(4))
                      .memory(ByteSize.gib(4))
                      .platform("linux", "aarch64")
                      .build()),
              """
          arm: {image: x, platform: linux/arm64, deploy: {replicas: 2}}
          """);
      assertThat(p.nodesOf("s_arm")).containsExactly("pi", "pi");
      Plan none = plan(THREE, "arm: {image: x, platform: linux/arm64}\n");
      assertThat(reasons(none))
          .containsExactly("s_arm.1: no suitable node (unsupported platform on 3 nodes)");
    }

    @Test
    void noNodesAtAll() {
      Plan p = plan(Cluster.of(List.of()), "web: {image: nginx}\n");
      assertThat(reasons(p)).containsExactly("s_web.1: no suitable node");
    }
  }

  @Nested
  class Strategy {
    @Test
    void fewestTasksOfTheServiceFirst() {
      Plan p = plan(THREE, "web: {image: nginx, deploy: {replicas: 7}}\n");
      assertThat(p.nodes()).extracting(u -> u.tasks().size()).containsExactly(3, 2, 2);
    }

    @Test
    void thenFewestTasksOverall() {
      Plan p =
          plan(
              THREE,
              """
          a: {image: x, deploy: {replicas: 2}}
          b: {image: x, deploy: {replicas: 1}}
          """);
      assertThat(p.nodesOf("s_a")).containsExactly("n1", "n2");
      assertThat(p.nodesOf("s_b")).containsExactly("n3");
    }

    @Test
    void spreadOverZonesBeforeNodes() {
      Plan p =
          plan(
              THREE,
              """
          web:
            image: nginx
            deploy: {replicas: 4, placement: {preferences: [{spread: node.labels.zone}]}}
          """);
      // zone a has two nodes, zone b one: two tasks per zone
      assertThat(p.nodesOf("s_web")).containsExactlyInAnyOrder("n1", "n2", "n3", "n3");
    }

    @Test
    void nodesWithoutTheLabelFormTheirOwnBranch() {
      Cluster c =
          Cluster.of(
              node("n1", "a"),
              Node.builder("bare").cpus(Cpus.of(2)).memory(ByteSize.gib(8)).build());
      Plan p =
          plan(
              c,
              """
          web: {image: x, deploy: {replicas: 4, placement: {preferences: [{spread: node.labels.zone}]}}}
          """);
      assertThat(p.nodesOf("s_web")).containsExactlyInAnyOrder("n1", "n1", "bare", "bare");
    }

    @Test
    void aFullZoneLeavesTheRestToTheOthers() {
      Cluster c =
          Cluster.of(
              Node.builder("small")
                  .cpus(Cpus.of(1))
                  .memory(ByteSize.gib(8))
                  .label("zone", "a")
                  .build(),
              node("big", "b"));
      Plan p =
          plan(
              c,
              """
          web:
            image: x
            deploy:
              replicas: 3
              placement: {preferences: [{spread: node.labels.zone}]}
              resources: {reservations: {cpus: "1"}}
          """);
      assertThat(p.nodesOf("s_web")).containsExactlyInAnyOrder("small", "big", "big");
    }

    @Test
    void globalServicesRunOnEveryActiveNodeThatSatisfiesTheirConstraints() {
      Cluster c =
          Cluster.of(
              node("n1", "a"),
              node("n2", "a"),
              Node.builder("n3")
                  .cpus(Cpus.of(2))
                  .memory(ByteSize.gib(8))
                  .availability(Node.Availability.DRAIN)
                  .build(),
              Node.builder("tiny").cpus(Cpus.of(1)).memory(ByteSize.mib(256)).build());
      Plan p =
          plan(
              c,
              """
          agent:
            image: x
            deploy: {mode: global, resources: {reservations: {memory: 512M}}}
          mon:
            image: x
            deploy: {mode: global, placement: {constraints: [node.hostname != n1]}}
          """);
      assertThat(p.nodesOf("s_agent")).containsExactly("n1", "n2");
      // a preassigned task whose reservations do not fit is rejected by the constraint enforcer,
      // again and again
      assertThat(reasons(p))
          .containsExactly("s_agent.tiny: assigned node no longer meets constraints");
      assertThat(p.nodesOf("s_mon")).containsExactly("n2", "tiny");
    }

    @Test
    void jobsArePlacedLikeServices() {
      Plan p =
          plan(
              THREE,
              """
          migrate: {image: x, deploy: {mode: replicated-job, replicas: 2, resources: {reservations: {cpus: "2"}}}}
          sweep: {image: x, deploy: {mode: global-job}}
          """);
      assertThat(p.nodesOf("s_migrate")).hasSize(2).doesNotHaveDuplicates();
      assertThat(p.nodesOf("s_sweep")).containsExactly("n1", "n2", "n3");
      Plan ports =
          plan(
              Cluster.of(node("n1", "a")),
              """
          a: {image: x, ports: [{target: 80, published: 80, mode: host}]}
          b: {image: x, ports: [{target: 80, published: 80, mode: host}], deploy: {mode: global}}
          """);
      // other filters leave a preassigned task pending with the pipeline's explanation alone
      // (taskFitNode)
      assertThat(reasons(ports))
          .containsExactly("s_a.1: no suitable node (host-mode port already in use on 1 node)");
      assertThat(p.updates())
          .extracting(Plan.UpdateRoom::service)
          .doesNotContain("s_migrate", "s_sweep");
    }
  }

  @Nested
  class UpdatesAndLosses {
    static final String BACKEND =
        """
        backend:
          image: x
          deploy:
            replicas: 2
            resources: {reservations: {cpus: "1"}}
            update_config: {order: %s, parallelism: 1}
        """;

    @Test
    void startFirstNeedsASecondSetOfReservations() {
      Plan p = plan(Cluster.of(node("n1", "a")), BACKEND.formatted("start-first"));
      assertThat(p.fits()).isTrue();
      assertThat(p.updates())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.room()).isFalse();
                assertThat(u.reason())
                    .contains("no suitable node (insufficient resources on 1 node)");
              });
    }

    @Test
    void startFirstWithRoom() {
      Plan p =
          plan(
              Cluster.of(Node.builder("n1").cpus(Cpus.of(3)).memory(ByteSize.gib(8)).build()),
              BACKEND.formatted("start-first"));
      assertThat(p.updates()).singleElement().satisfies(u -> assertThat(u.room()).isTrue());
    }

    @Test
    void stopFirstNeedsNoRoom() {
      Plan p = plan(Cluster.of(node("n1", "a")), BACKEND.formatted("stop-first"));
      assertThat(p.updates()).singleElement().satisfies(u -> assertThat(u.room()).isTrue());
    }

    @Test
    void startFirstWithAHostPortNeverHasRoomOnTheSameNode() {
      Plan p =
          plan(
              THREE,
              """
          lb:
            image: x
            ports: [{target: 80, published: 80, mode: host}]
            deploy: {mode: global, update_config: {order: start-first}}
          """);
      assertThat(p.updates())
          .singleElement()
          .satisfies(
              u ->
                  assertThat(u.reason())
                      .contains("host-mode port already in use on 1 node (on n1)"));
    }

    @Test
    void losingANodeReschedulesItsTasksOnTheOthers() {
      Plan p =
          plan(
              THREE,
              """
          web:
            image: x
            deploy: {replicas: 3, resources: {reservations: {cpus: "1.5"}}}
          """);
      assertThat(p.fits()).isTrue();
      Plan.Loss n1 =
          p.losses().stream().filter(l -> l.what().equals("node n1")).findFirst().orElseThrow();
      assertThat(n1.unplaced())
          .extracting(t -> t.name() + ": " + t.reason().orElseThrow())
          .containsExactly("s_web.1: no suitable node (insufficient resources on 2 nodes)");
      Plan.Loss zoneB =
          p.losses().stream().filter(l -> l.what().equals("zone b")).findFirst().orElseThrow();
      assertThat(zoneB.lostNodes()).containsExactly("n3");
      assertThat(zoneB.fits()).isFalse();
    }

    /**
     * The examples' finding: with one manager, losing it strands every task constrained to
     * managers.
     */
    @Test
    void losingTheOnlyManagerStrandsTheTasksConstrainedToManagers() {
      Cluster c =
          Cluster.of(
              Node.builder("m1")
                  .role(Node.Role.MANAGER)
                  .cpus(Cpus.of(2))
                  .memory(ByteSize.gib(8))
                  .label("zone", "a")
                  .build(),
              node("w1", "a"),
              node("w2", "b"));
      Plan p =
          plan(
              c,
              """
          lb: {image: x, deploy: {replicas: 2, placement: {constraints: [node.role == manager]}}}
          web: {image: x, deploy: {replicas: 2}}
          """);
      assertThat(p.fits()).isTrue();
      assertThat(p.nodesOf("s_lb")).containsExactly("m1", "m1");
      Plan.Loss m1 =
          p.losses().stream().filter(l -> l.what().equals("node m1")).findFirst().orElseThrow();
      assertThat(
              reasons(new Plan(c, p.services(), m1.unplaced(), p.nodes(), p.updates(), List.of())))
          .containsExactly(
              "s_lb.1: no suitable node (scheduling constraints not satisfied on 2 nodes)",
              "s_lb.2: no suitable node (scheduling constraints not satisfied on 2 nodes)");
      assertThat(p.losses().stream().filter(l -> l.what().startsWith("node w")))
          .allSatisfy(l -> assertThat(l.fits()).isTrue());
      Plan.Loss zoneA =
          p.losses().stream().filter(l -> l.what().equals("zone a")).findFirst().orElseThrow();
      assertThat(zoneA.lostNodes()).containsExactly("m1", "w1");
      assertThat(zoneA.unplaced()).extracting(Plan.Task::name).containsExactly("s_lb.1", "s_lb.2");
    }

    @Test
    void globalTasksEndWithTheirNodeAndAreNotRescheduled() {
      Plan p =
          plan(
              THREE,
              """
          agent: {image: x, deploy: {mode: global, resources: {reservations: {cpus: "1.5"}}}}
          """);
      assertThat(p.nodesOf("s_agent")).containsExactly("n1", "n2", "n3");
      // the other nodes could not take a second agent (1.5 + 1.5 CPUs > 2), yet nothing is stranded
      assertThat(p.losses()).allSatisfy(l -> assertThat(l.unplaced()).isEmpty());
    }

    @Test
    void tasksAlreadyPendingAreNotListedAgainInALoss() {
      Plan p =
          plan(
              Cluster.of(node("n1", "a"), node("n2", "b")),
              """
          db: {image: x, deploy: {replicas: 3, placement: {max_replicas_per_node: 1}}}
          """);
      assertThat(p.unplaced()).extracting(Plan.Task::name).containsExactly("s_db.3");
      Plan.Loss n1 =
          p.losses().stream().filter(l -> l.what().equals("node n1")).findFirst().orElseThrow();
      // s_db.1 ran on n1 and cannot join s_db.2 on n2; s_db.3 was pending before and is not
      // repeated
      assertThat(n1.unplaced())
          .extracting(t -> t.name() + ": " + t.reason().orElseThrow())
          .containsExactly("s_db.1: no suitable node (max replicas per node limit exceed)");
    }

    @Test
    void theLostNodesTasksAreRescheduledBesideTheTasksTheOthersKeep() {
      // 0.75 CPU tasks: 6 fit on three 2-CPU nodes (2 each, 0.5 left); losing one leaves no room
      // for its 2
      Plan p =
          plan(
              THREE,
              "web: {image: x, deploy: {replicas: 6, resources: {reservations: {cpus: \"0.75\"}}}}\n");
      assertThat(p.fits()).isTrue();
      assertThat(p.losses())
          .filteredOn(l -> l.what().startsWith("node "))
          .hasSize(3)
          .allSatisfy(
              l ->
                  assertThat(l.unplaced())
                      .hasSize(2)
                      .allSatisfy(
                          t ->
                              assertThat(t.reason())
                                  .hasValueSatisfying(
                                      r ->
                                          assertThat(r)
                                              .startsWith(
                                                  "no suitable node (insufficient resources on "))));
    }

    @Test
    void smallTasksSurviveAnyLoss() {
      Plan p =
          plan(
              THREE,
              "web: {image: x, deploy: {replicas: 3, resources: {reservations: {cpus: \"0.5\"}}}}\n");
      assertThat(p.losses()).hasSize(5).allSatisfy(l -> assertThat(l.fits()).isTrue());
    }
  }

  @Test
  void costSharesTheNodesByReservations() {
    Cluster c =
        Cluster.of(
            Node.builder("n1")
                .cpus(Cpus.of(2))
                .memory(ByteSize.gib(8))
                .pricePerMonth(new java.math.BigDecimal("100"))
                .build());
    Plan p =
        plan(
            c,
            """
        a: {image: x, deploy: {resources: {reservations: {cpus: "1", memory: 4G}}}}
        b: {image: x, deploy: {resources: {limits: {cpus: "0.5", memory: 2G}}}}
        """);
    Cost cost = Cost.of(p, PriceTable.bundled());
    assertThat(cost.total()).isEqualByComparingTo("100");
    assertThat(cost.perService())
        .containsEntry("s_a", new java.math.BigDecimal("50.00"))
        .containsEntry("s_b", new java.math.BigDecimal("25.00"));
    assertThat(cost.idle()).isEqualByComparingTo("25");
    assertThat(cost.fromLimits()).containsExactly("s_b");
    // Fargate: 1 vCPU x 0.04048 + 4 GB x 0.004445, x 730 hours
    assertThat(cost.managed().get("s_a")).isEqualByComparingTo("42.53");
    assertThat(PlanReport.json(p, java.util.Optional.of(cost)))
        .contains("\"perService\":{\"s_a\":50.00,\"s_b\":25.00}");
  }

  /**
   * The examples' comparison: Fargate runs every task, so the managed price counts the ones the
   * cluster cannot place.
   */
  @Test
  void theManagedPriceCountsTasksTheClusterCannotPlace() {
    Cluster c =
        Cluster.of(
            Node.builder("n1")
                .cpus(Cpus.of(2))
                .memory(ByteSize.gib(8))
                .pricePerMonth(new java.math.BigDecimal("100"))
                .build());
    Plan p =
        plan(
            c,
            "a: {image: x, deploy: {replicas: 3, resources: {reservations: {cpus: \"1\", memory: 4G}}}}\n");
    assertThat(p.unplaced()).hasSize(1);
    Cost cost = Cost.of(p, PriceTable.bundled());
    // the two placed tasks take the whole node; the managed price is three tasks of 42.5298 (see
    // above), 127.59
    assertThat(cost.perService().get("s_a")).isEqualByComparingTo("100.00");
    assertThat(cost.managed().get("s_a")).isEqualByComparingTo("127.59");
  }

  @Test
  void theCostTableKeepsItsColumnsForLongServiceNames() {
    Cluster c =
        Cluster.of(
            Node.builder("n1")
                .cpus(Cpus.of(2))
                .memory(ByteSize.gib(8))
                .pricePerMonth(new java.math.BigDecimal("100"))
                .build());
    Plan p =
        Planner.on(c)
            .plan(
                Map.of(
                    "a-rather-long-stack-name",
                    ComposeReader.create()
                        .readStack(
                            "services:\n  redis-sentinel: {image: x, deploy: {resources: {limits: {cpus: \"0.5\"}}}}\n  db: {image: x}\n")));
    String cost = PlanReport.cost(Cost.of(p, PriceTable.bundled()));
    List<String> rows =
        cost.lines()
            .filter(l -> l.matches("  \\S.* +[0-9.]+ +[0-9.]+") || l.startsWith("  service "))
            .toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().map(String::length).distinct()).hasSize(1);
    assertThat(rows)
        .anySatisfy(r -> assertThat(r).startsWith("  a-rather-long-stack-name_redis-sentinel * "));
    assertThat(PlanReport.text(p, java.util.Optional.of(Cost.of(p, PriceTable.bundled()))))
        .startsWith(PlanReport.table(p))
        .endsWith(cost);
  }

  @Test
  void severalStacksAreNamedLikeSwarm() {
    Stack a = ComposeReader.create().readStack("services:\n  web: {image: x}\n");
    Plan p = Planner.on(THREE).plan(new java.util.LinkedHashMap<>(Map.of("shop", a)));
    assertThat(p.tasks()).extracting(Plan.Task::name).containsExactly("shop_web.1");
  }
}
