package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Resource;
import io.compose4j.model.SyntaxFact;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** SWARM-RES: resources (cpus, memory, pids, generic resources). */
final class ResourceRules {
  private ResourceRules() {}

  private static final Cpus MIN_CPUS = Cpus.parse("0.001");
  private static final long MIN_MEMORY = 4L * 1024 * 1024;
  private static final long ENGINE_MIN_MEMORY = 6L * 1024 * 1024;

  /** Calls the action for the limits and reservations of every service, with their paths. */
  private static void eachResource(RuleContext ctx, BiConsumer<String, Resource> action) {
    services(
        ctx.stack(),
        (name, s) ->
            s.deploy()
                .flatMap(d -> d.resources())
                .ifPresent(
                    r -> {
                      r.limits()
                          .ifPresent(
                              l -> action.accept(path(name) + ".deploy.resources.limits", l));
                      r.reservations()
                          .ifPresent(
                              l -> action.accept(path(name) + ".deploy.resources.reservations", l));
                    }));
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-RES-001", ERROR, "cpus has more than 9 decimals")
            .stage("C")
            .source("docker/cli opts/opts.go ParseCPUs")
            .explain(
                """
                `cpus` is converted to nano-CPUs: more than 9 decimals is refused (`value is too
                precise`); a value that is not a decimal (`half`) makes the file unreadable.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: "0.0000000001"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: "0.5"
                """)
            .check(
                ctx ->
                    eachResource(
                        ctx,
                        (p, r) ->
                            r.cpus()
                                .ifPresent(
                                    c -> {
                                      if (c.decimals() > 9) {
                                        ctx.report(
                                            p + ".cpus",
                                            "failed to parse "
                                                + c
                                                + " as a number of CPUs: value is too precise",
                                            "use at most 9 decimals");
                                      }
                                    }))),
        rule("SWARM-RES-002", ERROR, "cpus is below 0.001")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateResources")
            .explain(
                "A non-zero `cpus` below 0.001 is refused: `invalid cpu value 0.0001: Must be at least 0.001`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        reservations:
                          cpus: "0.0001"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        reservations:
                          cpus: "0.001"
                """)
            .check(
                ctx ->
                    eachResource(
                        ctx,
                        (p, r) ->
                            r.cpus()
                                .ifPresent(
                                    c -> {
                                      if (c.signum() != 0 && c.compareTo(MIN_CPUS) < 0) {
                                        ctx.report(
                                            p + ".cpus",
                                            "invalid cpu value " + c + ": Must be at least 0.001",
                                            "use 0 or at least 0.001");
                                      }
                                    }))),
        rule("SWARM-RES-003", ERROR, "memory is not a byte size")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli loader.go transformSize (go-units RAMInBytes)")
            .explain(
                "`memory` is a number of bytes with an optional unit b, k, m, g (binary): `512M`, `1g`. The reader refuses other values (`parse`).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 1.5 gigs
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 1536M
                """)
            .documentationOnly(),
        rule("SWARM-RES-004", ERROR, "memory is below 4 MiB")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateResources")
            .explain(
                "A non-zero memory limit or reservation below 4 MiB is refused: `invalid memory value 1048576: Must be at least 4MiB`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 1M
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 64M
                """)
            .check(
                ctx ->
                    eachResource(
                        ctx,
                        (p, r) ->
                            r.memory()
                                .ifPresent(
                                    m -> {
                                      if (m.bytes() != 0 && m.bytes() < MIN_MEMORY) {
                                        ctx.report(
                                            p + ".memory",
                                            "invalid memory value "
                                                + m.written()
                                                + ": Must be at least 4MiB",
                                            "use 0 or at least 4M");
                                      }
                                    }))),
        rule("SWARM-RES-005", ERROR, "cpus or memory is not a string")
            .stage("S")
            .source("docker/cli config_schema_v3.X.json deployment.resources")
            .explain(
                """
                The 3.x schemas require `cpus` and `memory` as strings (the Compose Specification also
                allows numbers): `services.web.deploy.resources.limits.cpus must be a string`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: 0.5
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: "0.5"
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.NUMBER_FOR_STRING)) {
                    if (f.path().contains(".resources.")) {
                      ctx.report(
                          f.path(),
                          VersionRules.last(f.path()) + " must be a string",
                          "quote it: \"" + f.detail() + "\"");
                    }
                  }
                }),
        rule("SWARM-RES-006", WARNING, "a reservation is larger than the limit")
            .why(
                "it misbehaves only on some clusters: the reservation steers scheduling to nodes that have it, and the limit is applied")
            .stage("lint")
            .source("moby/swarmkit service.go validateResources (no check)")
            .explain(
                """
                Reservations only steer scheduling and limits are applied to the container; a
                reservation above the limit is accepted but reserves capacity the task can never use.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 256M
                        reservations:
                          memory: 512M
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 512M
                        reservations:
                          memory: 256M
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.resources())
                                .ifPresent(
                                    r -> {
                                      Optional<Resource> l = r.limits();
                                      Optional<Resource> v = r.reservations();
                                      if (l.isEmpty() || v.isEmpty()) {
                                        return;
                                      }
                                      String p = path(name) + ".deploy.resources.reservations";
                                      Optional<Cpus> lc = l.get().cpus();
                                      Optional<Cpus> vc = v.get().cpus();
                                      if (lc.isPresent()
                                          && vc.isPresent()
                                          && lc.get().signum() > 0
                                          && vc.get().compareTo(lc.get()) > 0) {
                                        ctx.report(
                                            p + ".cpus",
                                            "the cpus reservation "
                                                + vc.get()
                                                + " is larger than the limit "
                                                + lc.get(),
                                            "reserve at most the limit");
                                      }
                                      Optional<ByteSize> lm = l.get().memory();
                                      Optional<ByteSize> vm = v.get().memory();
                                      if (lm.isPresent()
                                          && vm.isPresent()
                                          && lm.get().bytes() > 0
                                          && vm.get().compareTo(lm.get()) > 0) {
                                        ctx.report(
                                            p + ".memory",
                                            "the memory reservation "
                                                + vm.get()
                                                + " is larger than the limit "
                                                + lm.get(),
                                            "reserve at most the limit");
                                      }
                                    }))),
        rule("SWARM-RES-007", WARNING, "generic resources must be advertised by nodes")
            .stage("A")
            .source("moby/swarmkit manager/scheduler/filter.go ResourceFilter")
            .explain(
                """
                Tasks reserving `generic_resources` (or more CPU/memory than any node has) stay pending
                (`no suitable node (insufficient resources)`) unless nodes advertise them
                (`node-generic-resources` in the engine configuration). Given the cluster's nodes
                (`ClusterState.Node.genericResources`), it is certain: an error when no node that can run
                the service advertises enough of them, nothing when one does.""")
            .failing(
                """
                version: "3.9"
                services:
                  trainer:
                    image: alpine:3.20
                    deploy:
                      resources:
                        reservations:
                          generic_resources:
                            - discrete_resource_spec:
                                kind: gpu
                                value: 1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  trainer:
                    image: alpine:3.20
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.resources())
                                .flatMap(r -> r.reservations())
                                .filter(r -> !r.genericResources().isEmpty())
                                .ifPresent(
                                    r -> {
                                      String p =
                                          path(name)
                                              + ".deploy.resources.reservations.generic_resources";
                                      Optional<List<ClusterState.Node>> eligible =
                                          PlacementRules.eligible(ctx, s);
                                      if (eligible.isEmpty() || eligible.get().isEmpty()) {
                                        ctx.report(
                                            p,
                                            "tasks stay pending unless nodes advertise these generic resources",
                                            "configure node-generic-resources in the daemon configuration of the nodes that have them");
                                      } else if (eligible.get().stream()
                                          .noneMatch(
                                              n ->
                                                  r.genericResources().stream()
                                                      .allMatch(
                                                          g ->
                                                              n.genericResources()
                                                                      .getOrDefault(g.kind(), 0L)
                                                                  >= g.value()))) {
                                        ctx.report(
                                            ERROR,
                                            p,
                                            "no node that can run the service advertises these generic resources; the tasks stay"
                                                + " pending (no suitable node (insufficient resources))",
                                            "configure node-generic-resources on the nodes that have them, or remove the reservation");
                                      }
                                    }))),
        rule("SWARM-RES-010", ERROR, "a cpus limit above every node's CPU count")
            .why(
                "given the cluster's nodes (`ClusterState`) it is certain: every node that can run the task rejects it; without them it is not checked")
            .stage("A")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source(
                "moby/moby daemon/daemon_unix.go verifyPlatformContainerResources (Range of CPUs is from 0.01 to N)")
            .explain(
                """
                The scheduler does not look at limits, but the engine refuses a container whose `cpus`
                limit is above the node's CPU count: `Range of CPUs is from 0.01 to 2.00, as there are
                only 2 CPUs available`. Given the cluster's nodes with their CPUs
                (`ClusterState.Node.nanoCpus`), a limit above the CPUs of every node that can run the
                service rejects every task. Without node facts it is not reported.""")
            .failing(
                """
                # node: node-1 manager @cpus=2
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: '4'
                """)
            .passing(
                """
                # node: node-1 manager @cpus=2
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          cpus: '1.5'
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.resources())
                                .flatMap(r -> r.limits())
                                .flatMap(l -> l.cpus())
                                .ifPresent(
                                    c -> {
                                      if (PlacementRules.noEligibleNode(
                                          ctx,
                                          s,
                                          n -> n.nanoCpus() > 0,
                                          n ->
                                              c.compareTo(
                                                      Cpus.of(BigDecimal.valueOf(n.nanoCpus(), 9)))
                                                  <= 0)) {
                                        long most =
                                            PlacementRules.eligible(ctx, s).get().stream()
                                                .mapToLong(n -> n.nanoCpus())
                                                .max()
                                                .getAsLong();
                                        String cpus =
                                            BigDecimal.valueOf(most)
                                                .movePointLeft(9)
                                                .stripTrailingZeros()
                                                .toPlainString();
                                        ctx.report(
                                            path(name) + ".deploy.resources.limits.cpus",
                                            "Range of CPUs is from 0.01 to "
                                                + cpus
                                                + ", as there are only "
                                                + cpus
                                                + " CPUs available on the nodes that can run the service",
                                            "limit cpus to at most " + cpus);
                                      }
                                    }))),
        rule("SWARM-RES-011", ERROR, "a cpus or memory reservation no node can hold")
            .why(
                "given the cluster's nodes (`ClusterState`) it is certain: the tasks never run; without them it is not checked")
            .stage("A")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source("moby/swarmkit manager/scheduler/filter.go ResourceFilter")
            .explain(
                """
                The scheduler places a task only on a node whose CPUs and memory cover its
                reservations. Given the cluster's nodes with their sizes (`ClusterState.Node.nanoCpus`,
                `memoryBytes`), a reservation larger than every node that can run the service leaves the
                tasks `Pending` (`no suitable node (insufficient resources on 1 node)`), even on an empty
                cluster. Without node facts it is not reported.""")
            .failing(
                """
                # node: node-1 manager @cpus=2 @memory=4294967296
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      resources:
                        reservations:
                          memory: 8G
                """)
            .passing(
                """
                # node: node-1 manager @cpus=2 @memory=4294967296
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      resources:
                        reservations:
                          memory: 2G
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.resources())
                                .flatMap(r -> r.reservations())
                                .ifPresent(
                                    r -> {
                                      String p = path(name) + ".deploy.resources.reservations";
                                      r.cpus()
                                          .ifPresent(
                                              c -> {
                                                if (PlacementRules.noEligibleNode(
                                                    ctx,
                                                    s,
                                                    n -> n.nanoCpus() > 0,
                                                    n ->
                                                        c.compareTo(
                                                                Cpus.of(
                                                                    BigDecimal.valueOf(
                                                                        n.nanoCpus(), 9)))
                                                            <= 0)) {
                                                  ctx.report(
                                                      p + ".cpus",
                                                      "no node that can run the service has "
                                                          + c
                                                          + " CPUs; the tasks stay pending"
                                                          + " (no suitable node (insufficient resources))",
                                                      "reserve at most a node's CPUs");
                                                }
                                              });
                                      r.memory()
                                          .ifPresent(
                                              m -> {
                                                if (PlacementRules.noEligibleNode(
                                                    ctx,
                                                    s,
                                                    n -> n.memoryBytes() > 0,
                                                    n -> m.bytes() <= n.memoryBytes())) {
                                                  ctx.report(
                                                      p + ".memory",
                                                      "no node that can run the service has "
                                                          + m
                                                          + " of memory; the tasks stay pending"
                                                          + " (no suitable node (insufficient resources))",
                                                      "reserve at most a node's memory");
                                                }
                                              });
                                    }))),
        rule("SWARM-RES-008", ERROR, "device requests are not in any 3.x schema")
            .stage("S")
            .source("docker/cli config_schema_v3.13.json")
            .explain(
                """
                `deploy.resources.reservations.devices` (GPU requests) is a Compose Specification key:
                `Additional property devices is not allowed`. Swarm reserves GPUs with
                `generic_resources`.""")
            .failing(
                """
                services:
                  trainer:
                    image: alpine:3.20
                    deploy:
                      resources:
                        reservations:
                          devices:
                            - capabilities: [gpu]
                """)
            .passing(
                """
                services:
                  trainer:
                    image: alpine:3.20
                    deploy:
                      resources:
                        reservations:
                          generic_resources:
                            - discrete_resource_spec:
                                kind: gpu
                                value: 1
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.resources())
                                .ifPresent(
                                    r -> {
                                      r.limits()
                                          .filter(l -> !l.devices().isEmpty())
                                          .ifPresent(
                                              l ->
                                                  ctx.report(
                                                      path(name)
                                                          + ".deploy.resources.limits.devices",
                                                      "Additional property devices is not allowed",
                                                      "remove it"));
                                      r.reservations()
                                          .filter(l -> !l.devices().isEmpty())
                                          .ifPresent(
                                              l ->
                                                  ctx.report(
                                                      path(name)
                                                          + ".deploy.resources.reservations.devices",
                                                      "Additional property devices is not allowed",
                                                      "reserve GPUs with generic_resources"));
                                    }))),
        rule("SWARM-RES-009", ERROR, "memory below the engine's 6 MiB minimum")
            .stage("A")
            .source(
                "moby/moby daemon/daemon_unix.go verifyPlatformContainerResources (linuxMinMemory)")
            .explain(
                """
                The manager accepts 4 MiB, but a Linux engine refuses to create a container with a
                memory limit or reservation below 6 MiB: the real Swarm rejects every task with
                `Minimum memory limit allowed is 6MB` (`Minimum memory reservation allowed is 6MB`), on
                every node.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 5M
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      resources:
                        limits:
                          memory: 6M
                """)
            .check(
                ctx ->
                    eachResource(
                        ctx,
                        (p, r) ->
                            r.memory()
                                .ifPresent(
                                    m -> {
                                      if (m.bytes() >= MIN_MEMORY
                                          && m.bytes() < ENGINE_MIN_MEMORY) {
                                        boolean limit = p.endsWith(".limits");
                                        ctx.report(
                                            p + ".memory",
                                            "Minimum memory "
                                                + (limit ? "limit" : "reservation")
                                                + " allowed is 6MB",
                                            "use at least 6M");
                                      }
                                    }))));
  }
}
