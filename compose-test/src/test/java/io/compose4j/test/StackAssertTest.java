package io.compose4j.test;

import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Placements.MANAGER;
import static io.compose4j.dsl.Placements.node;
import static io.compose4j.test.ComposeAssertions.assertThat;
import static io.compose4j.test.ComposeAssertions.assertThatStackFile;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackAssertTest {
  static Stack shop() {
    return Compose.stack(
        "shop",
        s -> {
          var front = s.network("front", n -> n.overlay());
          var dbPassword = s.externalSecret("db_password");
          var data = s.volume("data");
          s.service(
              "web",
              w ->
                  w.image("nginx:1.25")
                      .replicas(2)
                      .port(443, 8443)
                      .network(front)
                      .healthcheck(h -> h.test("CMD", "true"))
                      .deploy(
                          d ->
                              d.placement(p -> p.constraint(node.role().eq(MANAGER)))
                                  .resources(
                                      r ->
                                          r.limits(
                                              io.compose4j.dsl.Compose.cpus("0.5"), mib(256)))));
          s.service(
              "db",
              db ->
                  db.image("postgres:16.3")
                      .secret(dbPassword)
                      .volume(data, "/var/lib/postgresql/data")
                      .env("POSTGRES_PASSWORD_FILE", "/run/secrets/db_password")
                      .network(front));
        });
  }

  @Nested
  class Passing {
    @Test
    void everyAssertionHoldsOnAStackBuiltInCode() {
      assertThat(shop())
          .hasServices("web", "db")
          .declaresNetwork("front")
          .declaresSecret("db_password")
          .declaresVolume("data")
          .isValid()
          .service("web")
          .hasImage("nginx:1.25")
          .hasReplicas(2)
          .isConstrainedTo("node.role==manager")
          .publishes(443)
          .publishes(443, 8443)
          .isAttachedTo("front")
          .hasHealthcheck()
          .hasMemoryLimitAtMost("512M")
          .hasMemoryLimitAtMost("256M")
          .hasCpuLimitAtMost("1")
          .hasRestartCondition("any")
          .and()
          .service("db")
          .usesSecret("db_password")
          .mountsVolume("data", "/var/lib/postgresql/data")
          .hasEnvironment("POSTGRES_PASSWORD_FILE", "/run/secrets/db_password")
          .publishesNoPorts()
          .hasReplicas(1);
    }
  }

  @Nested
  class FailureMessages {
    @Test
    void aMissingServiceListsTheServices() {
      assertThatThrownBy(() -> assertThat(shop()).service("api"))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              "Expecting the stack to have a service \"api\"\nbut its services are [web, db]");
    }

    @Test
    void wrongReplicasShowThePathAndTheCanonicalYaml() {
      assertThatThrownBy(() -> assertThat(shop()).service("web").hasReplicas(3))
          .hasMessageStartingWith(
              "Expecting service \"web\" to have 3 replicas\nbut it has 2 (services.web.deploy.replicas)\n"
                  + "  declared at io.compose4j.test.StackAssertTest.shop(StackAssertTest.java:"
                  + lineAfter("static Stack shop()", "s.service(")
                  + ")\n"
                  + "  at <canonical YAML>:")
          .hasMessageContaining("> ")
          .hasMessageContaining("|       replicas: 2");
    }

    @Test
    void findingsOfADslStackNameTheJavaLineThatDeclaredTheService() {
      Stack broken =
          Compose.stack(
              "shop",
              s -> {
                s.network("front");
                s.service(
                    "api",
                    api ->
                        api.image("nginx:1.27")
                            .deploy(d -> d.resources(r -> r.limits(Compose.cpus("1"), mib(-5)))));
              });
      String method = "findingsOfADslStackNameTheJavaLineThatDeclaredTheService";
      String prefix =
          "io.compose4j.test.StackAssertTest$FailureMessages." + method + "(StackAssertTest.java:";
      String site = prefix + lineAfter("void " + method, "s.service(") + ")";
      org.assertj.core.api.Assertions.assertThat(broken.declaredAt())
          .containsEntry("services.api", site)
          .containsEntry(
              "networks.front", prefix + lineAfter("void " + method, "s.network(") + ")");
      assertThatThrownBy(() -> assertThat(broken).validate().hasNoErrors())
          // the canonical YAML writes a negative size as an integer, which reads back (issue 14):
          // the excerpt follows
          .hasMessage(
              "Expecting no validation errors but found 1:\n"
                  + "- error SWARM-RES-004 at services.api.deploy.resources.limits.memory: "
                  + "invalid memory value -5MiB: Must be at least 4MiB\n    declared at "
                  + site
                  + "\n"
                  + "    at <canonical YAML>:9:11\n"
                  + "    > 9 |           memory: -5242880");
      var report = io.compose4j.validate.StackValidator.forTarget(Target.SWARM).validate(broken);
      assertThatThrownBy(report::throwIfErrors)
          .hasMessageContaining(
              "invalid memory value -5MiB: Must be at least 4MiB\n  hint: use 0 or at least 4M\n"
                  + "  declared at "
                  + site);
      assertThatThrownBy(
              () ->
                  io.compose4j.yaml.ComposeWriter.forTarget(Target.SWARM)
                      .validating(io.compose4j.validate.StackValidator.forTarget(Target.SWARM))
                      .write(broken))
          .hasMessageContaining("  declared at " + site);
      // equality ignores where a stack was declared
      org.assertj.core.api.Assertions.assertThat(broken)
          .isEqualTo(broken.toBuilder().declaredAt(java.util.Map.of()).build());
    }

    @Test
    void aReplicaCountThatIsNotWrittenSaysSo() {
      assertThatThrownBy(() -> assertThat(shop()).service("db").hasReplicas(2))
          .hasMessageContaining(
              "but deploy.replicas is not set (Swarm runs 1) (services.db.deploy.replicas)");
    }

    @Test
    void portsSecretsConstraintsAndLimitsSayWhatIsThere() {
      Stack stack = shop();
      assertThatThrownBy(() -> assertThat(stack).service("web").publishes(80))
          .hasMessageContaining(
              "Expecting service \"web\" to publish port 80\nbut it publishes [443->8443/tcp] (services.web.ports)")
          .hasMessageContaining("|     ports:");
      assertThatThrownBy(() -> assertThat(stack).service("web").usesSecret("tls_key"))
          .hasMessageContaining(
              "to use secret tls_key\nbut it uses no secrets (services.web.secrets)");
      assertThatThrownBy(
              () -> assertThat(stack).service("web").isConstrainedTo("node.role == worker"))
          .hasMessageContaining(
              "to be constrained to node.role == worker\nbut its constraints are [node.role == manager]");
      assertThatThrownBy(() -> assertThat(stack).service("web").hasMemoryLimitAtMost("128M"))
          .hasMessageContaining(
              "to have a memory limit of at most 128M\nbut its limit is 256M (services.web.deploy.resources.limits.memory)")
          .hasMessageContaining("memory: 256M");
      assertThatThrownBy(() -> assertThat(stack).service("db").hasMemoryLimitAtMost("128M"))
          .hasMessageContaining("but it has no memory limit");
      assertThatThrownBy(() -> assertThat(stack).service("db").hasHealthcheck())
          .hasMessageContaining(
              "Expecting service \"db\" to have a health check\nbut it has none (services.db)");
      assertThatThrownBy(() -> assertThat(stack).service("db").isGlobal())
          .hasMessageContaining("to be global\nbut its mode is replicated");
      assertThatThrownBy(() -> assertThat(stack).service("db").hasEnvironment("PGDATA", "/data"))
          .hasMessageContaining("to set PGDATA=/data\nbut PGDATA is not set");
      assertThatThrownBy(() -> assertThat(stack).hasServices("web", "cache", "queue"))
          .hasMessage(
              "Expecting the stack to have services [web, cache, queue]\nbut [cache, queue] are missing; its services are [web, db]");
    }
  }

  @Nested
  class FromAFile {
    @TempDir Path dir;

    Path write(String name, String yaml) throws IOException {
      Path f = dir.resolve(name);
      Files.writeString(f, yaml, StandardCharsets.UTF_8);
      return f;
    }

    @Test
    void failuresQuoteTheUsersOwnLinesWithTheirNumbers() throws IOException {
      Path f =
          write(
              "stack.yml",
              """
          version: "3.9"
          services:
            web:
              image: nginx:1.25
              deploy:
                replicas: 2
                update_config:
                  parallelism: 1
            db:
              image: postgres:16.3
          """);
      assertThatThrownBy(() -> assertThatStackFile(f).service("web").hasReplicas(4))
          .hasMessage(
              "Expecting service \"web\" to have 4 replicas\nbut it has 2 (services.web.deploy.replicas)\n"
                  + "  at "
                  + f
                  + ":6:7\n"
                  + "  > 6 |       replicas: 2");
      assertThatThrownBy(() -> assertThatStackFile(f).service("web").isGlobal())
          .hasMessage(
              "Expecting service \"web\" to be global\nbut its mode is replicated (services.web.deploy.mode)\n"
                  + "  at "
                  + f
                  + ":5:5\n"
                  + "  > 5 |     deploy:\n"
                  + "    6 |       replicas: 2\n"
                  + "    7 |       update_config:\n"
                  + "    8 |         parallelism: 1");
    }

    @Test
    void anUnreadableFileFailsWithThePositionedReason() throws IOException {
      Path f =
          write("bad.yml", "services:\n  web:\n    image: nginx\n    deploy:\n      replica: 2\n");
      assertThatThrownBy(() -> assertThatStackFile(f))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              "cannot read the stack file: "
                  + f
                  + ":5:7: error: services.web.deploy.replica: unknown key 'replica' in "
                  + "services.web.deploy; did you mean 'replicas'?");
      assertThatThrownBy(() -> assertThatStackFile(dir.resolve("none.yml")))
          .hasMessageStartingWith(
              "cannot read the stack file " + dir.resolve("none.yml") + ": no such file");
    }

    @Test
    void validationUsesTheFilesFolderForSecretFiles() throws IOException {
      write("token.txt", "s3cret\n");
      Path f =
          write(
              "stack.yml",
              """
          version: "3.9"
          services:
            api:
              image: nginx:1.25
              secrets: [token]
          secrets:
            token:
              file: ./token.txt
          """);
      assertThatStackFile(f).isValid().service("api").usesSecret("token");
      Files.delete(dir.resolve("token.txt"));
      assertThatThrownBy(() -> assertThatStackFile(f).isValid())
          .hasMessageContaining("Expecting no validation errors but found 1:")
          .hasMessageContaining("- error SWARM-REF-007 at secrets.token");
    }
  }

  @Nested
  class Validation {
    static final String BROKEN =
        """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            networks: [back]
            deploy:
              replicas: -1
        """;

    Path file(Path dir) throws IOException {
      Path f = dir.resolve("broken.yml");
      Files.writeString(f, BROKEN, StandardCharsets.UTF_8);
      return f;
    }

    @Test
    void errorsAreFoundAtTheirPath(@TempDir Path dir) throws IOException {
      assertThatStackFile(file(dir))
          .validate()
          .hasError("SWARM-REF-001")
          .at("services.web.networks")
          .withMessageContaining("undefined network \"back\"")
          .and()
          .hasError("SWARM-MODE-006")
          .at("services.web.deploy")
          .and()
          .doesNotReport("SWARM-EP-007");
    }

    @Test
    void hasNoErrorsListsEachErrorWithItsYaml(@TempDir Path dir) throws IOException {
      Path f = file(dir);
      assertThatThrownBy(() -> assertThatStackFile(f).validate().hasNoErrors())
          .hasMessageContaining("Expecting no validation errors but found 2:")
          .hasMessageContaining(
              "- error SWARM-REF-001 at services.web.networks.back: service web: undefined network \"back\"")
          .hasMessageContaining("    at " + f + ":5:5\n    > 5 |     networks: [back]")
          .hasMessageContaining(
              "- error SWARM-MODE-006 at services.web.deploy.replicas: replicas must not be negative (got -1)");
    }

    @Test
    void aRuleAtTheWrongPathOrMissingFails(@TempDir Path dir) throws IOException {
      Path f = file(dir);
      assertThatThrownBy(
              () -> assertThatStackFile(f).validate().hasError("SWARM-REF-001").at("services.db"))
          .hasMessageStartingWith(
              "Expecting SWARM-REF-001 at services.db\nbut it is reported at:\n- error SWARM-REF-001 at services.web.networks.back");
      assertThatThrownBy(() -> assertThatStackFile(f).validate().hasError("SWARM-EP-007"))
          .hasMessageStartingWith("Expecting an error SWARM-EP-007\nbut the report has these:\n- ");
      assertThatThrownBy(() -> assertThatStackFile(f).validate().hasWarning("SWARM-MODE-006"))
          .hasMessageStartingWith("Expecting a warning SWARM-MODE-006");
      assertThatThrownBy(
              () -> assertThat(shop()).validate(Target.SWARM).doesNotReport("LINT-NO-HEALTHCHECK"))
          .hasMessageContaining(
              "Expecting no LINT-NO-HEALTHCHECK diagnostic but found:\n- info LINT-NO-HEALTHCHECK at services.db");
    }

    @Test
    void aReportFromTheValidatorCanBeCheckedDirectly() {
      var report = io.compose4j.validate.StackValidator.forTarget(Target.SWARM).validate(shop());
      assertThat(report).hasNoErrors().hasNoWarnings();
    }
  }

  /**
   * The 1-based line of this test's source that holds {@code needle}, first after {@code anchor}:
   * the declaration sites the DSL records are Java lines of this file.
   */
  static int lineAfter(String anchor, String needle) {
    try {
      java.util.List<String> lines =
          java.nio.file.Files.readAllLines(
              java.nio.file.Path.of("src/test/java/io/compose4j/test/StackAssertTest.java"));
      int i = 0;
      while (!lines.get(i).contains(anchor)) {
        i++;
      }
      while (!lines.get(i).contains(needle)) {
        i++;
      }
      return i + 1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
