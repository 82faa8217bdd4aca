package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.SwarmFormat;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.internal.Rx;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** SWARM-VER: file format, versions, schema and decoding. */
final class VersionRules {
  private static final Rx TRAILING_ZERO = Rx.compile("\\d+\\.\\d*0");

  private VersionRules() {}

  /** An x-* key of a service's secret or config reference ({@code services.web.secrets[0].x-a}). */
  private static final Rx REF_EXTENSION =
      Rx.compile("services\\..+\\.(secrets|configs)\\[\\d+]\\.x-[^.]*");

  /** Keys other rules report with their own id, so SWARM-VER-002 does not report them twice. */
  private static final Set<String> REPORTED_ELSEWHERE =
      Set.of(
          "extends",
          "volumes_from",
          "cpu_quota",
          "cpu_shares",
          "cpuset",
          "mem_limit",
          "memswap_limit",
          "devices",
          "gateway",
          "ip_range",
          "aux_addresses");

  static List<Rule> rules() {
    return List.of(
        rule(
                "SWARM-VER-001",
                ERROR,
                "version must be a Compose file format 3.x version Docker knows")
            .stage("L")
            .source("docker/cli cli/compose/schema/schema.go Validate/normalizeVersion")
            .explain(
                """
                `docker stack deploy` embeds the schemas 3.0 to 3.13. A missing `version` or `"3"` means
                the newest one; `2.x`, `3.14`, `3.9.1` and other strings are refused with
                `unsupported Compose file version`.""")
            .failing(
                """
                version: "2.4"
                services:
                  web:
                    image: nginx:1.25
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
                    ctx.stack()
                        .version()
                        .ifPresent(
                            v -> {
                              if (SwarmFormat.minorOf(v) < 0) {
                                ctx.report(
                                    "version",
                                    "unsupported Compose file version: " + v,
                                    "use a 3.x version from 3.0 to 3.13, or remove 'version'");
                              }
                            })),
        rule("SWARM-VER-002", ERROR, "a key is not in the schema of the declared version")
            .stage("S")
            .source("docker/cli cli/compose/schema/data/config_schema_v3.X.json")
            .explain(
                """
                The 3.x schemas are version-gated: each version adds keys (long port syntax 3.2, configs
                3.3, `update_config.order` 3.4, `init` and `rollback_config` 3.7, `max_replicas_per_node`
                3.8, `pids` 3.9, `oom_score_adj` 3.13). A key newer than the declared version, or a
                Compose Specification key no 3.x schema has (`profiles`, `platform`, service-level
                `cpus`, ...), makes Docker refuse the file with `Additional property <key> is not
                allowed`; so does a top-level `name` (`(root) Additional property name is not allowed`,
                seen on the real Swarm: the stack name comes from the command line). An x-* key is
                refused the same way inside healthcheck, logging, deploy and its objects, service
                network entries, ipam, long ports and long volumes (`services.web.healthcheck
                Additional property x-a is not allowed`); in a secret or config reference Docker
                accepts it and drops it (a warning).""")
            .failing(
                """
                version: "3.3"
                services:
                  web:
                    image: nginx:1.25
                    init: true
                """)
            .passing(
                """
                version: "3.7"
                services:
                  web:
                    image: nginx:1.25
                    init: true
                """)
            .check(
                ctx -> {
                  // a missing version and "3" are validated as the newest format by docker stack
                  // deploy
                  if (ctx.fromFile() && ctx.stack().name().isPresent()) {
                    ctx.report(
                        "name",
                        "(root) Additional property name is not allowed",
                        "remove it: docker stack deploy takes the stack name from its command line");
                  }
                  int declared =
                      ctx.stack()
                          .version()
                          .filter(v -> !v.equals("3"))
                          .map(SwarmFormat::minorOf)
                          .orElse(SwarmFormat.NEWEST_MINOR);
                  if (declared >= 0) {
                    for (SwarmFormat.Requirement r : SwarmFormat.requirements(ctx.stack())) {
                      if (r.minor() > declared) {
                        ctx.report(
                            r.path(),
                            "'" + last(r.path()) + "' needs version 3." + r.minor() + " or newer",
                            "set version: \"3."
                                + r.minor()
                                + "\" (or newer), or let compose4j fmt choose it");
                      }
                    }
                    if (declared < 2) {
                      for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.LONG_PORT_SYNTAX)) {
                        ctx.report(
                            f.path(),
                            "the long port syntax needs version 3.2 or newer",
                            "set version: \"3.2\" (or newer), or use the short syntax");
                      }
                      for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.LONG_VOLUME_SYNTAX)) {
                        ctx.report(
                            f.path(),
                            "the long volume syntax needs version 3.2 or newer",
                            "set version: \"3.2\" (or newer), or use the short syntax");
                      }
                    }
                  }
                  for (SwarmFormat.Unsupported u : SwarmFormat.unsupported(ctx.stack())) {
                    boolean shortSelinux =
                        u.path().endsWith(".bind.selinux")
                            && VolumeRules.shortSyntax(
                                ctx,
                                u.path()
                                    .substring(0, u.path().length() - ".bind.selinux".length()));
                    // a host IP in the short port syntax is valid (and ignored, SWARM-EP-007); only
                    // the long key is refused
                    boolean shortHostIp =
                        u.path().endsWith(".host_ip")
                            && ctx.fromFile()
                            && !ctx.hasFact(
                                SyntaxFact.Kind.LONG_PORT_SYNTAX,
                                u.path().substring(0, u.path().length() - ".host_ip".length()));
                    // an x-* key in a service's secret or config reference: the 3.x schemas accept
                    // it
                    // and Docker drops it (docker stack config, every 3.x version)
                    if (REF_EXTENSION.matches(u.path())) {
                      ctx.report(
                          WARNING,
                          u.path(),
                          "'"
                              + last(u.path())
                              + "' is accepted by docker stack deploy and dropped: the 3.x format keeps no x-* keys in a secret or config reference",
                          "move it to the x-* keys of the service, or remove it");
                      continue;
                    }
                    if (!REPORTED_ELSEWHERE.contains(last(u.path()))
                        && !shortSelinux
                        && !shortHostIp) {
                      ctx.report(
                          u.path(),
                          "'" + last(u.path()) + "' is not in any Compose file format 3.x schema",
                          u.hint());
                    }
                  }
                  // x-* keys the model does not keep (healthcheck, logging, deploy's objects, ...)
                  // where the 3.x schemas refuse them: Docker says "Additional property x-a is not
                  // allowed"
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.DROPPED_EXTENSION)) {
                    if (f.detail().equals("refused")) {
                      ctx.report(
                          f.path(),
                          "'" + last(f.path()) + "' is not in any Compose file format 3.x schema",
                          SwarmFormat.NO_EXTENSIONS);
                    }
                  }
                }),
        rule("SWARM-VER-003", ERROR, "an unknown or misspelled key")
            .stage("S")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli config_schema_v3.X.json (additionalProperties: false)")
            .explain(
                """
                Docker refuses unknown keys (`services.web.deploy Additional property replica is not
                allowed`). Compose4J refuses them while reading, with the closest known key as a
                suggestion; the file is reported with rule `parse`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replica: 3
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      replicas: 3
                """)
            .documentationOnly(),
        rule("SWARM-VER-004", ERROR, "a value has a type the 3.x schema does not allow")
            .stage("S")
            .source("docker/cli cli/compose/schema/schema.go")
            .explain(
                """
                The 3.x schemas are stricter than the Compose Specification: environment and label
                values may be strings, numbers or null but not booleans, `depends_on` is a list, an
                `env_file` entry is a string. Compose4J reads the wider forms; for a Swarm target these
                spellings are errors. Other type errors (a list where a mapping belongs, `replicas:
                five`) make the file unreadable and are reported with rule `parse`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    environment:
                      DEBUG: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    environment:
                      DEBUG: "true"
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.BOOLEAN_FOR_STRING)) {
                    ctx.report(
                        f.path(),
                        "must be a string, number or null, not the boolean " + f.detail(),
                        "quote it: \"" + f.detail() + "\"");
                  }
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.COMPOSE_SPEC_SYNTAX)) {
                    ctx.report(
                        f.path(),
                        f.detail() + " is not allowed by the 3.x schema",
                        "use the list form the 3.x format knows");
                  }
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.NUMBER_FOR_STRING)) {
                    if (!f.path().contains(".resources.")
                        && !f.path().endsWith(".uid")
                        && !f.path().endsWith(".gid")
                        && !f.path().equals("version")) {
                      ctx.report(f.path(), "must be a string", "quote it: \"" + f.detail() + "\"");
                    }
                  }
                }),
        rule("SWARM-VER-005", ERROR, "the files of one deploy declare different versions")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli cli/compose/loader/loader.go Load")
            .explain(
                """
                `docker stack deploy -c a.yml -c b.yml` requires every file to declare the same
                `version` (`version mismatched between two composefiles`). `compose4j validate` checks
                this when it is given several files.""")
            .documentationOnly(),
        rule("SWARM-VER-006", WARNING, "no version: the file is validated as the newest 3.x format")
            .why(
                "it fails only with some clients: older Docker CLIs (20.10 among them) refuse a file without `version` with `unsupported Compose file version: 1.0` (docker/cli#2475, moby/moby#41875)")
            .stage("L")
            .source("docker/cli cli/compose/schema/schema.go Version (defaultVersion)")
            .explain(
                """
                Without `version` (or with `"3"`) Docker 28 validates against 3.13, older CLIs against
                older schemas or not at all. `compose4j fmt` writes the lowest version that allows every
                key, which older engines accept too.""")
            .failing(
                """
                services:
                  web:
                    image: nginx:1.25
                """)
            .passing(
                """
                version: "3.8"
                services:
                  web:
                    image: nginx:1.25
                """)
            .check(
                ctx -> {
                  if (!ctx.facts(SyntaxFact.Kind.NO_VERSION).isEmpty()) {
                    ctx.report(
                        "",
                        "the file has no 'version'; docker stack deploy validates it against format 3.13",
                        "write the version the file needs (compose4j fmt chooses the lowest)");
                  }
                }),
        rule("SWARM-VER-007", ERROR, "variable interpolation fails")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli cli/compose/interpolation/interpolation.go; template/template.go")
            .explain(
                """
                Interpolation runs before validation: `${VAR:?message}` with VAR unset and a `$` not
                followed by a variable name are errors; write `$$` for a literal `$`. An unset `${VAR}`
                silently becomes an empty string (Compose4J warns, rule `variable-unset`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:${TAG:?set TAG}
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:${TAG:-1.25}
                """)
            .documentationOnly(),
        rule("SWARM-VER-008", ERROR, "a value cannot be decoded into its field")
            .stage("L")
            .source("docker/cli cli/compose/loader/loader.go Transform")
            .explain(
                """
                Unsigned fields refuse negative numbers (`parallelism`, `max_attempts`,
                `max_replicas_per_node`); byte sizes and durations must parse. Negative values are
                reported by the field constraints; bad sizes and durations make the file unreadable.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        parallelism: -1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      update_config:
                        parallelism: 1
                """)
            .check(Rule.BY_FIELD_CONSTRAINTS),
        rule("SWARM-VER-009", ERROR, "the top level of the file is not a mapping")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli loader.go ParseYAML")
            .explain(
                "The file must be a YAML mapping with `services`; anything else is unreadable.")
            .failing(
                """
                - web
                - db
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                """)
            .documentationOnly(),
        rule("SWARM-VER-010", WARNING, "a plain value YAML 1.1 parsers read differently")
            .why(
                "it misbehaves only with some clients: tools that read YAML 1.1 (older CLIs, docker-compose 1) read the value differently")
            .stage("N")
            .source("docker/cli loader.go ParseYAML (yaml v3); docker/docs compose-file-v3.md")
            .explain(
                """
                Docker reads YAML with go-yaml v3: `on` and `yes` are strings and `22:22` stays a string.
                YAML 1.1 tools (PyYAML, older parsers, many editors' validators) read `on` as a boolean
                and `22:22` as the base-60 number 1342. Quote such values so every tool agrees.""")
            .failing(
                """
                version: "3.9"
                services:
                  ssh:
                    image: linuxserver/openssh-server:9.7
                    ports:
                      - 22:22
                """)
            .passing(
                """
                version: "3.9"
                services:
                  ssh:
                    image: linuxserver/openssh-server:9.7
                    ports:
                      - "22:22"
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.YAML11_AMBIGUOUS)) {
                    ctx.report(
                        f.path(),
                        "the unquoted value '"
                            + f.detail()
                            + "' is read differently by YAML 1.1 parsers",
                        "quote it: \"" + f.detail() + "\"");
                  }
                }),
        rule("SWARM-VER-011", ERROR, "version written as a number")
            .stage("S")
            .source(
                "docker/cli cli/compose/schema/schema.go Version, Validate; config_schema_v3.x.json (version: string)")
            .explain(
                """
                `version: 3.8` is a YAML number. Docker picks the schema from its text (`3.8`), then the
                schema refuses the file: `version must be a string`. A number also loses digits before
                anything sees it: `3.10` is the number 3.1, `3.0` is 3. Quote it: `version: "3.8"`.""")
            .failing(
                """
                version: 3.8
                services:
                  web:
                    image: nginx:1.25
                """)
            .passing(
                """
                version: "3.8"
                services:
                  web:
                    image: nginx:1.25
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.NUMBER_FOR_STRING)) {
                    if (f.path().equals("version")) {
                      String hint =
                          TRAILING_ZERO.matches(f.detail())
                              ? "quote it: \""
                                  + f.detail()
                                  + "\" (as a number "
                                  + f.detail()
                                  + " is "
                                  + new BigDecimal(f.detail()).stripTrailingZeros().toPlainString()
                                  + ")"
                              : "quote it: \"" + f.detail() + "\"";
                      ctx.report(f.path(), "version must be a string", hint);
                    }
                  }
                }));
  }

  static String last(String path) {
    int dot = path.lastIndexOf('.');
    String key = dot < 0 ? path : path.substring(dot + 1);
    int bracket = key.indexOf('[');
    return bracket > 0 ? key.substring(0, bracket) : key;
  }
}
