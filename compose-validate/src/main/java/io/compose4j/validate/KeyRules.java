package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Service;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** SWARM-KEY: forbidden, unsupported and ignored service keys. */
final class KeyRules {
  private KeyRules() {}

  private static Map<String, Predicate<Service>> keys(Object... pairs) {
    Map<String, Predicate<Service>> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Predicate<Service> p = (Predicate<Service>) pairs[i + 1];
      m.put((String) pairs[i], p);
    }
    return m;
  }

  private static final Map<String, Predicate<Service>> FORBIDDEN =
      keys(
          "extends", (Predicate<Service>) s -> s.extendsService().isPresent(),
          "volumes_from", (Predicate<Service>) s -> !s.volumesFrom().isEmpty(),
          "cpu_quota", (Predicate<Service>) s -> s.cpuQuota().isPresent(),
          "cpu_shares", (Predicate<Service>) s -> s.cpuShares().isPresent(),
          "cpuset", (Predicate<Service>) s -> s.cpuset().isPresent(),
          "mem_limit", (Predicate<Service>) s -> s.memLimit().isPresent(),
          "memswap_limit", (Predicate<Service>) s -> s.memswapLimit().isPresent());

  private static final Map<String, String> FORBIDDEN_HINTS =
      Map.of(
          "extends", "resolve extends before deploying (compose4j convert)",
          "volumes_from", "share a named volume instead",
          "cpu_quota", "set limits with deploy.resources.limits.cpus",
          "cpu_shares", "set limits with deploy.resources.limits.cpus",
          "cpuset", "set limits with deploy.resources.limits.cpus",
          "mem_limit", "set resource limits using deploy.resources.limits.memory",
          "memswap_limit", "set resource limits using deploy.resources");

  private static final Map<String, Predicate<Service>> UNSUPPORTED =
      keys(
          "build", (Predicate<Service>) s -> s.build().isPresent(),
          "cgroupns_mode", (Predicate<Service>) s -> s.cgroupnsMode().isPresent(),
          "cgroup_parent", (Predicate<Service>) s -> s.cgroupParent().isPresent(),
          "devices", (Predicate<Service>) s -> !s.devices().isEmpty(),
          "domainname", (Predicate<Service>) s -> s.domainname().isPresent(),
          "external_links", (Predicate<Service>) s -> !s.externalLinks().isEmpty(),
          "ipc", (Predicate<Service>) s -> s.ipc().isPresent(),
          "links", (Predicate<Service>) s -> !s.links().isEmpty(),
          "mac_address", (Predicate<Service>) s -> s.macAddress().isPresent(),
          "pid", (Predicate<Service>) s -> s.pid().isPresent(),
          "privileged", (Predicate<Service>) s -> s.privileged().isPresent(),
          "security_opt", (Predicate<Service>) s -> !s.securityOpt().isEmpty(),
          "shm_size", (Predicate<Service>) s -> s.shmSize().isPresent(),
          "userns_mode", (Predicate<Service>) s -> s.usernsMode().isPresent());

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-KEY-001", ERROR, "a service uses a key docker stack deploy forbids")
            .stage("L")
            .source(
                "docker/cli cli/compose/types/types.go ForbiddenProperties; loader.go validateForbidden")
            .explain(
                """
                `extends`, `volume_driver`, `volumes_from`, `cpu_quota`, `cpu_shares`, `cpuset`,
                `mem_limit` and `memswap_limit` make `docker stack deploy` refuse the file (`Compose file
                contains unsupported options`), before interpolation and schema validation.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    mem_limit: 512m
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
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            FORBIDDEN.forEach(
                                (key, present) -> {
                                  if (present.test(s)) {
                                    ctx.report(
                                        path(name) + "." + key,
                                        "'" + key + "' is not supported by docker stack deploy",
                                        FORBIDDEN_HINTS.get(key));
                                  }
                                }))),
        rule("SWARM-KEY-002", WARNING, "a service key docker stack deploy ignores")
            .stage("D")
            .source("docker/cli cli/compose/types/types.go UnsupportedProperties")
            .explain(
                """
                `build`, `cgroupns_mode`, `cgroup_parent`, `devices`, `domainname`, `external_links`,
                `ipc`, `links`, `mac_address`, `pid`, `privileged`, `security_opt`, `shm_size` and
                `userns_mode` are ignored with `Ignoring unsupported options`. (`network_mode` is
                SWARM-NET-009, `restart` SWARM-KEY-005.)""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    privileged: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    cap_add: [NET_ADMIN]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            UNSUPPORTED.forEach(
                                (key, present) -> {
                                  if (present.test(s)) {
                                    ctx.report(
                                        path(name) + "." + key,
                                        "'" + key + "' is ignored by docker stack deploy",
                                        key.equals("build")
                                            ? "build and push the image before deploying"
                                            : "remove it; Swarm services cannot use it");
                                  }
                                }))),
        rule("SWARM-KEY-003", WARNING, "a deprecated service key docker stack deploy ignores")
            .stage("D")
            .source("docker/cli cli/compose/types/types.go DeprecatedProperties")
            .explain(
                """
                `container_name` (Swarm names the containers of its tasks) and `expose` (services on the
                same network reach each other on any port) are ignored with `Ignoring deprecated
                options`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    container_name: web
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (s.containerName().isPresent()) {
                            ctx.report(
                                path(name) + ".container_name",
                                "'container_name' is ignored: setting the container name is not supported",
                                "remove it; reach the service by its name");
                          }
                          if (!s.expose().isEmpty()) {
                            ctx.report(
                                path(name) + ".expose",
                                "'expose' is ignored: services on the same network reach each other on any port",
                                "remove it");
                          }
                        })),
        rule("SWARM-KEY-004", WARNING, "a key docker stack deploy drops without a message")
            .stage("N")
            .source("docker/cli cli/compose/convert/service.go Service")
            .explain(
                """
                `depends_on`, the service-level `tmpfs` list and a service network's `ipv4_address` /
                `ipv6_address` pass the schema but the conversion never reads them: Swarm starts services
                in any order (use health checks and restart policies) and assigns addresses itself. Use
                a tmpfs mount (`volumes: [{type: tmpfs, ...}]`) instead of `tmpfs`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    depends_on: [db]
                  db:
                    image: postgres:16
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                  db:
                    image: postgres:16
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (!s.dependsOn().isEmpty()) {
                            ctx.report(
                                path(name) + ".depends_on",
                                "'depends_on' is ignored by docker stack deploy; services start in any order",
                                "make the service retry its dependencies, with a health check and a restart policy");
                          }
                          if (!s.tmpfs().isEmpty()) {
                            ctx.report(
                                path(name) + ".tmpfs",
                                "the service-level 'tmpfs' list is ignored by docker stack deploy",
                                "use a tmpfs mount: volumes: [{type: tmpfs, target: /run}]");
                          }
                          s.networks()
                              .forEach(
                                  (net, n) -> {
                                    if (n.ipv4Address().isPresent()
                                        || n.ipv6Address().isPresent()) {
                                      ctx.report(
                                          path(name) + ".networks." + net,
                                          "static addresses are ignored by docker stack deploy",
                                          "remove ipv4_address/ipv6_address; Swarm assigns addresses (use aliases to name the service)");
                                    }
                                  });
                        })),
        rule("SWARM-KEY-005", WARNING, "restart is converted to a restart policy, or ignored")
            .stage("N")
            .source("docker/cli cli/compose/convert/service.go convertRestartPolicy")
            .explain(
                """
                `docker stack deploy` reports `restart` as unsupported, but uses it when
                `deploy.restart_policy` is absent: `no` gives no policy, `always` and `unless-stopped`
                condition `any`, `on-failure[:N]` condition `on-failure` (max attempts N). With
                `deploy.restart_policy` set, `restart` is ignored.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    restart: always
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
                            s.restart()
                                .ifPresent(
                                    r -> {
                                      boolean policy =
                                          s.deploy().flatMap(d -> d.restartPolicy()).isPresent();
                                      if (policy) {
                                        ctx.report(
                                            path(name) + ".restart",
                                            "'restart' is ignored because deploy.restart_policy is set",
                                            "remove 'restart'");
                                      } else {
                                        ctx.report(
                                            path(name) + ".restart",
                                            "'restart: "
                                                + r
                                                + "' becomes deploy.restart_policy "
                                                + UpdateRules.legacyRestartMeaning(r),
                                            "write deploy.restart_policy instead");
                                      }
                                    }))),
        rule("SWARM-KEY-006", WARNING, "an unknown key where the 3.x schema is open, ignored")
            .stage("N")
            .targets(Target.SWARM, Target.COMPOSE)
            .source(
                "docker/cli config_schema_v3.x.json (mappings without additionalProperties: false); loader.go transform")
            .explain(
                """
                The 3.x schemas close almost every mapping, but not these: the long form of a service's
                `secrets` and `configs` items (3.1+/3.3+), the `bind`, `volume` and `tmpfs` blocks of a
                long-syntax volume (3.2+, `tmpfs` 3.6+), the `external` block of top-level secrets and
                configs, and the whole definition of a top-level network whose key has characters
                outside `[a-zA-Z0-9._-]` (catalog case `118-networks-key-not-validated.yml`, which the
                real Swarm deploys). An unknown key there passes the schema and is dropped while
                decoding: no message, and the setting the user meant (often a misspelling such as
                `propogation` or `traget`) does not happen. Compose4J reads the file, leaves the key out
                of the model, and reports it here. For the Compose target it is an error, since the
                Compose Specification's schema closes these mappings.""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        traget: /run/secrets/api_token
                secrets:
                  token:
                    file: ./token.txt
                # file: token.txt=s3cret
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        target: api_token
                secrets:
                  token:
                    file: ./token.txt
                # file: token.txt=s3cret
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.IGNORED_KEY)) {
                    boolean compose = ctx.target() == Target.COMPOSE;
                    ctx.report(
                        compose ? ERROR : WARNING,
                        f.path(),
                        compose
                            ? "unknown key '"
                                + f.detail()
                                + "': the Compose Specification does not allow it here"
                            : "'"
                                + f.detail()
                                + "' is not a key Docker knows here; docker stack deploy accepts it and ignores it",
                        "remove it or fix its spelling");
                  }
                }));
  }
}
