package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Config;
import io.compose4j.model.Mount;
import io.compose4j.model.Network;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** SWARM-REF: references between services and top-level objects. */
final class ReferenceRules {
  private ReferenceRules() {}

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-REF-001", ERROR, "a service uses a network the stack does not declare")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/service.go convertServiceNetworks")
            .explain(
                """
                Every network a service joins must be declared under top-level `networks` (`default` is
                implicit): `service api: undefined network "backend"`. Networks are created before
                services are converted, so a failing deploy leaves the earlier networks behind.""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    networks: [backend]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    networks: [backend]
                networks:
                  backend:
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.networks()
                                .keySet()
                                .forEach(
                                    net -> {
                                      if (!net.equals("default")
                                          && !ctx.stack().networks().containsKey(net)) {
                                        ctx.report(
                                            path(name) + ".networks." + net,
                                            "service "
                                                + name
                                                + ": undefined network \""
                                                + net
                                                + "\"",
                                            "declare it under top-level networks (external: true if it exists already)");
                                      }
                                    }))),
        rule("SWARM-REF-002", ERROR, "a service mounts a named volume the stack does not declare")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/volume.go handleVolumeToMount")
            .explain(
                """
                A `volume` mount with a source (not a path) needs the volume under top-level `volumes`:
                `service db: undefined volume "pgdata"`. Cluster volumes whose source starts with
                `group:` are exempt.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    volumes: [pgdata:/var/lib/postgresql/data]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    volumes: [pgdata:/var/lib/postgresql/data]
                volumes:
                  pgdata:
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.volumes().size(); i++) {
                            Mount m = s.volumes().get(i);
                            boolean named =
                                (m.type().equals("volume") || m.type().equals("cluster"))
                                    && m.source().isPresent()
                                    && !m.source().get().startsWith("group:");
                            if (named && !ctx.stack().volumes().containsKey(m.source().get())) {
                              ctx.report(
                                  path(name) + ".volumes[" + i + "]",
                                  "service "
                                      + name
                                      + ": undefined volume \""
                                      + m.source().get()
                                      + "\"",
                                  "declare it under top-level volumes");
                            }
                          }
                        })),
        rule("SWARM-REF-003", ERROR, "a service uses a secret the stack does not declare")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/service.go convertServiceSecrets")
            .explain(
                "Every service secret must be declared under top-level `secrets`: `service api: undefined secret \"api_key\"`.")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [api_key]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [api_key]
                secrets:
                  api_key:
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.secrets().size(); i++) {
                            ServiceSecret ref = s.secrets().get(i);
                            if (!ctx.stack().secrets().containsKey(ref.source())) {
                              ctx.report(
                                  path(name) + ".secrets[" + i + "]",
                                  "service " + name + ": undefined secret \"" + ref.source() + "\"",
                                  "declare it under top-level secrets");
                            }
                          }
                        })),
        rule("SWARM-REF-004", ERROR, "a service uses a config the stack does not declare")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/service.go convertServiceConfigObjs")
            .explain(
                "Every service config (and `credential_spec.config`) must be declared under top-level `configs`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    configs:
                      - source: nginx_conf
                        target: /etc/nginx/nginx.conf
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    configs:
                      - source: nginx_conf
                        target: /etc/nginx/nginx.conf
                configs:
                  nginx_conf:
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.configs().size(); i++) {
                            ServiceConfig ref = s.configs().get(i);
                            if (!ctx.stack().configs().containsKey(ref.source())) {
                              ctx.report(
                                  path(name) + ".configs[" + i + "]",
                                  "service " + name + ": undefined config \"" + ref.source() + "\"",
                                  "declare it under top-level configs");
                            }
                          }
                          s.credentialSpec()
                              .flatMap(c -> c.config())
                              .filter(c -> !ctx.stack().configs().containsKey(c))
                              .ifPresent(
                                  c ->
                                      ctx.report(
                                          path(name) + ".credential_spec.config",
                                          "service " + name + ": undefined config \"" + c + "\"",
                                          "declare it under top-level configs"));
                        })),
        rule("SWARM-REF-005", ERROR, "an external secret or config does not exist in the swarm")
            .why(
                "given cluster facts (`ClusterState`) it is certain: `docker stack deploy` refuses the file; without them it is not checked")
            .stage("C")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source("docker/cli cli/command/service/parse.go ParseSecrets/ParseConfigs")
            .explain(
                """
                External secrets and configs must exist before the deploy (`secret not found: <name>`).
                Checked only when the validator knows what the cluster has
                (`StackValidator.cluster(ClusterState)`).""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [db_password]
                secrets:
                  db_password:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [db_password]
                secrets:
                  db_password:
                    file: ./db_password.txt
                # file: db_password.txt=s3cret
                """)
            .check(
                ctx ->
                    ctx.cluster()
                        .ifPresent(
                            cluster -> {
                              missingOnCluster(
                                  ctx,
                                  "secret",
                                  ctx.stack().secrets(),
                                  usedSecrets(ctx.stack()),
                                  cluster.secrets(),
                                  Secret::name,
                                  Secret::external);
                              missingOnCluster(
                                  ctx,
                                  "config",
                                  ctx.stack().configs(),
                                  usedConfigs(ctx.stack()),
                                  cluster.configs(),
                                  Config::name,
                                  Config::external);
                            })),
        rule("SWARM-REF-006", ERROR, "an external network is missing or not swarm-scoped")
            .why(
                "given cluster facts (`ClusterState`) it is certain: `docker stack deploy` refuses the file; without them it is not checked")
            .stage("C")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source("docker/cli cli/command/stack/deploy_composefile.go validateExternalNetworks")
            .explain(
                """
                An external network (other than `host`, `bridge`, `none`, `default`) must exist and be
                swarm-scoped (`docker network create -d overlay`). Checked only with a `ClusterState`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    driver: overlay
                """)
            .check(
                ctx ->
                    ctx.cluster()
                        .ifPresent(
                            cluster ->
                                ctx.stack()
                                    .networks()
                                    .forEach(
                                        (key, n) -> {
                                          String name = n.name().orElse(key);
                                          if (!n.external().orElse(false)
                                              || Set.of("host", "bridge", "none", "default")
                                                  .contains(name)) {
                                            return;
                                          }
                                          String scope = cluster.networks().get(name);
                                          if (scope == null) {
                                            ctx.report(
                                                "networks." + key,
                                                "network \""
                                                    + name
                                                    + "\" is declared as external, but could not be found",
                                                "create a swarm-scoped network first: docker network create -d overlay "
                                                    + name);
                                          } else if (!scope.equals("swarm")) {
                                            ctx.report(
                                                "networks." + key,
                                                "network \""
                                                    + name
                                                    + "\" is declared as external, but it is not in the right scope: \""
                                                    + scope
                                                    + "\" instead of \"swarm\"",
                                                "use an overlay network");
                                          }
                                        }))),
        rule("SWARM-REF-007", ERROR, "a secret or config has no readable content")
            .stage("C")
            .enforcedBy(Rule.Enforcement.FILES)
            .source(
                "docker/cli cli/compose/loader/loader.go loadFileObjectConfig; convert/compose.go fileObjectConfig")
            .explain(
                """
                A file-backed secret or config is read when the stack is deployed (paths relative to the
                stack file): a missing file fails with `open <path>: no such file or directory`. A
                secret or config with neither `file`, `external` nor `driver` gets the stack folder as
                its file and fails with `is a directory`. File checks run when the validator has a base
                directory (`compose4j validate` uses the file's folder).""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    file: ./missing-token.txt
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    file: ./token.txt
                # file: token.txt=abc123
                """)
            .check(
                ctx -> {
                  fileObjects(
                      ctx,
                      "secrets",
                      ctx.stack().secrets(),
                      Secret::file,
                      s ->
                          s.external().orElse(false)
                              || s.driver().isPresent()
                              || s.environment().isPresent());
                  fileObjects(
                      ctx,
                      "configs",
                      ctx.stack().configs(),
                      Config::file,
                      c ->
                          c.external().orElse(false)
                              || c.content().isPresent()
                              || c.environment().isPresent());
                }),
        rule("SWARM-REF-008", ERROR, "a service attaches to the ingress network")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateNetworks")
            .explain(
                """
                The routing-mesh network `ingress` is managed by Swarm; a service may not join it
                explicitly (`Service cannot be explicitly attached to the ingress network`). Publish
                ports instead.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [ingress]
                networks:
                  ingress:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.networks()
                                .keySet()
                                .forEach(
                                    net -> {
                                      Network n = ctx.stack().networks().get(net);
                                      if (n != null
                                          && Checks.scopedName(
                                                  ctx, net, n.name(), n.external().orElse(false))
                                              .equals("ingress")) {
                                        ctx.report(
                                            path(name) + ".networks." + net,
                                            "Service cannot be explicitly attached to the ingress network \"ingress\"",
                                            "remove the network; publish ports to use the routing mesh");
                                      }
                                    }))),
        rule("SWARM-REF-009", WARNING, "a declared network, volume, secret or config is not used")
            .stage("N")
            .source("docker/cli cli/compose/convert/compose.go Networks/Secrets/Configs")
            .explain(
                """
                Networks no service uses are not created; unused secrets and configs are still created.
                Either is usually a leftover or a typo in a service.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                networks:
                  backend:
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [backend]
                networks:
                  backend:
                """)
            .check(
                ctx -> {
                  Set<String> networks = new HashSet<>();
                  Set<String> volumes = new HashSet<>();
                  services(
                      ctx.stack(),
                      (name, s) -> {
                        networks.addAll(s.networks().keySet());
                        s.volumes().forEach(m -> m.source().ifPresent(volumes::add));
                      });
                  ctx.stack().networks().keySet().stream()
                      .filter(k -> !networks.contains(k))
                      .forEach(
                          k ->
                              ctx.report(
                                  "networks." + k,
                                  "the network "
                                      + k
                                      + " is not used by any service and is not created",
                                  "remove it, or add it to the services that need it"));
                  ctx.stack().volumes().keySet().stream()
                      .filter(k -> !volumes.contains(k))
                      .forEach(
                          k ->
                              ctx.report(
                                  "volumes." + k,
                                  "the volume " + k + " is not used by any service",
                                  "remove it"));
                  Set<String> secrets = usedSecrets(ctx.stack());
                  ctx.stack().secrets().keySet().stream()
                      .filter(k -> !secrets.contains(k))
                      .forEach(
                          k ->
                              ctx.report(
                                  "secrets." + k,
                                  "the secret "
                                      + k
                                      + " is not used by any service but is still created",
                                  "remove it, or give it to the services that need it"));
                  Set<String> configs = usedConfigs(ctx.stack());
                  ctx.stack().configs().keySet().stream()
                      .filter(k -> !configs.contains(k))
                      .forEach(
                          k ->
                              ctx.report(
                                  "configs." + k,
                                  "the config "
                                      + k
                                      + " is not used by any service but is still created",
                                  "remove it, or give it to the services that need it"));
                }));
  }

  static Set<String> usedSecrets(Stack stack) {
    Set<String> used = new HashSet<>();
    stack.services().values().forEach(s -> s.secrets().forEach(r -> used.add(r.source())));
    return used;
  }

  static Set<String> usedConfigs(Stack stack) {
    Set<String> used = new HashSet<>();
    for (Service s : stack.services().values()) {
      s.configs().forEach(r -> used.add(r.source()));
      s.credentialSpec().flatMap(c -> c.config()).ifPresent(used::add);
    }
    return used;
  }

  /** Reports the external objects of one kind that services use and the cluster does not have. */
  private static <T> void missingOnCluster(
      RuleContext ctx,
      String kind,
      Map<String, T> objects,
      Set<String> used,
      Set<String> existing,
      Function<T, Optional<String>> name,
      Function<T, Optional<Boolean>> external) {
    objects.forEach(
        (key, o) -> {
          String n = name.apply(o).orElse(key);
          if (external.apply(o).orElse(false) && used.contains(key) && !existing.contains(n)) {
            ctx.report(
                kind + "s." + key,
                kind + " not found: " + n,
                "create it first: docker " + kind + " create " + n + " FILE");
          }
        });
  }

  private static <T> void fileObjects(
      RuleContext ctx,
      String section,
      Map<String, T> objects,
      Function<T, Optional<String>> file,
      Predicate<T> noFileNeeded) {
    objects.forEach(
        (key, o) -> {
          Optional<String> f = file.apply(o);
          if (f.isEmpty()) {
            if (!noFileNeeded.test(o)) {
              ctx.report(
                  section + "." + key,
                  section.substring(0, section.length() - 1)
                      + " "
                      + key
                      + " has no file, external or driver: Docker reads the stack folder as its content and fails",
                  "set 'file: ./path' or 'external: true'");
            }
            return;
          }
          ctx.baseDir()
              .ifPresent(
                  dir -> {
                    Path p = dir.resolve(f.get());
                    if (!Files.exists(p)) {
                      ctx.report(
                          section + "." + key + ".file",
                          "open " + p.normalize() + ": no such file or directory",
                          "create the file or fix the path (relative to the stack file)");
                    } else if (Files.isDirectory(p)) {
                      ctx.report(
                          section + "." + key + ".file",
                          "read " + p.normalize() + ": is a directory",
                          "point 'file' at a file");
                    } else if (!Files.isReadable(p)) {
                      ctx.report(
                          section + "." + key + ".file",
                          "open " + p.normalize() + ": permission denied",
                          "make the file readable");
                    }
                  });
        });
  }
}
