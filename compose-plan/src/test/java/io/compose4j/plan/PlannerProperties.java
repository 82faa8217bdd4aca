package io.compose4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Deploy;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated clusters and stacks: the planner's invariants. */
class PlannerProperties {
  @Provide
  Arbitrary<Cluster> clusters() {
    Arbitrary<Node.Builder> node =
        Combinators.combine(
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 16),
                Arbitraries.of("a", "b", "c"),
                    Arbitraries.of(Node.Availability.class).injectDuplicates(0.0),
                Arbitraries.of(Node.Role.class), Arbitraries.integers().between(0, 2))
            .as(
                (cpu, gib, zone, avail, role, gpu) ->
                    Node.builder("x")
                        .cpus(Cpus.of(BigDecimal.valueOf(cpu, 0)))
                        .memory(ByteSize.gib(gib))
                        .label("zone", zone)
                        .availability(avail)
                        .role(role)
                        .genericResource("gpu", gpu));
    return node.list()
        .ofMinSize(1)
        .ofMaxSize(7)
        .map(
            builders -> {
              List<Node> nodes = new ArrayList<>();
              for (int i = 0; i < builders.size(); i++) {
                Node n = builders.get(i).build();
                nodes.add(
                    new Node(
                        "id" + i,
                        "n" + i,
                        n.role(),
                        n.availability(),
                        n.labels(),
                        n.engineLabels(),
                        n.os(),
                        n.arch(),
                        n.nanoCpus(),
                        n.memoryBytes(),
                        n.genericResources(),
                        n.pricePerMonth(),
                        n.instanceType()));
              }
              return Cluster.of(nodes);
            });
  }

  @Provide
  Arbitrary<Stack> stacks() {
    Arbitrary<Service> service =
        Combinators.combine(
                Arbitraries.of("replicated", "global", "replicated-job"),
                Arbitraries.integers().between(0, 9),
                Arbitraries.of(0, 250, 500, 1000, 2000),
                Arbitraries.of(0, 512, 2048, 4096),
                Arbitraries.of("", "node.role == manager", "node.labels.zone != c"),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 1))
            .as(
                (mode, replicas, milli, mib, constraint, maxPer, spread, gpu) ->
                    Service.builder()
                        .image("x")
                        .deploy(
                            d -> {
                              d.mode(mode);
                              if (!mode.equals(Deploy.GLOBAL)) {
                                d.replicas(replicas);
                              }
                              d.resources(
                                  r ->
                                      r.reservations(
                                          res -> {
                                            if (milli > 0) {
                                              res.cpus(Cpus.of(BigDecimal.valueOf(milli, 3)));
                                            }
                                            if (mib > 0) {
                                              res.memory(ByteSize.mib(mib));
                                            }
                                            if (gpu > 0) {
                                              res.addGenericResource(
                                                  io.compose4j.model.GenericResource.builder()
                                                      .kind("gpu")
                                                      .value(gpu)
                                                      .build());
                                            }
                                          }));
                              d.placement(
                                  p -> {
                                    if (!constraint.isEmpty()) {
                                      p.constraint(constraint);
                                    }
                                    if (maxPer > 0) {
                                      p.maxReplicasPerNode(maxPer);
                                    }
                                    if (spread) {
                                      p.spread("node.labels.zone");
                                    }
                                  });
                            })
                        .build());
    return service
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(
            list -> {
              Stack.Builder b = Stack.builder().name("s");
              for (int i = 0; i < list.size(); i++) {
                b.putService("svc" + i, list.get(i));
              }
              return b.build();
            });
  }

  @Property(tries = 200)
  void noNodeIsOverItsCapacity(@ForAll("clusters") Cluster cluster, @ForAll("stacks") Stack stack) {
    Plan plan = Planner.on(cluster).plan(stack);
    for (Plan.NodeUsage u : plan.nodes()) {
      assertThat(u.freeNanoCpus()).as("CPU left on %s", u.node().hostname()).isNotNegative();
      assertThat(u.freeMemoryBytes()).as("memory left on %s", u.node().hostname()).isNotNegative();
      assertThat(u.freeGeneric().values()).allSatisfy(v -> assertThat(v).isNotNegative());
      if (u.node().availability() != Node.Availability.ACTIVE) {
        assertThat(u.tasks()).isEmpty();
      }
    }
    for (Plan.Loss loss : plan.losses()) {
      assertThat(loss.unplaced()).allSatisfy(t -> assertThat(t.reason()).isPresent());
    }
  }

  @Property(tries = 200)
  void everyUnplacedTaskHasSwarmsReason(
      @ForAll("clusters") Cluster cluster, @ForAll("stacks") Stack stack) {
    Plan plan = Planner.on(cluster).plan(stack);
    Map<String, String> modes = new HashMap<>();
    plan.services().forEach(s -> modes.put(s.name(), s.mode()));
    for (Plan.Task t : plan.tasks()) {
      assertThat(t.placed()).isNotEqualTo(t.reason().isPresent());
      if (!t.placed()) {
        String reason = t.reason().orElseThrow();
        if (modes.get(t.service()).startsWith("global")) {
          assertThat(reason)
              .matches(
                  "(assigned node no longer meets constraints|host-mode port already in use on 1 node"
                      + "|max replicas per node limit exceed|unsupported platform on 1 node)");
        } else {
          assertThat(reason)
              .matches(
                  "no suitable node( \\((\\d+ nodes? not available for new tasks|[a-z -]+ on \\d+ nodes?"
                      + "|max replicas per node limit exceed)(; (\\d+ nodes? not available for new tasks|[a-z -]+ on \\d+ nodes?"
                      + "|max replicas per node limit exceed))*\\))?");
        }
      }
    }
  }

  @Property(tries = 200)
  void unconstrainedTasksSpreadWithinOne(
      @ForAll("clusters") Cluster cluster, @ForAll("stacks") Stack stack) {
    // each service free of reservations, constraints and limits: its tasks differ by at most one
    // per active node
    Stack free =
        stack.copy(
            s -> {
              Stack.Builder b = s;
              for (Map.Entry<String, Service> e : stack.services().entrySet()) {
                long replicas =
                    e.getValue()
                        .deploy()
                        .flatMap(
                            d ->
                                d.replicas().isPresent()
                                    ? java.util.Optional.of(d.replicas().getAsLong())
                                    : java.util.Optional.empty())
                        .orElse(1L);
                b.putService(
                    e.getKey(),
                    Service.builder().image("x").deploy(d -> d.replicas(replicas)).build());
              }
            });
    Plan plan = Planner.on(cluster).plan(free);
    List<Plan.NodeUsage> active =
        plan.nodes().stream()
            .filter(u -> u.node().availability() == Node.Availability.ACTIVE)
            .toList();
    for (Plan.ServiceInfo s : plan.services()) {
      List<Integer> counts =
          active.stream()
              .map(u -> (int) u.tasks().stream().filter(t -> t.startsWith(s.name() + ".")).count())
              .toList();
      if (!counts.isEmpty()) {
        assertThat(
                counts.stream().mapToInt(Integer::intValue).max().getAsInt()
                    - counts.stream().mapToInt(Integer::intValue).min().getAsInt())
            .as("%s over %s", s.name(), counts)
            .isLessThanOrEqualTo(1);
      }
      if (active.isEmpty()) {
        assertThat(plan.tasks().stream().filter(t -> t.service().equals(s.name())))
            .allSatisfy(
                t ->
                    assertThat(t.reason())
                        .hasValueSatisfying(
                            r -> assertThat(r).contains("not available for new tasks")));
      }
    }
  }
}
