package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.deploy;
import static io.compose4j.validate.Checks.isGlobal;
import static io.compose4j.validate.Checks.isJob;
import static io.compose4j.validate.Checks.mode;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Deploy;
import java.util.List;
import java.util.Set;

/** SWARM-MODE: service modes, replicas and jobs. */
final class ModeRules {
  private ModeRules() {}

  private static final Set<String> MODES =
      Set.of("replicated", "global", "replicated-job", "global-job");

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-MODE-001", ERROR, "deploy.mode is not a Swarm service mode")
            .stage("C")
            .source("docker/cli cli/compose/convert/service.go convertDeployMode")
            .explain(
                "`deploy.mode` is `replicated` (default), `global`, `replicated-job` or `global-job`, case-sensitive: `Unknown mode: daemonset`.")
            .failing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: daemonset
                """)
            .passing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: global
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(Deploy::mode)
                                .ifPresent(
                                    m -> {
                                      if (!m.isEmpty() && !MODES.contains(m)) {
                                        ctx.report(
                                            path(name) + ".deploy.mode",
                                            "Unknown mode: " + m,
                                            "use replicated, global, replicated-job or global-job");
                                      }
                                    }))),
        rule("SWARM-MODE-002", ERROR, "replicas with a global mode")
            .stage("C")
            .source("docker/cli cli/compose/convert/service.go convertDeployMode")
            .explain(
                "`replicas` can only be used with `replicated` or `replicated-job` mode; a global service runs one task per eligible node.")
            .failing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: global
                      replicas: 3
                """)
            .passing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: global
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (isGlobal(mode(s)) && deploy(s).replicas().isPresent()) {
                            ctx.report(
                                path(name) + ".deploy.replicas",
                                "replicas can only be used with replicated or replicated-job mode",
                                "remove 'replicas' or set 'mode: replicated'");
                          }
                        })),
        rule("SWARM-MODE-003", WARNING, "max_replicas_per_node with a global mode")
            .stage("N")
            .source("docker/cli cli/compose/convert/service.go Service; swarmkit does not check it")
            .explain(
                "A global service has one task per node anyway; `max_replicas_per_node` is passed through and has no effect (`docker service create` refuses the same combination).")
            .failing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: global
                      placement:
                        max_replicas_per_node: 1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  agent:
                    image: alpine:3.20
                    deploy:
                      mode: global
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (isGlobal(mode(s))
                              && deploy(s)
                                  .placement()
                                  .map(p -> p.maxReplicasPerNode().isPresent())
                                  .orElse(false)) {
                            ctx.report(
                                path(name) + ".deploy.placement.max_replicas_per_node",
                                "max_replicas_per_node has no effect on a global service",
                                "remove it");
                          }
                        })),
        rule("SWARM-MODE-004", ERROR, "a job has update_config")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateJob")
            .explain(
                "Jobs (`replicated-job`, `global-job`) run to completion and are never updated in place: `Jobs may not have an update config`.")
            .failing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                    deploy:
                      mode: replicated-job
                      update_config:
                        parallelism: 1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                    deploy:
                      mode: replicated-job
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (isJob(mode(s)) && deploy(s).updateConfig().isPresent()) {
                            ctx.report(
                                path(name) + ".deploy.update_config",
                                "Jobs may not have an update config",
                                "remove update_config from the job");
                          }
                        })),
        rule("SWARM-MODE-005", WARNING, "a job has rollback_config")
            .stage("N")
            .source("moby/swarmkit service.go validateJob (checks only update_config)")
            .explain(
                "swarmkit accepts `rollback_config` on a job but never uses it (`docker service create` refuses it).")
            .failing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                    deploy:
                      mode: replicated-job
                      rollback_config:
                        parallelism: 1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                    deploy:
                      mode: replicated-job
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (isJob(mode(s)) && deploy(s).rollbackConfig().isPresent()) {
                            ctx.report(
                                path(name) + ".deploy.rollback_config",
                                "rollback_config has no effect on a job",
                                "remove rollback_config from the job");
                          }
                        })),
        rule("SWARM-MODE-006", ERROR, "replicas is negative")
            .stage("L")
            .source("docker/cli loader.go Transform; swarmkit validateMode")
            .explain(
                "`replicas` is unsigned: `cannot parse 'Deploy.Replicas', -1 overflows uint`. Reported by the field constraint on `deploy.replicas`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replicas: -1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replicas: 0
                """)
            .check(Rule.BY_FIELD_CONSTRAINTS),
        rule(
                "SWARM-MODE-007",
                WARNING,
                "replicated-job: replicas is both the concurrency and the number of completions")
            .why(
                "advice: nothing is dropped, the job runs with replicas as both its concurrency and its completions")
            .stage("lint")
            .source("docker/cli convertDeployMode; moby/moby daemon/cluster/convert/service.go")
            .explain(
                """
                For `replicated-job`, `replicas` sets both MaxConcurrent and TotalCompletions (there is
                no `max_concurrent` key); without `replicas` both are 1. Jobs are never restarted after
                they complete, so restart condition `any` behaves like `on-failure`.""")
            .failing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                    deploy:
                      mode: replicated-job
                      replicas: 3
                """)
            .passing(
                """
                version: "3.9"
                services:
                  migrate:
                    image: alpine:3.20
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (mode(s).equals("replicated-job")) {
                            ctx.report(
                                path(name) + ".deploy.mode",
                                "replicated-job runs "
                                    + deploy(s).replicas().orElse(1)
                                    + " task(s) at once and completes after as many successes",
                                "");
                          }
                        })),
        rule("SWARM-MODE-008", ERROR, "deploy.mode changes on redeploy")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go UpdateService")
            .explain(
                """
                An existing service cannot change mode (`service mode change is not allowed`): remove the
                service (or the stack) before deploying it with another mode. Not checkable from the file
                alone.""")
            .documentationOnly());
  }
}
