package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.GoDuration;
import io.compose4j.model.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SWARM-HC: healthcheck. */
final class HealthcheckRules {
  private HealthcheckRules() {}

  private static final Duration MIN = Duration.ofMillis(1);

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-HC-001", ERROR, "healthcheck.disable together with test")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/service.go convertHealthcheck")
            .explain(
                "`service web: test and disable can't be set at the same time`. To turn off the image's check use `disable: true` alone (or `test: [NONE]`).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      disable: true
                      test: ["CMD", "true"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      disable: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.healthcheck()
                                .ifPresent(
                                    h -> {
                                      if (h.disable().orElse(false) && !h.test().isEmpty()) {
                                        ctx.report(
                                            path(name) + ".healthcheck",
                                            "service "
                                                + name
                                                + ": test and disable can't be set at the same time",
                                            "remove 'test', or remove 'disable'");
                                      }
                                    }))),
        rule("SWARM-HC-002", WARNING, "a healthcheck test that is not NONE, CMD or CMD-SHELL")
            .stage("N")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("moby/moby daemon/health.go getProbe")
            .explain(
                "A list-form test starts with `NONE`, `CMD` or `CMD-SHELL` (a string test becomes `CMD-SHELL`); anything else silently disables probing (only the daemon log says `Unknown healthcheck type`).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["curl", "-f", "http://localhost/"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost/"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.healthcheck()
                                .ifPresent(
                                    h -> {
                                      if (!h.test().isEmpty()
                                          && !Set.of("NONE", "CMD", "CMD-SHELL")
                                              .contains(h.test().get(0))) {
                                        ctx.report(
                                            path(name) + ".healthcheck.test",
                                            "unknown healthcheck type '"
                                                + h.test().get(0)
                                                + "': the check never runs",
                                            "start the test with CMD (exec) or CMD-SHELL (shell), or write it as a string");
                                      }
                                    }))),
        rule("SWARM-HC-003", ERROR, "a healthcheck duration below 1ms")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateHealthCheck")
            .explain(
                "`interval`, `timeout`, `start_period` and `start_interval` are 0 (the default) or at least 1ms: `Interval in HealthConfig cannot be less than 1ms`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 500us
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 5s
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.healthcheck()
                                .ifPresent(
                                    h -> {
                                      Map<String, Optional<Duration>> durations =
                                          new LinkedHashMap<>();
                                      durations.put("interval", h.interval());
                                      durations.put("timeout", h.timeout());
                                      durations.put("start_period", h.startPeriod());
                                      durations.put("start_interval", h.startInterval());
                                      durations.forEach(
                                          (key, d) ->
                                              d.filter(x -> !x.isZero() && x.compareTo(MIN) < 0)
                                                  .ifPresent(
                                                      x ->
                                                          ctx.report(
                                                              path(name) + ".healthcheck." + key,
                                                              "ContainerSpec: "
                                                                  + key
                                                                  + " in HealthConfig cannot be less than 1ms (got "
                                                                  + GoDuration.format(x)
                                                                  + ")",
                                                              "use 0 for the default, or at least 1ms")));
                                    }))),
        rule("SWARM-HC-004", ERROR, "healthcheck.retries is negative")
            .stage("L")
            .source("docker/cli loader.go Transform")
            .explain(
                "`retries` is unsigned: `cannot parse 'HealthCheck.Retries', -1 overflows uint`. Reported by the field constraint on `retries`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["CMD", "true"]
                      retries: -1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    healthcheck:
                      test: ["CMD", "true"]
                      retries: 3
                """)
            .check(Rule.BY_FIELD_CONSTRAINTS));
  }
}
