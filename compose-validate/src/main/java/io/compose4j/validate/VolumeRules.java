package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Mount;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import io.compose4j.model.internal.Rx;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** SWARM-VOL: service mounts and top-level volumes. */
final class VolumeRules {
  private static final Rx BIND_OPTION = Rx.compile("(.*,)?r?bind(,.*)?");
  private static final Rx WINDOWS_PATH = Rx.compile("^[A-Za-z]:\\\\.*");

  private VolumeRules() {}

  private static final Set<String> TYPES =
      Set.of("volume", "bind", "tmpfs", "npipe", "cluster", "image");
  private static final Set<String> PROPAGATION =
      Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");

  private static void mounts(RuleContext ctx, BiConsumer<String, Mount> action) {
    services(
        ctx.stack(),
        (name, s) -> {
          for (int i = 0; i < s.volumes().size(); i++) {
            action.accept(path(name) + ".volumes[" + i + "]", s.volumes().get(i));
          }
        });
  }

  /** Returns whether the mount at this path was written in the short syntax of a parsed file. */
  static boolean shortSyntax(RuleContext ctx, String mountPath) {
    return ctx.fromFile() && !ctx.hasFact(SyntaxFact.Kind.LONG_VOLUME_SYNTAX, mountPath);
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-VOL-001", ERROR, "a mount type Docker does not know")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/volume.go convertVolumeToMount")
            .explain(
                "`type` is `volume`, `bind`, `tmpfs`, `npipe`, `cluster` or `image`: `volume type must be volume, bind, tmpfs, npipe, or cluster`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: nfs
                        source: data
                        target: /data
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                volumes:
                  data:
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) -> {
                          if (!TYPES.contains(m.type())) {
                            ctx.report(
                                p + ".type",
                                "volume type must be volume, bind, tmpfs, npipe, cluster or image, not "
                                    + m.type(),
                                "use a named volume with a driver for network storage");
                          }
                        })),
        rule("SWARM-VOL-002", ERROR, "mount options that do not match the mount type")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/convert/volume.go handle*ToMount")
            .explain(
                "`bind` options belong to bind (and npipe) mounts, `volume` options to volume mounts, `tmpfs` options to tmpfs mounts: `bind options are incompatible with type volume`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                        bind:
                          propagation: rshared
                volumes:
                  data:
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: bind
                        source: /srv/data
                        target: /data
                        bind:
                          propagation: rshared
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) -> {
                          String t = m.type();
                          if (m.bind().isPresent() && !t.equals("bind") && !t.equals("npipe")) {
                            ctx.report(
                                p + ".bind",
                                "bind options are incompatible with type " + t,
                                "remove 'bind' or use type: bind");
                          }
                          if (m.volume().isPresent() && !t.equals("volume")) {
                            ctx.report(
                                p + ".volume",
                                "volume options are incompatible with type " + t,
                                "remove 'volume' or use type: volume");
                          }
                          if (m.tmpfs().isPresent() && !t.equals("tmpfs")) {
                            ctx.report(
                                p + ".tmpfs",
                                "tmpfs options are incompatible with type " + t,
                                "remove 'tmpfs' or use type: tmpfs");
                          }
                          if (m.image().isPresent() && !t.equals("image")) {
                            ctx.report(
                                p + ".image",
                                "image options are incompatible with type " + t,
                                "remove 'image' or use type: image");
                          }
                        })),
        rule("SWARM-VOL-003", ERROR, "a mount source that does not fit the mount type")
            .stage("C")
            .targets(Target.SWARM, Target.COMPOSE)
            .source(
                "docker/cli cli/compose/convert/volume.go handleTmpfsToMount/handleNpipeToMount")
            .explain(
                "A tmpfs mount has no source (`invalid tmpfs source, source must be empty`); npipe, image and cluster mounts need one.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: tmpfs
                        source: cache
                        target: /cache
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: tmpfs
                        target: /cache
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) -> {
                          if (m.type().equals("tmpfs") && m.source().isPresent()) {
                            ctx.report(
                                p + ".source",
                                "invalid tmpfs source, source must be empty",
                                "remove 'source'");
                          }
                          if (Set.of("npipe", "image", "cluster").contains(m.type())
                              && m.source().isEmpty()) {
                            ctx.report(
                                p,
                                "invalid " + m.type() + " source, source cannot be empty",
                                "set 'source'");
                          }
                        })),
        rule("SWARM-VOL-004", ERROR, "an external volume with a driver, options or labels")
            .stage("L")
            .source("docker/cli loader.go LoadVolumes/externalVolumeError")
            .explain(
                "An external volume exists already: `conflicting parameters \"external\" and \"driver\" specified for volume`.")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    volumes: [pgdata:/var/lib/postgresql/data]
                volumes:
                  pgdata:
                    external: true
                    driver: local
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
                    external: true
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .volumes()
                        .forEach(
                            (key, v) -> {
                              if (v.external().orElse(false)) {
                                String conflict =
                                    v.driver().isPresent()
                                        ? "driver"
                                        : !v.driverOpts().isEmpty()
                                            ? "driver_opts"
                                            : !v.labels().isEmpty() ? "labels" : null;
                                if (conflict != null) {
                                  ctx.report(
                                      "volumes." + key + "." + conflict,
                                      "conflicting parameters \"external\" and \""
                                          + conflict
                                          + "\" specified for volume \""
                                          + key
                                          + "\"",
                                      "remove '" + conflict + "' or 'external'");
                                }
                              }
                            })),
        rule("SWARM-VOL-005", ERROR, "two mounts with the same target")
            .stage("M")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("moby/swarmkit manager/controlapi/service.go validateMounts")
            .explain(
                "`ContainerSpec: duplicate mount point: /data` (refused by managers newer than 20.10; older ones let the last mount win).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["data:/data", "backup:/data"]
                volumes:
                  data:
                  backup:
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["data:/data", "backup:/backup"]
                volumes:
                  data:
                  backup:
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          Set<String> targets = new HashSet<>();
                          for (int i = 0; i < s.volumes().size(); i++) {
                            String t = s.volumes().get(i).target().orElse("");
                            String normalized =
                                t.length() > 1 && t.endsWith("/")
                                    ? t.substring(0, t.length() - 1)
                                    : t;
                            if (!t.isEmpty() && !targets.add(normalized)) {
                              ctx.report(
                                  path(name) + ".volumes[" + i + "].target",
                                  "ContainerSpec: duplicate mount point: " + t,
                                  "mount each path once");
                            }
                          }
                        })),
        rule("SWARM-VOL-006", ERROR, "a mount target or source path that is not absolute")
            .stage("A")
            .source("moby/moby daemon/cluster/executor/container/validate.go validateMounts")
            .explain(
                """
                Checked when a task starts: the target must be absolute (`invalid mount target, must be an
                absolute path`), except for npipe mounts; a volume's source is a name, never a path.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: volume
                        source: data
                        target: data
                volumes:
                  data:
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                volumes:
                  data:
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) -> {
                          m.target()
                              .filter(
                                  t ->
                                      !t.startsWith("/")
                                          && !m.type().equals("npipe")
                                          && !WINDOWS_PATH.matches(t))
                              .ifPresent(
                                  t ->
                                      ctx.report(
                                          p + ".target",
                                          "invalid mount target, must be an absolute path: " + t,
                                          "write the path in the container from /"));
                          if (m.type().equals("volume")) {
                            m.source()
                                .filter(src -> src.startsWith("/"))
                                .ifPresent(
                                    src ->
                                        ctx.report(
                                            p + ".source",
                                            "a volume source is a volume name, not the path " + src,
                                            "use type: bind for host paths"));
                          }
                        })),
        rule("SWARM-VOL-007", ERROR, "bind.propagation is not a propagation mode")
            .stage("E")
            .source("moby/moby daemon/cluster/convert/container.go containerToGRPC")
            .explain(
                "`private`, `rprivate`, `shared`, `rshared`, `slave` or `rslave`: `invalid MountPropagation`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: bind
                        source: /srv
                        target: /srv
                        bind:
                          propagation: shared-ish
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: bind
                        source: /srv
                        target: /srv
                        bind:
                          propagation: rshared
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) ->
                            m.bind()
                                .flatMap(b -> b.propagation())
                                .filter(x -> !PROPAGATION.contains(x))
                                .ifPresent(
                                    x ->
                                        ctx.report(
                                            p + ".bind.propagation",
                                            "invalid MountPropagation: \"" + x + "\"",
                                            "use private, rprivate, shared, rshared, slave or rslave")))),
        rule("SWARM-VOL-008", ERROR, "a negative tmpfs size")
            .stage("S")
            .source("docker/cli config_schema_v3.6+.json")
            .explain(
                "`tmpfs.size` is an integer >= 0 (3.6+): `Must be greater than or equal to 0`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: tmpfs
                        target: /cache
                        tmpfs:
                          size: -1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: tmpfs
                        target: /cache
                        tmpfs:
                          size: 67108864
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) ->
                            m.tmpfs()
                                .flatMap(t -> t.size())
                                .filter(sz -> sz.bytes() < 0)
                                .ifPresent(
                                    sz ->
                                        ctx.report(
                                            p + ".tmpfs.size",
                                            "size must be greater than or equal to 0",
                                            "use a positive size")))),
        rule("SWARM-VOL-009", WARNING, "a relative bind mount is resolved on the client")
            .stage("A")
            .source("docker/cli loader.go resolveVolumePaths")
            .explain(
                """
                Relative (and `~`) bind sources are made absolute on the machine running `docker stack
                deploy`; the path must exist on every node that may run the task, which is rarely the
                case for a folder next to the stack file.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["./html:/usr/share/nginx/html:ro"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    configs:
                      - source: index
                        target: /usr/share/nginx/html/index.html
                configs:
                  index:
                    file: ./index.html
                # file: index.html=hello
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.RELATIVE_BIND_SOURCE)) {
                    ctx.report(
                        f.path(),
                        "the bind source "
                            + f.detail()
                            + " is resolved on this machine and must exist on every node",
                        "use a config or a named volume, or an absolute path that exists on all nodes");
                  }
                }),
        rule("SWARM-VOL-014", ERROR, "a bind source or local volume device that no node has")
            .why(
                "given the cluster's host paths (`ClusterState.absentHostPaths`) it is certain: every task is rejected; without them it is not checked")
            .stage("A")
            .enforcedBy(Rule.Enforcement.CLUSTER)
            .source(
                "moby/moby daemon/volume/mounts/linux_parser.go validateMountConfig (bind source path does not exist); volume/local mount")
            .explain(
                """
                A bind mount's source (relative ones resolved on the deploying machine) must exist on
                the node that runs the task: otherwise the engine rejects it (`invalid mount config for
                type "bind": bind source path does not exist`). A `local` volume whose `driver_opts` bind
                a `device` fails the same way when it mounts. Given the host paths known to exist on no
                node (`ClusterState.absentHostPaths`), such a mount is an error. Without them it is not
                reported (SWARM-VOL-009 warns about relative sources).""")
            .failing(
                """
                # absent: /srv/app/config
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["/srv/app/config:/config:ro"]
                """)
            .passing(
                """
                # absent: /srv/app/other
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["/srv/app/config:/config:ro"]
                """)
            .check(
                ctx -> {
                  Set<String> absent = ctx.cluster().map(c -> c.absentHostPaths()).orElse(Set.of());
                  if (absent.isEmpty()) {
                    return;
                  }
                  mounts(
                      ctx,
                      (p, m) ->
                          m.source()
                              .filter(src -> m.type().equals("bind") && absent.contains(src))
                              .ifPresent(
                                  src ->
                                      ctx.report(
                                          p,
                                          "invalid mount config for type \"bind\": bind source path does not exist on any node: "
                                              + src,
                                          "create the path on the nodes, or mount a config or a named volume")));
                  ctx.stack()
                      .volumes()
                      .forEach(
                          (key, v) -> {
                            String device = v.driverOpts().get("device");
                            if (v.driver().orElse("local").equals("local")
                                && device != null
                                && absent.contains(device)
                                && BIND_OPTION.matches(v.driverOpts().getOrDefault("o", ""))) {
                              ctx.report(
                                  "volumes." + key + ".driver_opts.device",
                                  "the device "
                                      + device
                                      + " the volume binds exists on no"
                                      + " node: mounting it fails and the tasks are rejected",
                                  "create the path on the nodes");
                            }
                          });
                }),
        rule("SWARM-VOL-010", WARNING, "an external local volume is created on demand per node")
            .stage("N")
            .source("docker/docs compose-file-v3.md (external note, moby/moby#29976)")
            .explain(
                """
                Named volumes with the local driver belong to one node. Even an `external: true` volume
                is silently created empty on whichever node the task lands on if it does not exist there.""")
            .failing(
                """
                version: "3.9"
                services:
                  db:
                    image: postgres:16
                    volumes: [pgdata:/var/lib/postgresql/data]
                volumes:
                  pgdata:
                    external: true
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
                    ctx.stack()
                        .volumes()
                        .forEach(
                            (key, v) -> {
                              if (v.external().orElse(false)
                                  && v.driver().map("local"::equals).orElse(true)) {
                                ctx.report(
                                    "volumes." + key,
                                    "the external volume "
                                        + key
                                        + " is node-local: a node without it gets a new empty one",
                                    "pin the service to the node that has it, or use a shared volume driver");
                              }
                            })),
        rule("SWARM-VOL-011", WARNING, "a short-syntax volume option Docker ignores")
            .stage("N")
            .source("docker/cli internal/volumespec/volumespec.go populateFieldFromBuffer")
            .explain(
                "Only `ro`, `rw`, `nocopy` and the propagation modes are read; `:z`, `:Z`, `:cached`, `:delegated` and others are silently ignored by `docker stack deploy`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["/srv/html:/usr/share/nginx/html:cached"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["/srv/html:/usr/share/nginx/html:ro"]
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.IGNORED_VOLUME_OPTION)) {
                    ctx.report(
                        f.path(),
                        "the option " + f.detail() + " is ignored by docker stack deploy",
                        "remove it");
                  }
                  mounts(
                      ctx,
                      (p, m) ->
                          m.bind()
                              .flatMap(b -> b.selinux())
                              .ifPresent(
                                  z -> {
                                    if (shortSyntax(ctx, p)) {
                                      ctx.report(
                                          p,
                                          "the option " + z + " is ignored by docker stack deploy",
                                          "remove it");
                                    }
                                  }));
                }),
        rule("SWARM-VOL-012", ERROR, "a bind mount without source")
            .stage("L")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("docker/cli cli/compose/loader/loader.go resolveVolumePaths")
            .explain("`invalid mount config for type \"bind\": field Source must not be empty`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: bind
                        target: /data
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes:
                      - type: bind
                        source: /srv/data
                        target: /data
                """)
            .check(
                ctx ->
                    mounts(
                        ctx,
                        (p, m) -> {
                          if (m.type().equals("bind")
                              && m.source().map(String::isEmpty).orElse(true)) {
                            ctx.report(
                                p,
                                "invalid mount config for type \"bind\": field Source must not be empty",
                                "set 'source'");
                          }
                        })),
        rule(
                "SWARM-VOL-013",
                WARNING,
                "a relative bind source that does not exist beside the stack file")
            .stage("A")
            .enforcedBy(Rule.Enforcement.FILES)
            .source(
                "docker/cli convert/volume.go (relative sources resolved on the client); moby/moby daemon/volume/mounts linux_parser.go validateMountConfig")
            .explain(
                """
                `docker stack deploy` makes `./data` absolute against the stack file's folder, and the node
                that runs the task must have that path: where it does not, the task is rejected
                (`invalid mount config for type "bind": bind source path does not exist`); Swarm never
                creates it (moby/moby#26485: tasks rejected again and again with `invalid bind mount
                source, source path not found`). When the path does not even exist beside the stack file,
                it is missing on the deploying machine; a warning, since the nodes may still have it.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["./site:/usr/share/nginx/html:ro"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    volumes: ["./site:/usr/share/nginx/html:ro"]
                # file: site=<h1>hello</h1>
                """)
            .check(
                ctx ->
                    ctx.baseDir()
                        .ifPresent(
                            dir -> {
                              for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.RELATIVE_BIND_SOURCE)) {
                                String source = f.detail();
                                if (source.startsWith("~")) {
                                  continue;
                                }
                                Path resolved;
                                try {
                                  resolved = dir.resolve(source).normalize();
                                } catch (InvalidPathException e) {
                                  continue;
                                }
                                if (!Files.exists(resolved)) {
                                  ctx.report(
                                      f.path(),
                                      "bind source path does not exist: "
                                          + resolved
                                          + "; a task on a node without it is rejected",
                                      "create it on every node that may run the task, or use a named volume or a config");
                                }
                              }
                            })));
  }
}
