package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.EnvFile;
import io.compose4j.model.ImageRef;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import io.compose4j.model.internal.Rx;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SWARM-MISC: image, ulimits, capabilities, labels, sysctls, env_file, other container options. */
final class MiscRules {
  private static final Rx WINDOWS_DRIVE = Rx.compile("(?i)[a-z]:[\\\\/].*");
  private static final Rx DOTTED_QUAD =
      Rx.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Rx IPV6_CHARS = Rx.compile("[0-9a-fA-F:.]+");
  private static final Rx SIGNAL_NUMBER = Rx.compile("\\d{1,9}");

  private MiscRules() {}

  private static final Rx ULIMIT_NAME = Rx.compile("^[a-z]+$");
  private static final Set<String> CAPABILITIES =
      Set.of(
          "ALL",
          "AUDIT_CONTROL",
          "AUDIT_READ",
          "AUDIT_WRITE",
          "BLOCK_SUSPEND",
          "BPF",
          "CHECKPOINT_RESTORE",
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "IPC_LOCK",
          "IPC_OWNER",
          "KILL",
          "LEASE",
          "LINUX_IMMUTABLE",
          "MAC_ADMIN",
          "MAC_OVERRIDE",
          "MKNOD",
          "NET_ADMIN",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_RAW",
          "PERFMON",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_CHROOT",
          "SYS_MODULE",
          "SYS_NICE",
          "SYS_PACCT",
          "SYS_PTRACE",
          "SYS_RAWIO",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "SYSLOG",
          "WAKE_ALARM");

  private static String capability(String c) {
    String u = c.toUpperCase(Locale.ROOT);
    return u.startsWith("CAP_") ? u.substring(4) : u;
  }

  /** The IPC-namespace sysctls runc's validator allows (besides the {@code fs.mqueue.} prefix). */
  private static final Set<String> IPC_SYSCTLS =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  /** Capabilities only newer engines (and kernels) know: unknown to older ones. */
  private static final Set<String> NEWER_CAPABILITIES =
      Set.of("BPF", "PERFMON", "CHECKPOINT_RESTORE");

