package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.SyntaxFact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SWARM-SEC: secrets, configs, credential_spec. */
final class SecretRules {
  private SecretRules() {}

  private static final long SECRET_LIMIT = 500 * 1024;
  private static final long CONFIG_LIMIT = 1000 * 1024;

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-SEC-001", ERROR, "a secret has both driver and file")
            .stage("L")
            .source("docker/cli cli/compose/loader/loader.go loadFileObjectConfig")
            .explain(
                "`secret.driver and secret.file conflict; only use secret.driver`: a driver provides the content.")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    driver: vault
                    file: ./token.txt
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
                    driver: vault
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .secrets()
                        .forEach(
                            (key, s) -> {
                              if (s.driver().isPresent() && s.file().isPresent()) {
                                ctx.report(
                                    "secrets." + key,
                                    "secret "
                                        + key
                                        + ": secret.driver and secret.file conflict; only use secret.driver",
                                    "remove 'file' or 'driver'");
                              }
                            })),
        rule("SWARM-SEC-002", WARNING, "an external secret or config has settings that are ignored")
            .stage("N")
            .source("docker/cli loader.go loadFileObjectConfig; convert/compose.go")
            .explain(
                "An external secret or config is only looked up by name; `file`, `labels`, `driver` and `template_driver` are ignored.")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    external: true
                    file: ./token.txt
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
                    external: true
                """)
            .check(
                ctx -> {
                  ctx.stack()
                      .secrets()
                      .forEach(
                          (key, s) -> {
                            if (s.external().orElse(false)
                                && (s.file().isPresent()
                                    || !s.labels().isEmpty()
                                    || s.driver().isPresent()
                                    || s.templateDriver().isPresent()
                                    || !s.driverOpts().isEmpty())) {
                              ctx.report(
                                  "secrets." + key,
                                  "settings of the external secret " + key + " are ignored",
                                  "remove them");
                            }
                          });
                  ctx.stack()
                      .configs()
                      .forEach(
                          (key, c) -> {
                            if (c.external().orElse(false)
                                && (c.file().isPresent()
                                    || !c.labels().isEmpty()
                                    || c.templateDriver().isPresent())) {
                              ctx.report(
                                  "configs." + key,
                                  "settings of the external config " + key + " are ignored",
                                  "remove them");
                            }
                          });
                }),
        rule("SWARM-SEC-003", ERROR, "a secret or config name Swarm refuses")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/common.go validateConfigOrSecretAnnotations")
            .explain(
                """
                The created name (`<stack>_<key>` or `name:`) must be at most 64 characters of
                `[a-zA-Z0-9-_.]`, starting and ending with a letter or digit.""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    name: token.
                    file: ./token.txt
                # file: token.txt=abc
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
                    name: token.v1
                    file: ./token.txt
                # file: token.txt=abc
                """)
            .check(
                ctx -> {
                  ctx.stack()
                      .secrets()
                      .forEach(
                          (key, s) ->
                              name(ctx, "secrets", key, s.name(), s.external().orElse(false)));
                  ctx.stack()
                      .configs()
                      .forEach(
                          (key, c) ->
                              name(ctx, "configs", key, c.name(), c.external().orElse(false)));
                }),
        rule("SWARM-SEC-004", ERROR, "a secret or config file is empty or too large")
            .stage("M")
            .enforcedBy(Rule.Enforcement.FILES)
            .source("moby/swarmkit api/validation/secrets.go; controlapi/config.go")
            .explain(
                "Secrets hold 1 to 511,999 bytes, configs 1 to 1,023,999 bytes: `secret data must be larger than 0 and less than 512000 bytes`.")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets: [token]
                secrets:
                  token:
                    file: ./empty.txt
                # file: empty.txt=
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
                # file: token.txt=abc
                """)
            .check(
                ctx ->
                    ctx.baseDir()
                        .ifPresent(
                            dir -> {
                              ctx.stack()
                                  .secrets()
                                  .forEach(
                                      (key, s) ->
                                          size(
                                              ctx,
                                              dir,
                                              "secret",
                                              "secrets." + key,
                                              s.file().orElse(null),
                                              s.external().orElse(false),
                                              SECRET_LIMIT));
                              ctx.stack()
                                  .configs()
                                  .forEach(
                                      (key, c) ->
                                          size(
                                              ctx,
                                              dir,
                                              "config",
                                              "configs." + key,
                                              c.file().orElse(null),
                                              c.external().orElse(false),
                                              CONFIG_LIMIT));
                            })),
        rule("SWARM-SEC-005", ERROR, "two secrets or configs with the same target in one service")
            .stage("C")
            .source("docker/cli cli/command/service/parse.go ParseSecrets/ParseConfigs")
            .explain(
                "Each file in the container is written once: `duplicate secret target for ... not allowed` (a secret's default target is its key under `/run/secrets/`, a config's is `/<key>`).")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: key_a
                        target: key
                      - source: key_b
                        target: key
                secrets:
                  key_a:
                    external: true
                  key_b:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: key_a
                        target: key_a
                      - source: key_b
                        target: key_b
                secrets:
                  key_a:
                    external: true
                  key_b:
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          Set<String> targets = new HashSet<>();
                          for (int i = 0; i < s.secrets().size(); i++) {
                            ServiceSecret ref = s.secrets().get(i);
                            String t = ref.target().orElse(ref.source());
                            if (!targets.add(t)) {
                              ctx.report(
                                  path(name) + ".secrets[" + i + "]",
                                  "duplicate secret target for " + t + " not allowed",
                                  "give each secret its own target");
                            }
                          }
                          Set<String> configTargets = new HashSet<>();
                          for (int i = 0; i < s.configs().size(); i++) {
                            ServiceConfig ref = s.configs().get(i);
                            String t = ref.target().orElse("/" + ref.source());
                            if (!configTargets.add(t)) {
                              ctx.report(
                                  path(name) + ".configs[" + i + "]",
                                  "duplicate config target for " + t + " not allowed",
                                  "give each config its own target");
                            }
                          }
                        })),
        rule("SWARM-SEC-006", ERROR, "a template_driver other than golang")
            .stage("A")
            .source("moby/swarmkit template/expand.go ExpandSecretSpec/ExpandConfigSpec")
            .explain(
                "The create succeeds but every task fails with `unrecognized template type`: the only template driver is `golang`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    configs: [site]
                configs:
                  site:
                    file: ./site.conf
                    template_driver: jinja
                # file: site.conf=server {}
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    configs: [site]
                configs:
                  site:
                    file: ./site.conf
                    template_driver: golang
                # file: site.conf=server {}
                """)
            .check(
                ctx -> {
                  ctx.stack()
                      .secrets()
                      .forEach(
                          (key, s) ->
                              s.templateDriver()
                                  .filter(t -> !t.equals("golang"))
                                  .ifPresent(
                                      t ->
                                          ctx.report(
                                              "secrets." + key + ".template_driver",
                                              "unrecognized template type " + t,
                                              "use golang")));
                  ctx.stack()
                      .configs()
                      .forEach(
                          (key, c) ->
                              c.templateDriver()
                                  .filter(t -> !t.equals("golang"))
                                  .ifPresent(
                                      t ->
                                          ctx.report(
                                              "configs." + key + ".template_driver",
                                              "unrecognized template type " + t,
                                              "use golang")));
                }),
        rule("SWARM-SEC-007", ERROR, "uid or gid is not a string")
            .stage("S")
            .source("docker/cli config_schema_v3.X.json")
            .explain(
                "In the 3.x schemas `uid` and `gid` of a service secret or config are strings: `services.api.secrets.0.uid must be a string`. (A config with `driver` makes the file unreadable.)")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        uid: 1000
                secrets:
                  token:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        uid: "1000"
                secrets:
                  token:
                    external: true
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.NUMBER_FOR_STRING)) {
                    if (f.path().endsWith(".uid") || f.path().endsWith(".gid")) {
                      ctx.report(
                          f.path(),
                          VersionRules.last(f.path()) + " must be a string",
                          "quote it: \"" + f.detail() + "\"");
                    }
                  }
                }),
        rule("SWARM-SEC-008", WARNING, "a file mode written in decimal")
            .why(
                "advice: nothing is dropped, the mode is applied as written, but a decimal mode is almost never meant")
            .stage("lint")
            .source("docker/cli convert/service.go convertFileObject")
            .explain(
                """
                `mode` is a number: `0440` is octal (288, read-only for owner and group), but `440`
                is decimal 440 = `0o670`, which is almost never meant.""")
            .failing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        mode: 440
                secrets:
                  token:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api:
                    image: nginx:1.25
                    secrets:
                      - source: token
                        mode: 0440
                secrets:
                  token:
                    external: true
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.DECIMAL_FILE_MODE)) {
                    ctx.report(
                        f.path(),
                        "mode "
                            + f.detail()
                            + " is decimal (0o"
                            + Integer.toOctalString(Integer.parseInt(f.detail()))
                            + "); octal needs a leading 0",
                        "write 0" + f.detail() + " if you mean octal");
                  }
                }),
        rule("SWARM-SEC-009", ERROR, "a changed secret or config under the same name")
            .stage("M")
            .source("moby/swarmkit controlapi/secret.go UpdateSecret")
            .explain(
                """
                Swarm never updates secret or config content in place (`only updates to Labels are
                allowed`): redeploying a changed file under the same name fails. Version the name, for
                example with the DSL's `hashedSecret`/`hashedConfig`, which put a hash of the content in
                the name. Not checkable from the file alone.""")
            .documentationOnly(),
        rule("SWARM-SEC-010", ERROR, "credential_spec has more than one source")
            .stage("C")
            .source("docker/cli cli/compose/convert/service.go convertCredentialSpec")
            .explain(
                "At most one of `config`, `file` and `registry`: `invalid credential spec: cannot specify both \"Config\" and \"File\"`.")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: mcr.microsoft.com/dotnet/aspnet:8.0
                    credential_spec:
                      config: gmsa
                      file: spec.json
                configs:
                  gmsa:
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: mcr.microsoft.com/dotnet/aspnet:8.0
                    credential_spec:
                      config: gmsa
                configs:
                  gmsa:
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.credentialSpec()
                                .ifPresent(
                                    c -> {
                                      int n =
                                          (c.config().isPresent() ? 1 : 0)
                                              + (c.file().isPresent() ? 1 : 0)
                                              + (c.registry().isPresent() ? 1 : 0);
                                      if (n > 1) {
                                        ctx.report(
                                            path(name) + ".credential_spec",
                                            "invalid credential spec: specify only one of config, file and registry",
                                            "keep one source");
                                      }
                                    }))),
        rule("SWARM-SEC-011", WARNING, "credential_spec works only on Windows nodes")
            .why(
                "it fails only on some clusters: Linux nodes reject the task, Windows nodes accept it")
            .stage("A")
            .source("moby/moby daemon/oci_linux.go (credentialspec is a Windows security option)")
            .explain(
                """
                `credential_spec` (gMSA) is passed to the engine as the security option
                `credentialspec=...`, which only Windows engines know: a Linux engine rejects the task
                (`invalid --security-opt 2: "credentialspec=file://spec.json"`). Given the cluster's nodes
                (`ClusterState`), it is an error when every node that can run the service is a Linux
                node.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: mcr.microsoft.com/dotnet/aspnet:8.0
                    credential_spec:
                      file: spec.json
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: mcr.microsoft.com/dotnet/aspnet:8.0
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.credentialSpec()
                                .ifPresent(
                                    c -> {
                                      if (PlacementRules.onlyLinuxNodes(ctx, s)) {
                                        ctx.report(
                                            ERROR,
                                            path(name) + ".credential_spec",
                                            "invalid --security-opt: credentialspec is a Windows option,"
                                                + " and every node that can run the service is a Linux node",
                                            "remove it");
                                      } else {
                                        ctx.report(
                                            path(name) + ".credential_spec",
                                            "credential_spec works only on Windows nodes",
                                            "constrain the service to node.platform.os == windows");
                                      }
                                    }))));
  }

  private static void name(
      RuleContext ctx, String section, String key, Optional<String> name, boolean external) {
    if (external) {
      return;
    }
    String full = Checks.scopedName(ctx, key, name, false);
    if (full.length() > 64 || !Checks.OBJECT_NAME.matches(full)) {
      ctx.report(
          section + "." + key,
          "invalid name "
              + full
              + ": only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]",
          "shorten or rename it");
    }
  }

  private static void size(
      RuleContext ctx,
      Path dir,
      String kind,
      String path,
      String file,
      boolean external,
      long limit) {
    if (file == null || external) {
      return;
    }
    Path p = dir.resolve(file);
    try {
      if (Files.isRegularFile(p)) {
        long size = Files.size(p);
        if (size == 0 || size >= limit) {
          ctx.report(
              path + ".file",
              kind
                  + " data must be larger than 0 and less than "
                  + limit
                  + " bytes ("
                  + p.getFileName()
                  + " has "
                  + size
                  + ")",
              size == 0 ? "put the content in the file" : "store less data");
        }
      }
    } catch (IOException e) {
      // unreadable files are SWARM-REF-007
    }
  }
}
