package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.internal.Rx;
import java.util.List;
import java.util.Map;

/** SWARM-NAME: names, lengths, character sets, stack namespacing. */
final class NameRules {
  private static final Rx ONLY_QUOTES_AND_SPACES = Rx.compile("[\\s\"']*");

  private NameRules() {}

  private static final Rx KEY = Rx.compile("^[a-zA-Z0-9._-]+$");

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-NAME-001", ERROR, "the stack name is empty")
            .stage("D")
            .source("docker/cli cli/command/stack/common.go validateStackName")
            .explain(
                "`docker stack deploy` refuses an empty stack name, or one of only whitespace or quotes: `invalid stack name`.")
            .failing(
                """
                # stack: " "
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                """)
            .passing(
                """
                # stack: shop
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                """)
            .check(
                ctx ->
                    ctx.stackName()
                        .filter(n -> ONLY_QUOTES_AND_SPACES.matches(n))
                        .ifPresent(
                            n ->
                                ctx.report(
                                    "",
                                    "invalid stack name: \"" + n + "\"",
                                    "give the stack a name: docker stack deploy -c FILE NAME"))),
        rule("SWARM-NAME-002", ERROR, "a service name is not a valid DNS name component")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/common.go validateAnnotations")
            .explain(
                """
                Services are named `<stack>_<service>`; the full name must match
                `^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$`: no dots, no leading or trailing `-` or `_`
                (`name must be valid as a DNS name component`).""")
            .failing(
                """
                version: "3.9"
                services:
                  api.v2:
                    image: nginx:1.25
                """)
            .passing(
                """
                version: "3.9"
                services:
                  api-v2:
                    image: nginx:1.25
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .services()
                        .keySet()
                        .forEach(
                            name -> {
                              String full = ctx.stackName().orElse("st") + "_" + name;
                              if (!Checks.DNS_COMPONENT.matches(full)) {
                                ctx.report(
                                    "services." + name,
                                    "the service name "
                                        + full
                                        + " must be valid as a DNS name component",
                                    "use letters, digits, '-' and '_' only, starting and ending with a letter or digit");
                              }
                            })),
        rule("SWARM-NAME-003", ERROR, "a service name is longer than 63 characters")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/common.go validateAnnotations")
            .explain(
                "`<stack>_<service>` must be at most 63 characters: `name must be 63 characters or fewer`.")
            .failing(
                """
                # stack: st
                version: "3.9"
                services:
                  a-service-name-that-is-far-too-long-for-a-swarm-dns-label-here:
                    image: nginx:1.25
                """)
            .passing(
                """
                # stack: st
                version: "3.9"
                services:
                  short-name:
                    image: nginx:1.25
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .services()
                        .keySet()
                        .forEach(
                            name -> {
                              String full = ctx.stackName().orElse("st") + "_" + name;
                              if (full.length() > 63) {
                                ctx.report(
                                    "services." + name,
                                    "the service name "
                                        + full
                                        + " must be 63 characters or fewer ("
                                        + full.length()
                                        + ")",
                                    "shorten the stack or service name");
                              }
                            })),
        rule(
                "SWARM-NAME-004",
                ERROR,
                "a key of services, volumes, secrets or configs has invalid characters")
            .stage("S")
            .source("docker/cli config_schema_v3.X.json patternProperties")
            .explain(
                """
                Keys under `services`, `volumes`, `secrets` and `configs` must match `^[a-zA-Z0-9._-]+$`
                (`services Additional property my service is not allowed`). Network keys are not
                checked by the schema; an invalid one is a warning.""")
            .failing(
                """
                version: "3.9"
                services:
                  "my service":
                    image: nginx:1.25
                """)
            .passing(
                """
                version: "3.9"
                services:
                  my-service:
                    image: nginx:1.25
                """)
            .check(
                ctx -> {
                  keys(ctx, "services", ctx.stack().services());
                  keys(ctx, "volumes", ctx.stack().volumes());
                  keys(ctx, "secrets", ctx.stack().secrets());
                  keys(ctx, "configs", ctx.stack().configs());
                  ctx.stack().networks().keySet().stream()
                      .filter(k -> !KEY.matches(k))
                      .forEach(
                          k ->
                              ctx.report(
                                  WARNING,
                                  "networks." + k,
                                  "the network key '"
                                      + k
                                      + "' has characters other than [a-zA-Z0-9._-]",
                                  "rename it"));
                }),
        rule("SWARM-NAME-005", WARNING, "names are scoped by the stack")
            .stage("N")
            .source("docker/cli cli/compose/convert/compose.go Namespace.Scope")
            .explain(
                """
                Services, networks, volumes, secrets and configs become `<stack>_<key>` unless `name:` is
                set or the object is external; `name:` is used verbatim (shared by every stack that uses
                it); every object gets the label `com.docker.stack.namespace=<stack>`, and services
                without networks join `<stack>_default`.""")
            .documentationOnly());
  }

  private static void keys(RuleContext ctx, String section, Map<String, ?> map) {
    map.keySet().stream()
        .filter(k -> !KEY.matches(k))
        .forEach(
            k ->
                ctx.report(
                    section + "." + k,
                    section + " Additional property " + k + " is not allowed",
                    "use only [a-zA-Z0-9._-] in keys"));
  }
}
