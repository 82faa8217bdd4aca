package io.compose4j.validate;

import static io.compose4j.model.Severity.INFO;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.deploy;
import static io.compose4j.validate.Checks.isGlobal;
import static io.compose4j.validate.Checks.mode;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.ImageRef;
import io.compose4j.model.Mount;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.model.Volume;
import io.compose4j.model.internal.Rx;
import java.util.List;
import java.util.Locale;

/** Lint rules: likely mistakes that Docker accepts. */
final class LintRules {
  private LintRules() {}

  private static final Rx SECRET_NAME =
      Rx.compile("(?i).*(password|passwd|secret|token|api_?key|private_?key|credentials?).*");

  /**
   * Returns whether a named volume keeps its data on one node (the local driver without NFS or
   * CIFS).
   */
  static boolean nodeLocal(Stack stack, Mount m) {
    Volume v = m.source().map(stack.volumes()::get).orElse(null);
    if (v == null) {
      return true;
    }
    String driver = v.driver().orElse("local");
    String type = v.driverOpts().getOrDefault("type", "");
    return driver.equals("local") && !(type.startsWith("nfs") || type.equals("cifs"));
  }

  static List<Rule> rules() {
    return List.of(
        rule("LINT-IMAGE-LATEST", WARNING, "an image without a pinned tag")
            .why(
                "Swarm alters what the file says: `docker stack deploy` pins the tag to the digest it resolves at deploy time, so the service does not follow `latest`, and nodes that cannot reach the registry run whatever they have")
            .stage("lint")
            .targets(Target.SWARM, Target.COMPOSE)
            .explain(
                """
                Without a tag (or with `:latest`) each node may run a different image, and a rollback
                redeploys whatever `latest` is now. Pin a version tag or a digest.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:latest
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25.4
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.image()
                                .filter(ImageRef::isValid)
                                .map(ImageRef::parse)
                                .filter(ref -> !ref.isPinned())
                                .ifPresent(
                                    ref ->
                                        ctx.report(
                                            path(name) + ".image",
                                            "the image " + ref + " is not pinned to a version",
                                            "use a version tag or a digest")))),
        rule("LINT-PLAINTEXT-SECRET", INFO, "a password or token in plain environment")
            .stage("lint")
            .targets(Target.SWARM, Target.COMPOSE)
            .explain(
                """
                Environment variables are visible in `docker service inspect`, in the stack file and in
                every process listing. Put secrets in Docker secrets and point the image at the file
                (`POSTGRES_PASSWORD_FILE=/run/secrets/db_password`). `*_AUTH_METHOD=trust` disables the
                password altogether.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16.3
                    environment:
                      POSTGRES_PASSWORD: password
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16.3
                    environment:
                      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
                    secrets: [db_password]
                secrets:
                  db_password:
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.environment()
                                .forEach(
                                    (k, v) -> {
                                      String value = v.orElse("");
                                      if (value.isEmpty() || value.startsWith("/run/secrets/")) {
                                        return;
                                      }
                                      if (SECRET_NAME.matches(k)
                                          && !k.toUpperCase(Locale.ROOT).endsWith("_FILE")) {
                                        ctx.report(
                                            path(name) + ".environment." + k,
                                            "the secret " + k + " is in plain text",
                                            "use a Docker secret and "
                                                + k
                                                + "_FILE=/run/secrets/<name> (if the image supports it)");
                                      } else if (k.toUpperCase(Locale.ROOT).endsWith("AUTH_METHOD")
                                          && value.equalsIgnoreCase("trust")) {
                                        ctx.report(
                                            path(name) + ".environment." + k,
                                            k + "=trust accepts connections without a password",
                                            "use a password from a Docker secret");
                                      }
                                    }))),
        rule(
                "LINT-STATEFUL-SPREAD",
                WARNING,
                "replicas of a stateful service can share a node-local volume")
            .why(
                "it misbehaves only on some clusters: where two tasks land on one node they share one data directory, elsewhere each has its own")
            .stage("lint")
            .explain(
                """
                A replicated service with more than one task that mounts a node-local named volume (the
                `local` driver) writable can get two tasks on one node sharing the same data directory (and
                different data on each node). Add `placement.max_replicas_per_node: 1`, or use a
                shared volume driver.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16.3
                    volumes: [pgdata:/var/lib/postgresql/data]
                    deploy:
                      replicas: 3
                volumes:
                  pgdata:
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16.3
                    volumes: [pgdata:/var/lib/postgresql/data]
                    deploy:
                      replicas: 3
                      placement:
                        max_replicas_per_node: 1
                volumes:
                  pgdata:
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          long replicas = deploy(s).replicas().orElse(1);
                          boolean onePerNode =
                              deploy(s)
                                  .placement()
                                  .map(p -> p.maxReplicasPerNode().orElse(0) == 1)
                                  .orElse(false);
                          if (isGlobal(mode(s)) || replicas < 2 || onePerNode) {
                            return;
                          }
                          for (int i = 0; i < s.volumes().size(); i++) {
                            Mount m = s.volumes().get(i);
                            if (m.type().equals("volume")
                                && m.source().isPresent()
                                && !m.readOnly().orElse(false)
                                && nodeLocal(ctx.stack(), m)) {
                              ctx.report(
                                  path(name) + ".volumes[" + i + "]",
                                  replicas
                                      + " replicas mount the node-local volume "
                                      + m.source().get()
                                      + "; two can land on one node",
                                  "add deploy.placement.max_replicas_per_node: 1");
                              return;
                            }
                          }
                        })),
        rule("LINT-NO-HEALTHCHECK", INFO, "a service without a health check")
            .stage("lint")
            .targets(Target.SWARM, Target.COMPOSE)
            .explain(
                """
                Without a health check Swarm considers a task healthy as soon as its process runs:
                rolling updates and `start-first` proceed before the application is ready. (Images may
                declare one in their Dockerfile; this rule only sees the stack.)""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25.4
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25.4
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost/"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (s.healthcheck().isEmpty() && !Checks.isJob(mode(s))) {
                            ctx.report(
                                path(name),
                                "no health check: tasks count as healthy as soon as they start",
                                "add a healthcheck, or rely on the image's and ignore LINT-NO-HEALTHCHECK");
                          }
                        })),
        rule("LINT-NO-MEMORY-LIMIT", INFO, "a service without a memory limit")
            .stage("lint")
            .explain(
                "A task without `deploy.resources.limits.memory` can take all the memory of its node and starve the others.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25.4
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25.4
                    deploy:
                      resources:
                        limits:
                          memory: 256M
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean limited =
                              s.deploy()
                                  .flatMap(d -> d.resources())
                                  .flatMap(r -> r.limits())
                                  .flatMap(l -> l.memory())
                                  .isPresent();
                          if (!limited) {
                            ctx.report(
                                path(name),
                                "no memory limit: a task can take all the memory of its node",
                                "set deploy.resources.limits.memory");
                          }
                        })));
  }
}