  /** Returns why a sysctl cannot be set in a container, or null when it can. */
  static String sysctlProblem(String key, boolean hostNetwork) {
    String k = key.replace('/', '.');
    if (IPC_SYSCTLS.contains(k) || k.startsWith("fs.mqueue.") || k.equals("kernel.domainname")) {
      return null;
    }
    if (k.startsWith("net.")) {
      return hostNetwork
          ? "sysctl \"" + k + "\" is not allowed in the hosts network namespace"
          : null;
    }
    if (k.equals("kernel.hostname")) {
      return "sysctl \"" + k + "\" is not allowed as it conflicts with the hostname field";
    }
    return "sysctl \"" + k + "\" is not in a separate kernel namespace";
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-MISC-001", ERROR, "a service has no valid image reference")
            .stage("D")
            .targets(Target.SWARM)
            .source(
                "docker/cli cli/command/stack/loader.go loadComposeFile; swarmkit validateImage")
            .explain(
                """
                Every Swarm service needs an image (`invalid image reference for service web: no image
                specified`) with a valid reference: lower-case repository, valid tag and digest
                (`repository name (Web) must be lowercase`). `build` does not help: stacks never build.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: MyApp:1.0
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: myapp:1.0
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          if (s.image().isEmpty() || s.image().get().isEmpty()) {
                            ctx.report(
                                path(name) + (s.image().isPresent() ? ".image" : ""),
                                "invalid image reference for service "
                                    + name
                                    + ": no image specified",
                                "set 'image' (stacks do not build images)");
                            return;
                          }
                          try {
                            ImageRef.parse(s.image().get());
                          } catch (IllegalArgumentException e) {
                            ctx.report(
                                path(name) + ".image",
                                "invalid image reference for service "
                                    + name
                                    + ": "
                                    + e.getMessage()
                                        .replaceFirst("^invalid image reference \"[^\"]*\": ", ""),
                                "fix the reference (repository names are lower case)");
                          }
                        })),
        rule("SWARM-MISC-002", ERROR, "an invalid ulimit")
            .stage("S")
            .source("docker/cli config_schema_v3.X.json; docker/go-units ulimit.go")
            .explain(
                """
                ulimit names are lower-case letters; a mapping needs both `soft` and `hard`
                (`services.web.ulimits.nofile hard is required`); soft above hard is not checked by
                `docker stack deploy` but fails when the container starts.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ulimits:
                      nofile:
                        soft: 20000
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ulimits:
                      nofile:
                        soft: 20000
                        hard: 40000
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.ulimits()
                                .forEach(
                                    (key, u) -> {
                                      String p = path(name) + ".ulimits." + key;
                                      if (!ULIMIT_NAME.matches(key)) {
                                        ctx.report(
                                            p,
                                            "ulimit names are lower-case letters, not '"
                                                + key
                                                + "'",
                                            "use nofile, nproc, core, ...");
                                      }
                                      if (u.single().isEmpty()) {
                                        if (u.soft().isEmpty()) {
                                          ctx.report(
                                              p,
                                              "ulimit " + key + ": soft is required",
                                              "set soft and hard, or one number for both");
                                        }
                                        if (u.hard().isEmpty()) {
                                          ctx.report(
                                              p,
                                              "ulimit " + key + ": hard is required",
                                              "set soft and hard, or one number for both");
                                        }
                                        if (u.soft().isPresent()
                                            && u.hard().isPresent()
                                            && u.soft().getAsLong() > u.hard().getAsLong()) {
                                          ctx.report(
                                              p,
                                              "ulimit "
                                                  + key
                                                  + ": soft "
                                                  + u.soft().getAsLong()
                                                  + " is above hard "
                                                  + u.hard().getAsLong()
                                                  + "; the container will not start",
                                              "make soft at most hard");
                                        }
                                      }
                                    }))),
        rule("SWARM-MISC-003", WARNING, "a capability that is added and dropped")
            .stage("N")
            .source("docker/cli opts/capabilities.go; moby/moby daemon/pkg/oci/caps/utils.go")
            .explain(
                """
                Capabilities are normalised (upper case, `CAP_` prefix); one in both `cap_add` and
                `cap_drop` is silently added. (An unknown name, which the catalog also lists here, fails
                the container: SWARM-MISC-008, an error.)""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    cap_add: [NET_ADMIN]
                    cap_drop: [net_admin]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    cap_add: [NET_ADMIN]
                    cap_drop: [SYS_ADMIN]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          Set<String> added = new HashSet<>();
                          s.capAdd().forEach(c -> added.add(capability(c)));
                          for (String c : s.capDrop()) {
                            if (added.contains(capability(c)) && !capability(c).equals("ALL")) {
                              ctx.report(
                                  path(name) + ".cap_drop",
                                  "capability "
                                      + capability(c)
                                      + " is both added and dropped; it is added",
                                  "keep it in one list");
                            }
                          }
                        })),
        rule("SWARM-MISC-008", ERROR, "a capability name the engine does not know")
            .stage("A")
            .source("moby/moby daemon/pkg/oci/caps/utils.go NormalizeLegacyCapabilities")
            .explain(
                """
                `cap_add` and `cap_drop` names are normalised (upper case, `CAP_` prefix) and checked
                when the task's container is created: an unknown one fails it (`unknown capability:
                "CAP_NET_ADMN"`), on every node, so the task never runs. Split out of SWARM-MISC-003,
                which the catalog rates a warning for both cases: the policy makes an unknown name an
                error. `BPF`, `PERFMON` and `CHECKPOINT_RESTORE` are only known to newer engines and
                kernels: a warning.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    cap_add: [NET_ADMN]
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
                        (name, s) -> {
                          for (String list : List.of("cap_add", "cap_drop")) {
                            for (String c : list.equals("cap_add") ? s.capAdd() : s.capDrop()) {
                              String cap = capability(c);
                              if (NEWER_CAPABILITIES.contains(cap)) {
                                ctx.report(
                                    Severity.WARNING,
                                    path(name) + "." + list,
                                    "capability CAP_"
                                        + cap
                                        + " is only known to newer engines and kernels",
                                    "make sure every node runs a recent engine");
                              } else if (!CAPABILITIES.contains(cap)) {
                                ctx.report(
                                    path(name) + "." + list,
                                    "unknown capability: \"CAP_" + cap + "\"",
                                    "use a Linux capability name such as NET_ADMIN");
                              }
                            }
                          }
                        })),
        rule("SWARM-MISC-004", WARNING, "service-level labels written as container labels")
            .why(
                "it misbehaves wherever a tool that reads service labels (Traefik in swarm mode, swarm-cronjob) runs: for it the labels are not there")
            .stage("lint")
            .source("docker/cli convert/service.go Service; docker/docs compose-file-v3.md")
            .explain(
                """
                `labels` are container labels; tools that read services (Traefik, swarm-cronjob, ...)
                need `deploy.labels`. Traefik labels under `labels` are ignored in swarm mode.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    labels:
                      traefik.enable: "true"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      labels:
                        traefik.enable: "true"
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean serviceLabels =
                              s.deploy().map(d -> !d.labels().isEmpty()).orElse(false);
                          if (serviceLabels) {
                            return;
                          }
                          // the first such label (a loop, not a stream: see Rx on short runs)
                          for (String k : s.labels().keySet()) {
                            if (k.startsWith("traefik.") || k.startsWith("swarm.cronjob")) {
                              ctx.report(
                                  path(name) + ".labels." + k,
                                  "'"
                                      + k
                                      + "' is a container label; tools that read services expect it under deploy.labels",
                                  "move it to deploy.labels");
                              return;
                            }
                          }
                        })),
        rule("SWARM-MISC-005", ERROR, "a sysctl that is not namespaced")
            .stage("A")
            .source(
                "opencontainers/runc libcontainer/configs/validate/validator.go sysctl; moby/moby opts ValidateSysctl")
            .explain(
                """
                Only kernel parameters of the container's own namespaces can be set: `net.*` (not with
                the host network), `kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`,
                `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`,
                `fs.mqueue.*` and `kernel.domainname`. Any other (`vm.*`, `kernel.pid_max`, `fs.file-max`)
                makes the runtime refuse the container (`sysctl "vm.swappiness" is not in a separate
                kernel namespace`) on every node, so the task never runs.

                **Severity: error, where the catalog says warning.** The failure does not depend on the
                cluster: every Linux runtime refuses it when the task's container starts.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    sysctls:
                      vm.swappiness: "10"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    sysctls:
                      net.core.somaxconn: "1024"
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean hostNetwork = Checks.onHostNetwork(ctx.stack(), s);
                          for (String k : s.sysctls().keySet()) {
                            String problem = sysctlProblem(k, hostNetwork);
                            if (problem != null) {
                              ctx.report(
                                  path(name) + ".sysctls." + k,
                                  problem + "; the container will not start",
                                  k.startsWith("net.")
                                      ? "leave the host network, or set it on the host"
                                      : "set it on the host instead");
                            }
                          }
                        })),
        rule("SWARM-MISC-006", ERROR, "an env_file does not exist")
            .stage("L")
            .enforcedBy(Rule.Enforcement.FILES)
            .source("docker/cli cli/compose/loader/loader.go resolveEnvironment")
            .explain(
                "env files are read when the stack file is loaded, relative to it: `open <path>: no such file or directory`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    env_file: ./missing.env
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    env_file: ./app.env
                # file: app.env=A=1
                """)
            .check(
                ctx ->
                    ctx.baseDir()
                        .ifPresent(
                            dir ->
                                services(
                                    ctx.stack(),
                                    (name, s) -> {
                                      for (int i = 0; i < s.envFile().size(); i++) {
                                        EnvFile f = s.envFile().get(i);
                                        if (f.required().orElse(true)
                                            && !Files.isRegularFile(dir.resolve(f.path()))) {
                                          ctx.report(
                                              path(name) + ".env_file[" + i + "]",
                                              "open "
                                                  + dir.resolve(f.path()).normalize()
                                                  + ": no such file or directory",
                                              "create the file or fix the path (relative to the stack file)");
                                        }
                                      }
                                    }))),
        rule("SWARM-MISC-007", WARNING, "isolation other than default on Linux")
            .why(
                "it fails only on some clusters: Linux nodes refuse the container, Windows nodes accept it")
            .stage("N")
            .source("docker/cli convert/service.go Service; docker/docs compose-file-v3.md")
            .explain(
                """
                `isolation` is a Windows setting; on Linux only `default` is supported: a Linux engine
                rejects the task (`invalid isolation 'hyperv' on linux`). Given the cluster's nodes
                (`ClusterState`), it is an error when every node that can run the service is a Linux
                node.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    isolation: hyperv
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
                        (name, s) ->
                            s.isolation()
                                .filter(i -> !i.equals("default"))
                                .ifPresent(
                                    i -> {
                                      if (PlacementRules.onlyLinuxNodes(ctx, s)) {
                                        ctx.report(
                                            ERROR,
                                            path(name) + ".isolation",
                                            "invalid isolation '"
                                                + i
                                                + "' on linux: every node that can run"
                                                + " the service is a Linux node",
                                            "remove it");
                                      } else {
                                        ctx.report(
                                            path(name) + ".isolation",
                                            "isolation " + i + " works only on Windows nodes",
                                            "remove it, or constrain the service to node.platform.os == windows");
                                      }
                                    }))),
        rule("SWARM-MISC-010", ERROR, "stop_signal is not a signal")
            .stage("A")
            .source(
                "moby/moby daemon/container.go verifyContainerSettings; moby/sys signal ParseSignal")
            .explain(
                """
                `stop_signal` is passed verbatim to the task's container, and the engine refuses to create
                a container whose stop signal is not a signal number or a name it knows (`SIGTERM`,
                `TERM`, `SIGRTMIN+3`, case-insensitive): `invalid signal: SIGQUITT`, on every node, so the
                task never runs.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    stop_signal: SIGQUITT
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    stop_signal: SIGQUIT
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.stopSignal()
                                .ifPresent(
                                    sig -> {
                                      if (!sig.contains("$") && !validSignal(sig)) {
                                        ctx.report(
                                            path(name) + ".stop_signal",
                                            "invalid signal: " + sig,
                                            "use a signal name such as SIGTERM or SIGQUIT");
                                      }
                                    }))),
        rule("SWARM-MISC-011", ERROR, "working_dir is not an absolute path")
            .stage("A")
            .source("moby/moby daemon/container.go translateWorkingDir")
            .explain(
                """
                The engine refuses to create a container whose working directory is relative: `the
                working directory 'app' is invalid, it needs to be an absolute path`, on every (Linux)
                node, so the task never runs. A Windows path (`C:\\app`) is a warning: only Windows nodes
                accept it.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    working_dir: app
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    working_dir: /app
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.workingDir()
                                .ifPresent(
                                    w -> {
                                      if (w.isEmpty() || w.startsWith("/") || w.contains("{{")) {
                                        return;
                                      }
                                      if (WINDOWS_DRIVE.matches(w) || w.startsWith("\\")) {
                                        ctx.report(
                                            WARNING,
                                            path(name) + ".working_dir",
                                            "the working directory '"
                                                + w
                                                + "' is absolute only on Windows nodes",
                                            "constrain the service to node.platform.os == windows");
                                      } else {
                                        ctx.report(
                                            path(name) + ".working_dir",
                                            "the working directory '"
                                                + w
                                                + "' is invalid, it needs to be an absolute path",
                                            "write /" + w);
                                      }
                                    }))),
        rule("SWARM-MISC-012", ERROR, "a ulimit name the runtime does not know")
            .stage("A")
            .source("docker/go-units ulimit.go; opencontainers/runc (wrong rlimit value)")
            .explain(
                """
                ulimit names are `core`, `cpu`, `data`, `fsize`, `locks`, `memlock`, `msgqueue`, `nice`,
                `nofile`, `nproc`, `rss`, `rtprio`, `rttime`, `sigpending` and `stack`. The schema only
                asks for lower-case letters, so `nofiles` deploys, and every task fails at start (real
                Swarm: `runc create failed: wrong rlimit value: RLIMIT_NOFILES`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ulimits:
                      nofiles: 1024
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ulimits:
                      nofile: 1024
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.ulimits()
                                .keySet()
                                .forEach(
                                    key -> {
                                      if (!ULIMITS.contains(key)) {
                                        ctx.report(
                                            path(name) + ".ulimits." + key,
                                            "wrong rlimit value: RLIMIT_"
                                                + key.toUpperCase(Locale.ROOT),
                                            "use one of "
                                                + String.join(", ", new TreeSet<>(ULIMITS)));
                                      }
                                    }))),
        rule("SWARM-MISC-013", ERROR, "an extra_hosts entry whose address is not an IP")
            .stage("A")
            .source("moby/moby daemon (add-host validation, opts.ValidateExtraHost)")
            .explain(
                """
                Each `extra_hosts` entry maps a name to an IP address (or the engine's special
                `host-gateway`): a host name there deploys, and the engine rejects every task (real
                Swarm: `invalid IP address in add-host: "database.internal"`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    extra_hosts:
                      - "db:database.internal"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    extra_hosts:
                      - "db:10.0.0.5"
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.extraHosts().size(); i++) {
                            String entry = s.extraHosts().get(i);
                            int sep =
                                entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
                            if (sep < 0) {
                              continue;
                            }
                            String ip = entry.substring(sep + 1).strip();
                            if (ip.startsWith("[") && ip.endsWith("]")) {
                              ip = ip.substring(1, ip.length() - 1);
                            }
                            if (!ip.equals("host-gateway") && !ip.contains("$") && !isIp(ip)) {
                              ctx.report(
                                  path(name) + ".extra_hosts[" + i + "]",
                                  "invalid IP address in add-host: \"" + ip + "\"",
                                  "write name:IP, for example db:10.0.0.5");
                            }
                          }
                        })));
  }

  private static final Set<String> ULIMITS =
      Set.of(
          "core",
          "cpu",
          "data",
          "fsize",
          "locks",
          "memlock",
          "msgqueue",
          "nice",
          "nofile",
          "nproc",
          "rss",
          "rtprio",
          "rttime",
          "sigpending",
          "stack");

  /** Whether the text is an IPv4 or IPv6 address (parsed without any name lookup). */
  static boolean isIp(String text) {
    if (DOTTED_QUAD.matches(text)) {
      for (String part : text.split("\\.", -1)) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return text.contains(":") && IPV6_CHARS.matches(text) && text.length() <= 45;
  }

  /** The signal names of moby/sys signal's Linux map (without {@code SIG}). */
  private static final Set<String> SIGNALS =
      Set.of(
          "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT",
          "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
          "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ",
          "RTMIN", "RTMAX");

  /**
   * moby/sys signal ParseSignal: a non-zero number, or a known name with or without SIG, any case.
   */
  static boolean validSignal(String signal) {
    if (SIGNAL_NUMBER.matches(signal)) {
      return Integer.parseInt(signal) != 0;
    }
    String name = signal.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    Matcher rt = Pattern.compile("RTMIN\\+(\\d{1,2})|RTMAX-(\\d{1,2})").matcher(name);
    if (rt.matches()) {
      int n = Integer.parseInt(rt.group(1) != null ? rt.group(1) : rt.group(2));
      return rt.group(1) != null ? n >= 1 && n <= 15 : n >= 1 && n <= 14;
    }
    return SIGNALS.contains(name);
  }
}
