package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** SWARM-DUR: durations. */
final class DurationRules {
  private DurationRules() {}

  private static void negative(RuleContext ctx, String path, Optional<Duration> d, String message) {
    d.filter(Duration::isNegative)
        .ifPresent(
            x ->
                ctx.report(
                    path, message + " (" + GoDuration.format(x) + ")", "use a positive duration"));
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-DUR-001", ERROR, "a duration is not a Go duration")
            .stage("S")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli schema.go durationFormatChecker")
            .explain(
                """
                Durations are Go duration strings: units ns, us, ms, s, m, h (no days), no bare numbers.
                The reader refuses other values (`parse`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    stop_grace_period: 1d
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    stop_grace_period: 24h
                """)
            .documentationOnly(),
        rule("SWARM-DUR-002", ERROR, "a negative update_config delay or monitor")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateUpdate")
            .explain("`TaskSpec: update-delay cannot be negative` (and update-monitor).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        delay: -10s
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        delay: 10s
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
                                      negative(
                                          ctx,
                                          path(name) + ".deploy.update_config.delay",
                                          u.delay(),
                                          "TaskSpec: update-delay cannot be negative");
                                      negative(
                                          ctx,
                                          path(name) + ".deploy.update_config.monitor",
                                          u.monitor(),
                                          "TaskSpec: update-monitor cannot be negative");
                                    }))),
        rule("SWARM-DUR-003", ERROR, "a negative restart_policy delay or window")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateRestartPolicy")
            .explain("`TaskSpec: restart-delay cannot be negative` (and restart-window).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      restart_policy:
                        window: -1m
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      restart_policy:
                        window: 1m
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.restartPolicy())
                                .ifPresent(
                                    r -> {
                                      negative(
                                          ctx,
                                          path(name) + ".deploy.restart_policy.delay",
                                          r.delay(),
                                          "TaskSpec: restart-delay cannot be negative");
                                      negative(
                                          ctx,
                                          path(name) + ".deploy.restart_policy.window",
                                          r.window(),
                                          "TaskSpec: restart-window cannot be negative");
                                    }))),
        rule("SWARM-DUR-004", WARNING, "rollback_config values swarmkit never checks")
            .stage("N")
            .source(
                "moby/swarmkit service.go validateServiceSpec (validateUpdate only for update_config)")
            .explain(
                """
                swarmkit validates `update_config` but not `rollback_config`: a negative delay or monitor,
                or a `max_failure_ratio` outside 0..1, is accepted and makes rollbacks behave
                unpredictably.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      rollback_config:
                        delay: -5s
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      rollback_config:
                        delay: 5s
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.rollbackConfig())
                                .ifPresent(
                                    r -> {
                                      String p = path(name) + ".deploy.rollback_config";
                                      negative(
                                          ctx,
                                          p + ".delay",
                                          r.delay(),
                                          "a negative rollback delay is accepted unchecked");
                                      negative(
                                          ctx,
                                          p + ".monitor",
                                          r.monitor(),
                                          "a negative rollback monitor is accepted unchecked");
                                      r.maxFailureRatio()
                                          .filter(x -> x < 0 || x > 1)
                                          .ifPresent(
                                              x ->
                                                  ctx.report(
                                                      p + ".max_failure_ratio",
                                                      "max_failure_ratio "
                                                          + x
                                                          + " is outside 0..1 and accepted unchecked",
                                                      "use a value between 0 and 1"));
                                    }))),
        rule("SWARM-DUR-005", WARNING, "a zero update monitor means the 5s default")
            .stage("N")
            .source("docker/docs compose-file-v3.md")
            .explain(
                "Defaults to keep in mind: `monitor: 0s` means 5s, the restart delay defaults to 5s, `stop_grace_period` to 10s.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        monitor: 0s
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        monitor: 30s
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(d -> d.updateConfig())
                                .flatMap(u -> u.monitor())
                                .filter(Duration::isZero)
                                .ifPresent(
                                    m ->
                                        ctx.report(
                                            path(name) + ".deploy.update_config.monitor",
                                            "monitor 0s means the default of 5s",
                                            "set the time a new task must stay healthy before the update continues")))));
  }
}
