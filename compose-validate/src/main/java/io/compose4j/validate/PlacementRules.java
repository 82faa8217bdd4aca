package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.deploy;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Constraint;
import io.compose4j.model.Service;
import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** SWARM-PLC: placement constraints and preferences. */
final class PlacementRules {
  private static final Rx IP_OR_CIDR = Rx.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");

  private PlacementRules() {}

  private static final Rx KEY = Rx.compile("(?i)^[a-z_][a-z0-9\\-_.]+$");
  private static final Rx VALUE = Rx.compile("(?i)^[a-z0-9:\\-_\\s.*()?+\\[\\]\\\\^$|/]+$");
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "node.id",
          "node.hostname",
          "node.ip",
          "node.role",
          "node.platform.os",
          "node.platform.arch");

  /** Calls the action for every constraint of every service with its path. */
  private static void constraints(RuleContext ctx, BiConsumer<String, Constraint> action) {
    services(
        ctx.stack(),
        (name, s) ->
            s.deploy()
                .flatMap(d -> d.placement())
                .ifPresent(
                    p -> {
                      for (int i = 0; i < p.constraints().size(); i++) {
                        action.accept(
                            path(name) + ".deploy.placement.constraints[" + i + "]",
                            p.constraints().get(i));
                      }
                    }));
  }

  /** swarmkit's parse steps: which operator, then the key, then the value. */
  private static String problem(String text) {
    for (String op : new String[] {"==", "!="}) {
      int at = text.indexOf(op);
      if (at < 0) {
        continue;
      }
      String k = text.substring(0, at).trim();
      String v = text.substring(at + 2).trim();
      if (!KEY.matches(k)) {
        return "key:" + k;
      }
      if (!VALUE.matches(v)) {
        return "value:" + v;
      }
      return null;
    }
    return "operator";
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-PLC-001", ERROR, "a constraint has no == or != operator")
            .stage("M")
            .source("moby/swarmkit manager/constraint/constraint.go Parse")
            .explain(
                """
                Each constraint is `key == value` or `key != value`: `constraint expected one operator
                from ==, !=`. A single `=` (as in the Compose Specification's `disktype=ssd` example),
                `>=` or `~=` is refused.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: [node.labels.disktype=ssd]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: [node.labels.disktype == ssd]
                """)
            .check(
                ctx ->
                    constraints(
                        ctx,
                        (p, c) -> {
                          if ("operator".equals(problem(c.text()))) {
                            ctx.report(
                                p,
                                "constraint expected one operator from ==, !=",
                                "write key == value or key != value");
                          }
                        })),
        rule("SWARM-PLC-002", ERROR, "a constraint key is invalid")
            .stage("M")
            .source("moby/swarmkit manager/constraint/constraint.go Parse")
            .explain(
                "The key must match `^(?i)[a-z_][a-z0-9\\-_.]+$`: `key 'node labels' is invalid`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: ["node.labels.my zone == a"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: ["node.labels.my_zone == a"]
                """)
            .check(
                ctx ->
                    constraints(
                        ctx,
                        (p, c) -> {
                          String problem = problem(c.text());
                          if (problem != null && problem.startsWith("key:")) {
                            ctx.report(
                                p,
                                "key '" + problem.substring(4) + "' is invalid",
                                "use letters, digits, '_', '-' and '.'");
                          }
                        })),
        rule("SWARM-PLC-003", ERROR, "a constraint value is invalid")
            .stage("M")
            .source("moby/swarmkit manager/constraint/constraint.go Parse")
            .explain(
                "Values may not contain quotes, commas, `=`, `@`, `#`, `<`, `>`, `~`: `value '\"ssd\"' is invalid` (YAML quotes belong around the whole constraint).")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: ['node.labels.disk == "ssd"']
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: ["node.labels.disk == ssd"]
                """)
            .check(
                ctx ->
                    constraints(
                        ctx,
                        (p, c) -> {
                          String problem = problem(c.text());
                          if (problem != null && problem.startsWith("value:")) {
                            ctx.report(
                                p,
                                "value '" + problem.substring(6) + "' is invalid",
                                "remove quotes and special characters from the value");
                          }
                        })),
        rule("SWARM-PLC-004", ERROR, "a constraint on an attribute Swarm never matches")
            .stage("A")
            .source("moby/swarmkit manager/constraint/constraint.go NodeMatches")
            .explain(
                """
                Only `node.id`, `node.hostname`, `node.ip`, `node.role`, `node.platform.os`,
                `node.platform.arch`, `node.labels.<k>` and `engine.labels.<k>` are evaluated; any other
                key never matches and the tasks stay pending (`no suitable node`).

                **Severity: error, where the catalog says warning.** No node of any cluster has another
                attribute, so the task can never run: on the real Swarm (`../shared/swarm-rules`, case
                `039-constraint-unknown-attribute.yml`) `docker stack deploy` succeeds and the task stays
                `Pending` with `no suitable node (scheduling constraints not satisfied on 1 node)`; the
                catalog's own README records this. The catalog case is listed in
                `conformance/swarm-cases-exceptions.tsv`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.zone == eu-1]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.labels.zone == eu-1]
                """)
            .check(
                ctx ->
                    constraints(
                        ctx,
                        (p, c) ->
                            c.key()
                                .ifPresent(
                                    k -> {
                                      String key = k.toLowerCase(Locale.ROOT);
                                      boolean known =
                                          ATTRIBUTES.contains(key)
                                              || (key.startsWith("node.labels.")
                                                  && key.length() > 12)
                                              || (key.startsWith("engine.labels.")
                                                  && key.length() > 14);
                                      if (!known) {
                                        ctx.report(
                                            p,
                                            "'"
                                                + k
                                                + "' is not a node attribute Swarm evaluates; the tasks will stay pending",
                                            "use node.id, node.hostname, node.ip, node.role, node.platform.os/arch, node.labels.<k> or engine.labels.<k>");
                                      }
                                    }))),
        rule("SWARM-PLC-005", ERROR, "a constraint value no node can have")
            .stage("A")
            .source("moby/swarmkit constraint.go; moby/moby executor.go Describe")
            .explain(
                """
                `node.role` is `manager` or `worker`; `node.platform.arch` is the kernel's name
                (`x86_64`, `aarch64`), not Go's (`amd64`, `arm64`); `node.ip` is an address or CIDR.
                Other values never match.

                **Severity: error, where the catalog says warning.** A value no node can report leaves
                the task `Pending` on every cluster, like SWARM-PLC-004 (`no suitable node`); the catalog
                case `108-constraint-arch-goarch-name.yml` deploys and its task never runs (real Swarm:
                Linux nodes report `x86_64`). `arm64` is a warning only: Linux nodes report `aarch64`,
                but a Windows node on ARM may report `arm64`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.platform.arch == amd64]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.platform.arch == x86_64]
                """)
            .check(
                ctx ->
                    constraints(
                        ctx,
                        (p, c) -> {
                          if (!c.isValid()) {
                            return;
                          }
                          String key = c.key().get().toLowerCase(Locale.ROOT);
                          String value = c.value().get();
                          String v = value.toLowerCase(Locale.ROOT);
                          if (key.equals("node.role")
                              && !v.equals("manager")
                              && !v.equals("worker")) {
                            ctx.report(
                                p,
                                "node.role is manager or worker, never '" + value + "'",
                                "compare with manager or worker");
                          } else if (key.equals("node.platform.arch")
                              && Set.of("amd64", "arm64", "386").contains(v)) {
                            String kernel =
                                v.equals("amd64")
                                    ? "x86_64"
                                    : v.equals("arm64") ? "aarch64" : "i686";
                            ctx.report(
                                v.equals("arm64") ? WARNING : ERROR,
                                p,
                                "node.platform.arch is the kernel's name, so '"
                                    + value
                                    + "' never matches"
                                    + (v.equals("arm64") ? " on Linux nodes" : ""),
                                "use " + kernel);
                          } else if (key.equals("node.ip") && !IP_OR_CIDR.matches(value)) {
                            ctx.report(
                                p,
                                "node.ip '" + value + "' is not an address or CIDR range",
                                "use an IP address or a range like 10.0.0.0/24");
                          }
                        })),
        rule("SWARM-PLC-006", ERROR, "a placement preference other than spread")
            .stage("S")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli config_schema_v3.3+.json")
            .explain(
                "`placement.preferences` items support only `spread` (3.3+); the reader refuses other keys (`parse`).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        preferences:
                          - binpack: node.labels.zone
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        preferences:
                          - spread: node.labels.zone
                """)
            .documentationOnly(),
        rule("SWARM-PLC-007", WARNING, "a spread descriptor the scheduler ignores")
            .stage("N")
            .source("moby/swarmkit manager/scheduler/nodeset.go tree")
            .explain(
                "Only `node.labels.<k>` and `engine.labels.<k>` spread tasks; any other descriptor (`node.hostname`) is silently ignored.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        preferences:
                          - spread: node.hostname
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        preferences:
                          - spread: node.labels.zone
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.placement())
                                .ifPresent(
                                    pl -> {
                                      for (int i = 0; i < pl.preferences().size(); i++) {
                                        String spread = pl.preferences().get(i).spread();
                                        if (!(spread.startsWith("node.labels.")
                                            || spread.startsWith("engine.labels."))) {
                                          ctx.report(
                                              path(name)
                                                  + ".deploy.placement.preferences["
                                                  + i
                                                  + "].spread",
                                              "spread over '"
                                                  + spread
                                                  + "' is ignored by the scheduler",
                                              "spread over node.labels.<key> or engine.labels.<key>");
                                        }
                                      }
                                    }))),
        rule("SWARM-PLC-008", WARNING, "max_replicas_per_node needs more nodes than replicas")
            .stage("A")
            .source("moby/swarmkit manager/scheduler/filter.go MaxReplicasFilter")
            .explain(
                """
                With `replicas: 3` and `max_replicas_per_node: 1` at least three eligible nodes are needed;
                the rest stay pending (`max replicas per node limit exceed`). A warning, since it depends
                on the cluster; given the cluster's nodes (`ClusterState`), too few eligible nodes is an
                error.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      replicas: 3
                      placement:
                        max_replicas_per_node: 1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      replicas: 1
                      placement:
                        max_replicas_per_node: 1
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            deploy(s)
                                .placement()
                                .ifPresent(
                                    pl -> {
                                      long per = pl.maxReplicasPerNode().orElse(0);
                                      long replicas = deploy(s).replicas().orElse(1);
                                      if (per > 0
                                          && replicas > per
                                          && !Checks.isGlobal(Checks.mode(s))) {
                                        long nodes = (replicas + per - 1) / per;
                                        OptionalInt eligible = eligibleNodes(ctx, s);
                                        if (eligible.isEmpty()) {
                                          ctx.report(
                                              path(name)
                                                  + ".deploy.placement.max_replicas_per_node",
                                              replicas
                                                  + " replicas at most "
                                                  + per
                                                  + " per node need at least "
                                                  + nodes
                                                  + " eligible nodes",
                                              "make sure the swarm has them, or lower replicas");
                                        } else if (eligible.getAsInt() < nodes) {
                                          ctx.report(
                                              ERROR,
                                              path(name)
                                                  + ".deploy.placement.max_replicas_per_node",
                                              replicas
                                                  + " replicas at most "
                                                  + per
                                                  + " per node need at least "
                                                  + nodes
                                                  + " eligible nodes, and the cluster has "
                                                  + eligible.getAsInt(),
                                              "lower replicas, raise max_replicas_per_node, or add nodes");
                                        }
                                      }
                                    }))),
        rule("SWARM-PLC-009", ERROR, "constraints that can never all hold")
            .stage("A")
            .source("moby/swarmkit constraint.go NodeMatches (constraints are ANDed)")
            .explain(
                """
                Constraints are ANDed: the same key `==` two values, or `==` and `!=` the same value, matches no node.

                **Severity: error, where the catalog says warning.** No node of any cluster can satisfy
                them, so the task stays `Pending` forever (`no suitable node`), as for SWARM-PLC-004. The
                catalog has no case for this rule.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.role == manager, node.role == worker]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      placement:
                        constraints: [node.role == manager]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.placement())
                                .ifPresent(
                                    pl -> {
                                      Map<String, String> equal = new HashMap<>();
                                      Map<String, Set<String>> notEqual = new HashMap<>();
                                      for (Constraint c : pl.constraints()) {
                                        if (!c.isValid()) {
                                          continue;
                                        }
                                        String k = c.key().get().toLowerCase(Locale.ROOT);
                                        String v = c.value().get().toLowerCase(Locale.ROOT);
                                        if (c.operator().get() == Constraint.Operator.EQ) {
                                          String before = equal.putIfAbsent(k, v);
                                          if (before != null && !before.equals(v)) {
                                            report(
                                                ctx,
                                                name,
                                                k + " cannot equal both " + before + " and " + v);
                                          }
                                        } else {
                                          notEqual.computeIfAbsent(k, x -> new HashSet<>()).add(v);
                                        }
                                      }
                                      equal.forEach(
                                          (k, v) -> {
                                            if (notEqual.getOrDefault(k, Set.of()).contains(v)) {
                                              report(
                                                  ctx,
                                                  name,
                                                  k + " cannot both equal and differ from " + v);
                                            }
                                          });
                                    }))),
        rule("SWARM-PLC-010", ERROR, "no node of the cluster satisfies the constraints")
            .why(
                "given the cluster's nodes (`ClusterState`) it is certain: the tasks never run; without them it is not checked")
            .stage("A")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source(
                "moby/swarmkit manager/constraint/constraint.go NodeMatches; manager/scheduler/filter.go ConstraintFilter")
            .explain(
                """
                Given the cluster's nodes (`ClusterState.nodes`), the constraints are evaluated as the
                scheduler does: `node.id`, `node.hostname`, `node.role`, `node.platform.os`,
                `node.platform.arch`, `node.labels.<k>` and `engine.labels.<k>` (a missing label is the
                empty value; values compare case-insensitively, label names do not), on the nodes whose
                availability is `active`. When no node satisfies all of them, the tasks stay `Pending` (`no suitable node`).
                Without node facts this is a cluster-dependent case and is not reported.""")
            .failing(
                """
                # node: node-1 manager
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: [node.labels.disk == ssd]
                """)
            .passing(
                """
                # node: node-1 manager disk=ssd
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    deploy:
                      placement:
                        constraints: [node.labels.disk == ssd]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean constrained =
                              s.deploy()
                                  .flatMap(d -> d.placement())
                                  .map(p -> !p.constraints().isEmpty())
                                  .orElse(false);
                          OptionalInt eligible = eligibleNodes(ctx, s);
                          if (constrained && eligible.isPresent() && eligible.getAsInt() == 0) {
                            ctx.report(
                                path(name) + ".deploy.placement.constraints",
                                "no node of the cluster ("
                                    + ctx.cluster().get().nodes().size()
                                    + " known) satisfies the constraints; the tasks will stay pending",
                                "label a node (docker node update --label-add) or fix the constraints");
                          }
                        })));
  }

  /**
   * Returns how many of the cluster's known nodes can take the service's tasks (schedulable and
   * satisfying every constraint), or empty when the nodes are not known.
   */
  static OptionalInt eligibleNodes(RuleContext ctx, Service s) {
    return eligible(ctx, s).map(l -> OptionalInt.of(l.size())).orElse(OptionalInt.empty());
  }

  /**
   * Returns the cluster's known nodes that can take the service's tasks: schedulable (availability
   * active) and satisfying every constraint, or empty when the nodes are not known. A fact a node
   * does not hold (an empty id or platform) is taken to match; {@code node.ip} is not checked.
   */
  static Optional<List<ClusterState.Node>> eligible(RuleContext ctx, Service s) {
    if (ctx.cluster().isEmpty() || !ctx.cluster().get().knowsNodes()) {
      return Optional.empty();
    }
    List<Constraint> cs =
        s.deploy().flatMap(d -> d.placement()).map(p -> p.constraints()).orElse(List.of());
    List<ClusterState.Node> out = new ArrayList<>();
    for (ClusterState.Node node : ctx.cluster().get().nodes()) {
      if (node.schedulable() && cs.stream().allMatch(c -> !c.isValid() || matches(c, node))) {
        out.add(node);
      }
    }
    return Optional.of(out);
  }

  /**
   * Returns whether, given the cluster's nodes, no node that can take the service's tasks passes
   * the test: the nodes are known, at least one is eligible (none is SWARM-PLC-010's finding), the
   * fact is known on every eligible node and none passes. False whenever that is not certain.
   */
  static boolean noEligibleNode(
      RuleContext ctx,
      Service s,
      Predicate<ClusterState.Node> known,
      Predicate<ClusterState.Node> passes) {
    List<ClusterState.Node> nodes = eligible(ctx, s).orElse(List.of());
    return !nodes.isEmpty() && nodes.stream().allMatch(known) && nodes.stream().noneMatch(passes);
  }

  /** Returns whether every node that can take the service's tasks is known to be a Linux node. */
  static boolean onlyLinuxNodes(RuleContext ctx, Service s) {
    return noEligibleNode(ctx, s, n -> !n.os().isEmpty(), n -> !n.os().equalsIgnoreCase("linux"));
  }

  /**
   * swarmkit's NodeMatches for one constraint (values compare case-insensitively, label names do
   * not).
   */
  private static boolean matches(Constraint c, ClusterState.Node node) {
    String key = c.key().get();
    String lower = key.toLowerCase(Locale.ROOT);
    String actual;
    if (lower.equals("node.hostname")) {
      actual = node.hostname();
    } else if (lower.equals("node.role")) {
      actual = node.role();
    } else if (lower.equals("node.id") && !node.id().isEmpty()) {
      actual = node.id();
    } else if (lower.equals("node.platform.os") && !node.os().isEmpty()) {
      actual = node.os();
    } else if (lower.equals("node.platform.arch") && !node.arch().isEmpty()) {
      actual = node.arch();
    } else if (lower.startsWith("node.labels.")) {
      actual = node.labels().getOrDefault(key.substring(12), "");
    } else if (lower.startsWith("engine.labels.")) {
      actual = node.engineLabels().getOrDefault(key.substring(14), "");
    } else {
      return true;
    }
    boolean equal = actual.equalsIgnoreCase(c.value().get());
    return c.operator().get() == Constraint.Operator.EQ ? equal : !equal;
  }

  private static void report(RuleContext ctx, String service, String what) {
    ctx.report(
        path(service) + ".deploy.placement.constraints",
        what + "; no node matches",
        "remove the contradiction");
  }
}
