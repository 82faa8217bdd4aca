package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading without interpolation ({@link ComposeReader#keepingVariables()}) for editing files in
 * place.
 */
class KeepVariablesTest {
  static final String STACK =
      """
      services:
        web:
          image: "nginx:${TAG:-1.27}"
          command: ["sh", "-c", "echo $$HOME ${GREETING}"]
          environment:
            PRICE: "$$5"
            HOME_DIR: $HOME
          labels:
            traefik.http.routers.web.rule: Host(`${DOMAIN}`)
          ports:
            - "${WEB_PORT:-8080}:80"
            - target: 443
              published: ${TLS_PORT:-${HTTPS_PORT}}
          volumes:
            - ./data/${ENV}:/data
            - db_${ENV:?set ENV}:/var/lib/db
          deploy:
            replicas: 2
      """;

  static final ComposeReader KEEPING = ComposeReader.create().keepingVariables();

  @Test
  void readPatchWriteKeepsEveryVariable() {
    Stack stack = KEEPING.read(STACK, "stack.yml").stack();
    assertThat(stack.variablesKept()).isTrue();
    assertThat(stack.services().get("web").image()).contains("nginx:${TAG:-1.27}");
    assertThat(stack.services().get("web").environment())
        .containsEntry("PRICE", java.util.Optional.of("$$5"));
    Stack patched = stack.copy(s -> s.service("web", w -> w.deploy(d -> d.replicas(3))));
    assertThat(ComposeWriter.forTarget(Target.SWARM).write(patched))
        .isEqualTo(
            """
        version: "3.2"
        services:
          web:
            image: "nginx:${TAG:-1.27}"
            command:
              - sh
              - -c
              - "echo $$HOME ${GREETING}"
            environment:
              HOME_DIR: $HOME
              PRICE: $$5
            ports:
              - target: 80
                published: "${WEB_PORT:-8080}"
                protocol: tcp
                mode: ingress
              - target: 443
                published: "${TLS_PORT:-${HTTPS_PORT}}"
            volumes:
              - type: bind
                source: "./data/${ENV}"
                target: /data
              - type: volume
                source: "db_${ENV:?set ENV}"
                target: /var/lib/db
            deploy:
              replicas: 3
            labels:
              traefik.http.routers.web.rule: "Host(`${DOMAIN}`)"
        """);
  }

  @Test
  void theWrittenFileInterpolatesAsTheOriginalDoes() {
    Map<String, String> env =
        Map.of(
            "TAG",
            "1.28",
            "GREETING",
            "hi",
            "HOME",
            "/root",
            "DOMAIN",
            "example.com",
            "WEB_PORT",
            "8081",
            "HTTPS_PORT",
            "8443",
            "ENV",
            "prod");
    String kept =
        ComposeWriter.forTarget(Target.COMPOSE).write(KEEPING.read(STACK, "stack.yml").stack());
    ComposeReader interpolating = ComposeReader.create().withEnvironment(env);
    assertThat(interpolating.read(kept, "kept.yml").stack())
        .isEqualTo(interpolating.read(STACK, "stack.yml").stack());
  }

  @Test
  void writingIsIdempotent() {
    String once =
        ComposeWriter.forTarget(Target.COMPOSE).write(KEEPING.read(STACK, "stack.yml").stack());
    String twice =
        ComposeWriter.forTarget(Target.COMPOSE).write(KEEPING.read(once, "once.yml").stack());
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void aStackReadWithInterpolationStillEscapesDollars() {
    Stack stack =
        ComposeReader.create()
            .withEnvironment(Map.of("TAG", "1.28", "ENV", "prod"))
            .read(STACK, "stack.yml")
            .stack();
    assertThat(stack.variablesKept()).isFalse();
    assertThat(ComposeWriter.forTarget(Target.COMPOSE).write(stack))
        .contains("image: nginx:1.28", "PRICE: $$5");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      replicas  | '    deploy:\\n      replicas: ${REPLICAS}'         | 4:17 | services.web.deploy.replicas | ${REPLICAS} in 'replicas' when reading without interpolation: it takes an integer
      boolean   | '    read_only: ${RO:-false}'                       | 3:16 | services.web.read_only       | ${RO:-false} in 'read_only' when reading without interpolation: it takes a boolean (true or false)
      duration  | '    stop_grace_period: $GRACE'                     | 3:24 | services.web.stop_grace_period | $GRACE in 'stop_grace_period' when reading without interpolation: its value is parsed when the file is read
      target    | '    ports:\\n      - \"8080:${TARGET}\"'           | 4:9  | services.web.ports[0]       | ${TARGET} in 'ports[0]' when reading without interpolation: only the published port of a short-syntax port can be a variable
      source    | '    volumes:\\n      - ${DATA}:/data'              | 4:9  | services.web.volumes[0]     | ${DATA} in 'volumes[0]' when reading without interpolation: whether the mount is a bind mount or a named volume depends on the variable's value
      command   | '    command: agent -bind=$IP'                      | 3:14 | services.web.command        | $IP in 'command' when reading without interpolation: a command written as one string is split into words after its variables are substituted; quote the variable ("$VAR") or write the command as a list
      """)
  void aTypedKeyThatHoldsAVariableIsAPositionedError(
      String what, String service, String at, String path, String message) {
    // the service's lines start on line 3
    String text =
        "services:\n  web:\n" + service.replace("\\n", "\n") + "\n    image: nginx:1.27\n";
    String[] lc = at.split(":", -1);
    assertThatThrownBy(() -> KEEPING.read(text, "stack.yml"))
        .isInstanceOf(ComposeReadException.class)
        .hasMessage(
            "stack.yml:"
                + lc[0]
                + ":"
                + lc[1]
                + ": error: "
                + path
                + ": cannot keep the variable "
                + message
                + ", so its value must be known; read the file with interpolation (give the variable a value) or write the value "
                + "instead of the variable");
    // with interpolation the same file reads
    ComposeReader.create()
        .withEnvironment(
            Map.of("REPLICAS", "2", "RO", "true", "GRACE", "10s", "TARGET", "80", "DATA", "./data"))
        .read(text, "stack.yml");
  }

  @Test
  void aQuotedVariableInACommandStringAndAFolderVariableInAMountAreKept() {
    Stack stack =
        KEEPING
            .read(
                """
        services:
          web:
            image: nginx:1.27
            command: sh -c "echo $$HOME ${GREETING:-hello world}" --name='$NAME'
            volumes:
              - ${CONFIG}/web:/config:ro
        """,
                "s.yml")
            .stack();
    assertThat(stack.services().get("web").command().orElseThrow())
        .containsExactly("sh", "-c", "echo $$HOME ${GREETING:-hello world}", "--name=$NAME");
    var mount = stack.services().get("web").volumes().get(0);
    assertThat(mount.type()).isEqualTo("bind");
    assertThat(mount.source()).contains("${CONFIG}/web");
    assertThat(mount.target()).contains("/config");
    assertThat(mount.readOnly()).contains(true);
  }

  @Test
  void aDollarThatStartsNoVariableIsStillAnError() {
    assertThatThrownBy(
            () ->
                KEEPING.read(
                    "services:\n  web:\n    image: nginx:1.27\n    command: echo $ 5\n", "s.yml"))
        .isInstanceOf(ComposeReadException.class)
        .hasMessageContaining(
            "s.yml:4:14: error: services.web.command: invalid interpolation format in \"echo $ 5\"");
  }

  @Test
  void aPatchThatWritesAnInvalidTemplateIsRefusedWithItsPath() {
    Stack stack = KEEPING.read(STACK, "stack.yml").stack();
    Stack patched =
        stack.copy(
            s -> s.service("web", w -> w.putEnvironment("COST", java.util.Optional.of("5$"))));
    assertThatThrownBy(() -> ComposeWriter.forTarget(Target.COMPOSE).write(patched))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "services.web.environment.COST: invalid interpolation format in \"5$\": '$' must start $VAR or ${VAR...}; "
                + "write $$ for a literal $ (the stack keeps its variables: its strings are Compose templates)");
  }
}
