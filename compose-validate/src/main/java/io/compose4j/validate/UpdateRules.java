package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.INFO;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.internal.Rx;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SWARM-UPD: update_config, rollback_config, restart_policy. */
final class UpdateRules {
  private static final Rx DIGITS = Rx.compile("\\d+");

  private UpdateRules() {}

  private static final Set<String> FAILURE_ACTIONS = Set.of("pause", "continue", "rollback");
  private static final Set<String> ORDERS = Set.of("start-first", "stop-first");
  private static final Set<String> CONDITIONS = Set.of("none", "on-failure", "any");

  /** Returns what a legacy {@code restart} value becomes, or null if Docker refuses it. */
  static String legacyRestartMeaning(String restart) {
    if (restart.isEmpty() || restart.equals("no")) {
      return "none (no restart policy)";
    }
    if (restart.equals("always") || restart.equals("unless-stopped")) {
      return "condition any";
    }
    if (restart.equals("on-failure")) {
      return "condition on-failure";
    }
    if (restart.startsWith("on-failure:") && DIGITS.matches(restart.substring(11))) {
      return "condition on-failure, max_attempts " + restart.substring(11);
    }
    return null;
  }

  private static void action(RuleContext ctx, String path, Optional<String> action) {
    action
        .filter(a -> !FAILURE_ACTIONS.contains(a))
        .ifPresent(
            a ->
                ctx.report(
                    path,
                    "unrecognized update failure action " + a,
                    "use pause, continue or rollback"));
  }

  private static void order(RuleContext ctx, String path, Optional<String> order) {
    order
        .filter(o -> !ORDERS.contains(o))
        .ifPresent(
            o ->
                ctx.report(
                    path, "unrecognized update order " + o, "use start-first or stop-first"));
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-UPD-001", ERROR, "failure_action is not pause, continue or rollback")
            .stage("E")
            .source("moby/moby daemon/cluster/convert/service.go updateConfigToGRPC")
            .explain(
                "`update_config.failure_action` and `rollback_config.failure_action` are `pause`, `continue` or `rollback`: `unrecognized update failure action retry`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        failure_action: retry
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        failure_action: rollback
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .ifPresent(
                                    d -> {
                                      d.updateConfig()
                                          .ifPresent(
                                              u ->
                                                  action(
                                                      ctx,
                                                      path(name)
                                                          + ".deploy.update_config.failure_action",
                                                      u.failureAction()));
                                      d.rollbackConfig()
                                          .ifPresent(
                                              u ->
                                                  action(
                                                      ctx,
                                                      path(name)
                                                          + ".deploy.rollback_config.failure_action",
                                                      u.failureAction()));
                                    }))),
        rule("SWARM-UPD-002", ERROR, "order is not start-first or stop-first")
            .stage("S")
            .source("docker/cli config_schema_v3.4+.json enum; moby/moby updateConfigToGRPC")
            .explain("`order` must be `start-first` or `stop-first` (update 3.4+, rollback 3.7+).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        order: parallel
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        order: start-first
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .ifPresent(
                                    d -> {
                                      d.updateConfig()
                                          .ifPresent(
                                              u ->
                                                  order(
                                                      ctx,
                                                      path(name) + ".deploy.update_config.order",
                                                      u.order()));
                                      d.rollbackConfig()
                                          .ifPresent(
                                              u ->
                                                  order(
                                                      ctx,
                                                      path(name) + ".deploy.rollback_config.order",
                                                      u.order()));
                                    }))),
        rule("SWARM-UPD-003", ERROR, "update_config.max_failure_ratio is outside 0..1")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateUpdate")
            .explain(
                "`TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1`. Reported by the field constraint on `max_failure_ratio`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        max_failure_ratio: 1.5
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        max_failure_ratio: 0.2
                """)
            .check(Rule.BY_FIELD_CONSTRAINTS),
        rule("SWARM-UPD-004", WARNING, "rollback_config.failure_action rollback pauses instead")
            .stage("N")
            .source(
                "moby/swarmkit manager/orchestrator/update/updater.go (never roll back a rollback)")
            .explain(
                "A rollback that fails is never rolled back: `failure_action: rollback` in `rollback_config` behaves like `pause`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      rollback_config:
                        failure_action: rollback
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      rollback_config:
                        failure_action: pause
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.rollbackConfig())
                                .flatMap(r -> r.failureAction())
                                .filter("rollback"::equals)
                                .ifPresent(
                                    a ->
                                        ctx.report(
                                            path(name) + ".deploy.rollback_config.failure_action",
                                            "a failed rollback is paused, not rolled back",
                                            "use pause or continue")))),
        rule("SWARM-UPD-005", ERROR, "restart_policy.condition is not none, on-failure or any")
            .stage("E")
            .source("moby/moby daemon/cluster/convert/service.go restartPolicyToGRPC")
            .explain(
                "`invalid RestartCondition: \"always\"`; Swarm's conditions are `none`, `on-failure` and `any`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      restart_policy:
                        condition: always
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      restart_policy:
                        condition: any
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.restartPolicy())
                                .flatMap(r -> r.condition())
                                .filter(c -> !CONDITIONS.contains(c))
                                .ifPresent(
                                    c ->
                                        ctx.report(
                                            path(name) + ".deploy.restart_policy.condition",
                                            "invalid RestartCondition: \"" + c + "\"",
                                            "use none, on-failure or any")))),
        rule("SWARM-UPD-006", ERROR, "restart is not a restart policy Docker knows")
            .stage("C")
            .source("docker/cli cli/compose/convert/service.go convertRestartPolicy")
            .explain(
                "Without `deploy.restart_policy`, `restart` must be `no`, `always`, `on-failure[:N]` or `unless-stopped`: `unknown restart policy: sometimes`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    restart: sometimes
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    restart: on-failure:3
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.restart()
                                .ifPresent(
                                    r -> {
                                      boolean policy =
                                          s.deploy().flatMap(d -> d.restartPolicy()).isPresent();
                                      if (!policy && legacyRestartMeaning(r) == null) {
                                        ctx.report(
                                            path(name) + ".restart",
                                            "service " + name + ": unknown restart policy: " + r,
                                            "use deploy.restart_policy (condition none, on-failure or any)");
                                      }
                                    }))),
        rule("SWARM-UPD-007", INFO, "parallelism 0 updates every task at once")
            .stage("N")
            .source("docker/cli cli/compose/convert/service.go convertUpdateConfig")
            .why(
                "style and practice: Swarm does exactly what `0` means (the catalog rates it a warning; the policy makes it info)")
            .explain(
                "`parallelism: 0` replaces all tasks at the same time (the default, 1, replaces one at a time): the service is down during the update.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replicas: 3
                      update_config:
                        parallelism: 0
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replicas: 3
                      update_config:
                        parallelism: 1
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.updateConfig())
                                .ifPresent(
                                    u -> {
                                      if (u.parallelism().isPresent()
                                          && u.parallelism().getAsLong() == 0) {
                                        ctx.report(
                                            path(name) + ".deploy.update_config.parallelism",
                                            "parallelism 0 updates every task at once",
                                            "update a few tasks at a time, for example parallelism: 1");
                                      }
                                    }))));
  }
}
