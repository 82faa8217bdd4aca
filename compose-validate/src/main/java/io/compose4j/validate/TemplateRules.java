package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Config;
import io.compose4j.model.Mount;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.SyntaxFact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SWARM-TPL: Go templates in services and templated secrets and configs. */
final class TemplateRules {
  private TemplateRules() {}

  /** The fields swarmkit expands templates in, by YAML path. */
  static Map<String, String> expanded(String name, Service s) {
    Map<String, String> out = new LinkedHashMap<>();
    String p = path(name);
    s.hostname().ifPresent(h -> out.put(p + ".hostname", h));
    s.environment().forEach((k, v) -> v.ifPresent(x -> out.put(p + ".environment." + k, x)));
    for (int i = 0; i < s.volumes().size(); i++) {
      Mount m = s.volumes().get(i);
      String mp = p + ".volumes[" + i + "]";
      m.source().ifPresent(x -> out.put(mp + ".source", x));
      m.target().ifPresent(x -> out.put(mp + ".target", x));
      int index = i;
      m.volume()
          .ifPresent(
              v ->
                  v.labels()
                      .forEach(
                          (k, x) -> out.put(p + ".volumes[" + index + "].volume.labels." + k, x)));
    }
    return out;
  }

  /** Fields that are passed to the container literally, by YAML path. */
  static Map<String, String> literal(String name, Service s) {
    Map<String, String> out = new LinkedHashMap<>();
    String p = path(name);
    s.labels().forEach((k, v) -> out.put(p + ".labels." + k, v));
    s.deploy().ifPresent(d -> d.labels().forEach((k, v) -> out.put(p + ".deploy.labels." + k, v)));
    s.command().ifPresent(c -> out.put(p + ".command", String.join(" ", c)));
    s.entrypoint().ifPresent(c -> out.put(p + ".entrypoint", String.join(" ", c)));
    s.user().ifPresent(u -> out.put(p + ".user", u));
    s.workingDir().ifPresent(w -> out.put(p + ".working_dir", w));
    return out;
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-TPL-001", WARNING, "a template in a field Swarm passes literally")
            .why(
                "advice: nothing is dropped, the value is passed as written, with the template unexpanded")
            .stage("lint")
            .source("moby/swarmkit template/expand.go ExpandContainerSpec")
            .explain(
                """
                Templates are expanded only in `hostname`, environment values, mount sources and
                targets, volume labels and driver options (and in secret/config content with
                `template_driver: golang`). In labels, `command`, `entrypoint`, `user`, ... `{{...}}`
                stays literal.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    labels:
                      node: "{{.Node.Hostname}}"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    environment:
                      NODE: "{{.Node.Hostname}}"
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            literal(name, s)
                                .forEach(
                                    (p, v) -> {
                                      if (v.contains("{{")) {
                                        ctx.report(
                                            p,
                                            "templates are not expanded here; the text stays literal",
                                            "use the template in an environment variable or the hostname");
                                      }
                                    }))),
        rule("SWARM-TPL-002", ERROR, "a template that does not parse or uses unknown fields")
            .stage("M")
            .source(
                "moby/swarmkit template/context.go; controlapi/service.go validateContainerSpec")
            .explain(
                """
                Templates must parse and use only `.Service.ID`, `.Service.Name`, `.Service.Labels`,
                `.Node.ID`, `.Node.Hostname`, `.Node.Platform.OS`, `.Node.Platform.Architecture`,
                `.Task.ID`, `.Task.Name`, `.Task.Slot` (functions `join`, `index` and Go's built-ins):
                `expanding hostname failed: template: ...`.""")
            .failing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{.Node.Name}}"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{.Node.Hostname}}-{{.Task.Slot}}"
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            expanded(name, s)
                                .forEach(
                                    (p, v) -> {
                                      if (v.contains("{{") || v.contains("}}")) {
                                        String problem = Templates.problem(v);
                                        if (problem != null) {
                                          ctx.report(
                                              p,
                                              "expanding failed: " + problem,
                                              "use only the fields of the Swarm template context");
                                        }
                                      }
                                    }))),
        rule("SWARM-TPL-003", ERROR, "an unescaped $ inside a template")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli cli/compose/interpolation/interpolation.go")
            .explain(
                "Interpolation runs first, so every `$` inside a template must be written `$$`: `{{ $.Node.Hostname }}` is an interpolation error (`parse`).")
            .failing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{ $.Node.Hostname }}"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{ $$.Node.Hostname }}"
                """)
            .documentationOnly(),
        rule("SWARM-TPL-004", WARNING, "a variable inside a template was interpolated")
            .stage("N")
            .source("docker/cli cli/compose/template/template.go Substitute")
            .explain(
                """
                `{{ $s := .Task.Slot }}` is interpolated first: `$s` is an (unset) variable and silently
                becomes empty, leaving `{{  := .Task.Slot }}`. Write `$$s`.""")
            .failing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{ $s := .Task.Slot }}w{{ $s }}"
                """)
            .passing(
                """
                version: "3.9"
                services:
                  worker:
                    image: alpine:3.20
                    hostname: "{{ $$s := .Task.Slot }}w{{ $$s }}"
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.TEMPLATE_VARIABLE_INTERPOLATED)) {
                    ctx.report(
                        f.path(),
                        "a $ variable inside a template was replaced by interpolation",
                        "write $$ inside templates");
                  }
                }),
        rule(
                "SWARM-TPL-005",
                ERROR,
                "a templated secret or config names a secret or config the service does not have")
            .stage("A")
            .enforcedBy(Rule.Enforcement.FILES)
            .source("moby/swarmkit template/context.go PayloadContext secretGetter/configGetter")
            .explain(
                """
                In a secret or config with `template_driver: golang`, `{{ secret "x" }}` and
                `{{ config "x" }}` look `x` up among the *targets* of the secrets and configs of the
                service whose task uses the template (the target defaults to the source name). Any
                other name fails the task on every node (`secret target x not found`, `config target x
                not found`), so it never runs. The template file is read relative to the stack file.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    configs: [app_conf]
                configs:
                  app_conf:
                    file: ./app.conf
                    template_driver: golang
                # file: app.conf=password={{ secret "db_password" }}
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    configs: [app_conf]
                    secrets: [db_password]
                configs:
                  app_conf:
                    file: ./app.conf
                    template_driver: golang
                secrets:
                  db_password:
                    file: ./db_password.txt
                # file: app.conf=password={{ secret "db_password" }}
                # file: db_password.txt=s3cret
                """)
            .check(
                ctx ->
                    ctx.baseDir()
                        .ifPresent(
                            dir ->
                                services(
                                    ctx.stack(),
                                    (name, s) -> {
                                      Set<String> secrets = new HashSet<>();
                                      s.secrets()
                                          .forEach(r -> secrets.add(r.target().orElse(r.source())));
                                      Set<String> configs = new HashSet<>();
                                      s.configs()
                                          .forEach(r -> configs.add(r.target().orElse(r.source())));
                                      List<String[]> templated = new ArrayList<>();
                                      for (int i = 0; i < s.secrets().size(); i++) {
                                        Secret sec =
                                            ctx.stack().secrets().get(s.secrets().get(i).source());
                                        if (sec != null
                                            && "golang".equals(sec.templateDriver().orElse(""))
                                            && sec.file().isPresent()) {
                                          templated.add(
                                              new String[] {
                                                "secrets." + s.secrets().get(i).source(),
                                                sec.file().get()
                                              });
                                        }
                                      }
                                      for (int i = 0; i < s.configs().size(); i++) {
                                        Config cfg =
                                            ctx.stack().configs().get(s.configs().get(i).source());
                                        if (cfg != null
                                            && "golang".equals(cfg.templateDriver().orElse(""))
                                            && cfg.file().isPresent()) {
                                          templated.add(
                                              new String[] {
                                                "configs." + s.configs().get(i).source(),
                                                cfg.file().get()
                                              });
                                        }
                                      }
                                      for (String[] t : templated) {
                                        String text = read(dir.resolve(t[1]));
                                        if (text == null) {
                                          continue;
                                        }
                                        Matcher m = PayloadLookup.PATTERN.matcher(text);
                                        while (m.find()) {
                                          String kind = m.group(1);
                                          String target = m.group(2);
                                          if (!(kind.equals("secret") ? secrets : configs)
                                              .contains(target)) {
                                            ctx.report(
                                                path(name) + "." + kind + "s",
                                                "the template of "
                                                    + t[0]
                                                    + " reads "
                                                    + kind
                                                    + " target "
                                                    + target
                                                    + ", which "
                                                    + name
                                                    + " does not have: its task will fail with '"
                                                    + kind
                                                    + " target "
                                                    + target
                                                    + " not found'",
                                                "add "
                                                    + target
                                                    + " to the service's "
                                                    + kind
                                                    + "s, or fix the name in "
                                                    + t[1]);
                                          }
                                        }
                                      }
                                    }))),
        rule(
                "SWARM-TPL-006",
                ERROR,
                "a templated secret or config whose template does not parse or uses unknown fields")
            .stage("A")
            .enforcedBy(Rule.Enforcement.FILES)
            .source("moby/swarmkit template/context.go PayloadContext Expand")
            .explain(
                """
                A secret or config with `template_driver: golang` is expanded when each task starts,
                with the fields of SWARM-TPL-002 and the functions `secret`, `config` and `env`. A
                template that does not parse or names an unknown field fails every task (real Swarm:
                `failed to expand templated config ...: can't evaluate field Nmae`), so it never runs.
                The file is read relative to the stack file; templates with `range` or `with` are not
                checked.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    configs: [app_conf]
                configs:
                  app_conf:
                    file: ./app.conf
                    template_driver: golang
                # file: app.conf=name={{ .Service.Nmae }}
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    configs: [app_conf]
                configs:
                  app_conf:
                    file: ./app.conf
                    template_driver: golang
                # file: app.conf=name={{ .Service.Name }} home={{ env "HOME" }}
                """)
            .check(
                ctx ->
                    ctx.baseDir()
                        .ifPresent(
                            dir -> {
                              Set<String> used = new HashSet<>();
                              ctx.stack()
                                  .services()
                                  .values()
                                  .forEach(
                                      s -> {
                                        s.secrets().forEach(r -> used.add("secrets." + r.source()));
                                        s.configs().forEach(r -> used.add("configs." + r.source()));
                                      });
                              Map<String, String> files = new TreeMap<>();
                              ctx.stack()
                                  .secrets()
                                  .forEach(
                                      (k, v) -> {
                                        if ("golang".equals(v.templateDriver().orElse(""))
                                            && v.file().isPresent()) {
                                          files.put("secrets." + k, v.file().get());
                                        }
                                      });
                              ctx.stack()
                                  .configs()
                                  .forEach(
                                      (k, v) -> {
                                        if ("golang".equals(v.templateDriver().orElse(""))
                                            && v.file().isPresent()) {
                                          files.put("configs." + k, v.file().get());
                                        }
                                      });
                              files.forEach(
                                  (p, file) -> {
                                    String text = used.contains(p) ? read(dir.resolve(file)) : null;
                                    String problem =
                                        text == null ? null : Templates.payloadProblem(text);
                                    if (problem != null) {
                                      ctx.report(
                                          p + ".file",
                                          "the template in "
                                              + file
                                              + " fails every task: "
                                              + problem,
                                          "fix the template (fields: .Service.Name, .Node.Hostname, .Task.Slot, ...; functions: secret, config, env)");
                                    }
                                  });
                            })));
  }

  /**
   * A {@code {{ secret "name" }}} or {@code {{ config "name" }}} lookup in a template, compiled at
   * its first use: a file without templates never loads {@code java.util.regex} (see {@code Rx}).
   */
  private static final class PayloadLookup {
    static final Pattern PATTERN = Pattern.compile("\\{\\{-?\\s*(secret|config)\\s+\"([^\"]*)\"");
  }

  /**
   * Reads a small template file, or returns null when it cannot be read (another rule reports
   * that).
   */
  private static String read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
        return null;
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  /** Used by the tests. */
  static String check(String template) {
    return Templates.problem(template);
  }
}
