package io.compose4j.dsl;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.gib;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;
import static io.compose4j.dsl.Placements.MANAGER;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;
import static io.compose4j.model.UpdateConfig.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.model.Deploy;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeDslTest {
  static Stack cloudmart() {
    return Compose.stack(
        "cloudmart",
        s -> {
          var dbPassword = s.externalSecret("db_password");
          var backend = s.network("backend_network", n -> n.overlay().attachable(true));
          s.service(
              "backend",
              svc ->
                  svc.image("cloudmart/backend:1.4.2")
                      .deploy(
                          d ->
                              d.replicas(5)
                                  .updateConfig(
                                      u ->
                                          u.parallelism(2)
                                              .delay(seconds(10))
                                              .failureAction(ROLLBACK))
                                  .placement(
                                      p ->
                                          p.constraint(node.role().eq(WORKER))
                                              .spread(node.label("zone")))
                                  .resources(
                                      r ->
                                          r.limits(cpus("2"), gib(4))
                                              .reservations(cpus("1"), gib(2))))
                      .healthcheck(
                          h ->
                              h.test("CMD", "curl", "-f", "http://localhost:3000/health")
                                  .interval(seconds(30))
                                  .retries(3))
                      .network(backend)
                      .secret(dbPassword));
        });
  }

  @Test
  void theDslReadsLikeTheYamlItWrites() {
    String yaml = ComposeWriter.forTarget(Target.SWARM).write(cloudmart());
    assertThat(yaml)
        .isEqualTo(
            """
        version: "3.3"
        services:
          backend:
            image: cloudmart/backend:1.4.2
            networks:
              backend_network: null
            secrets:
              - source: db_password
            healthcheck:
              test:
                - CMD
                - curl
                - -f
                - http://localhost:3000/health
              interval: 30s
              retries: 3
            deploy:
              replicas: 5
              placement:
                constraints:
                  - node.role == worker
                preferences:
                  - spread: node.labels.zone
              resources:
                limits:
                  cpus: "2"
                  memory: 4G
                reservations:
                  cpus: "1"
                  memory: 2G
              update_config:
                parallelism: 2
                delay: 10s
                failure_action: rollback
        networks:
          backend_network:
            driver: overlay
            attachable: true
        secrets:
          db_password:
            external: true
        """);
    Stack back = ComposeReader.create().read(yaml, "out.yml").stack();
    assertThat(back.version()).contains("3.3");
    assertThat(back.toBuilder().version(java.util.Optional.empty()).build())
        .isEqualTo(cloudmart().toBuilder().name(java.util.Optional.empty()).build());
  }

  @Test
  void portsFromTheDslEqualTheShortSyntax() {
    Stack dsl =
        Compose.stack(
            "p",
            s ->
                s.service(
                    "web",
                    w ->
                        w.image("nginx:1.25").port(8080, 80).port(53, 53, p -> p.protocol("udp"))));
    Stack yaml =
        ComposeReader.create()
            .readStack(
                "name: p\nservices:\n  web:\n    image: nginx:1.25\n    ports: [\"8080:80\", \"53:53/udp\"]\n");
    assertThat(dsl).isEqualTo(yaml);
  }

  @Nested
  class Patching {
    @Test
    void copyPatchesAServiceInsteadOfReplacingIt() {
      Stack stack = cloudmart();
      Stack scaled = stack.copy(s -> s.service("backend", w -> w.replicas(7)));
      Deploy deploy = scaled.services().get("backend").deploy().orElseThrow();
      assertThat(deploy.replicas()).hasValue(7);
      assertThat(deploy.updateConfig())
          .isEqualTo(stack.services().get("backend").deploy().orElseThrow().updateConfig());
      assertThat(scaled.services().get("backend").image()).contains("cloudmart/backend:1.4.2");
      assertThat(scaled.services().get("backend").healthcheck()).isPresent();
      assertThat(scaled.networks()).isEqualTo(stack.networks());
    }

    @Test
    void nestedConsumersPatchTheirSection() {
      Stack stack = cloudmart();
      Stack changed =
          stack.copy(
              s -> s.service("backend", w -> w.deploy(d -> d.updateConfig(u -> u.parallelism(1)))));
      var update =
          changed.services().get("backend").deploy().orElseThrow().updateConfig().orElseThrow();
      assertThat(update.parallelism()).hasValue(1);
      assertThat(update.delay()).contains(seconds(10));
      assertThat(update.failureAction()).contains(ROLLBACK);
    }

    @Test
    void composePatchUsesTheStacksHandles() {
      Stack patched =
          Compose.patch(
              cloudmart(),
              s -> {
                var backend = s.networkRef("backend_network");
                var dbPassword = s.secretRef("db_password");
                s.addService(
                    "worker",
                    w -> w.image("cloudmart/worker:1.4.2").network(backend).secret(dbPassword));
                s.service("backend", b -> b.replicas(2));
              });
      assertThat(patched.services()).containsOnlyKeys("backend", "worker");
      assertThat(patched.services().get("backend").deploy().orElseThrow().replicas()).hasValue(2);
      assertThat(patched.services().get("backend").secrets()).hasSize(1);
      assertThat(References.dangling(patched)).isEmpty();
      assertThatThrownBy(() -> Compose.patch(cloudmart(), s -> s.networkRef("nope")))
          .hasMessageContaining("no network 'nope' is declared");
    }
  }

  @Nested
  class References_ {
    @Test
    void handlesOfAnotherStackAreRefused() {
      NetworkRef[] foreign = new NetworkRef[1];
      Compose.stack("a", s -> foreign[0] = s.network("net"));
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "b",
                      s -> {
                        s.network("net");
                        s.service("x", x -> x.image("alpine:3.20").network(foreign[0]));
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the network handle 'net' belongs to another stack");
    }

    @Test
    void danglingReferencesThroughTheEscapeHatchFailTheBuild() {
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "a",
                      s ->
                          s.service(
                              "x",
                              x ->
                                  x.image("alpine:3.20")
                                      .with(
                                          b ->
                                              b.addSecret(
                                                  ServiceSecret.builder()
                                                      .source("nowhere")
                                                      .build())))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "service 'x' refers to the secret 'nowhere' that the stack does not declare; "
                  + "declare it on the stack and use the handle it returns");
    }

    @Test
    void declaringTwiceIsAnError() {
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "a",
                      s -> {
                        s.volume("data");
                        s.volume("data");
                      }))
          .hasMessage("the volume 'data' is declared twice");
    }

    @Test
    void declaringAServiceTwiceIsAnError() {
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "a",
                      s -> {
                        s.service("x", x -> x.image("alpine:3.20").replicas(2));
                        s.service("x", x -> x.env("A", "1"));
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the service 'x' is declared twice");
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "a",
                      s -> {
                        s.service("x", x -> x.image("alpine:3.20"));
                        s.addService("x", x -> x.env("A", "1"));
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the service 'x' is declared twice");
    }

    @Test
    void patchingAServiceThatDoesNotExistNamesTheKnownOnes() {
      assertThatThrownBy(
              () -> Compose.patch(cloudmart(), s -> s.service("backnd", b -> b.replicas(2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no service 'backnd' to patch; the stack has the services [backend]; check the name, "
                  + "or add a new service with addService(\"backnd\", ...)");
    }

    @Test
    void addingAServiceThatExistsInAPatchIsAnError() {
      assertThatThrownBy(
              () -> Compose.patch(cloudmart(), s -> s.addService("backend", b -> b.replicas(2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the service 'backend' is declared twice; patch the existing service with service(\"backend\", ...)");
    }

    @Test
    void aPatchCanAddAServiceAndThenChangeIt() {
      Stack patched =
          Compose.patch(
              cloudmart(),
              s -> {
                s.addService("worker", w -> w.image("cloudmart/worker:1.4.2"));
                s.service("worker", w -> w.replicas(3));
              });
      assertThat(patched.services().get("worker").image()).contains("cloudmart/worker:1.4.2");
      assertThat(patched.services().get("worker").deploy().orElseThrow().replicas()).hasValue(3);
    }
  }

  @Nested
  class StackCopy {
    @Test
    void copyPatchingAMisspeltServiceFailsAndNamesTheKnownServices() {
      assertThatThrownBy(() -> cloudmart().copy(s -> s.service("backnd", b -> b.image("x:1"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no service 'backnd' to patch; the stack has the services [backend]; check the name, "
                  + "or add a new service with addService(\"backnd\", ...)");
      assertThatThrownBy(
              () -> cloudmart().copy(s -> s.network("backend_netwrk", n -> n.attachable(false))))
          .hasMessageStartingWith(
              "no network 'backend_netwrk' to patch; the stack has the networks [backend_network]");
    }

    @Test
    void copyAddsServicesOnlyThroughAddService() {
      Stack copy =
          cloudmart()
              .copy(
                  s ->
                      s.addService("worker", w -> w.image("cloudmart/worker:1.4.2"))
                          .service("worker", w -> w.image("cloudmart/worker:1.4.3")));
      assertThat(copy.services()).containsOnlyKeys("backend", "worker");
      assertThat(copy.services().get("worker").image()).contains("cloudmart/worker:1.4.3");
      assertThatThrownBy(() -> cloudmart().copy(s -> s.addService("backend", w -> w.image("x:1"))))
          .hasMessage(
              "the service 'backend' is declared twice; patch it with service(\"backend\", ...)");
    }

    @Test
    void aFreshBuilderStillCreatesWithService() {
      Stack built = Stack.builder().service("x", x -> x.image("alpine:3.20")).build();
      assertThat(built.services()).containsOnlyKeys("x");
    }
  }

  @Nested
  class Hashing {
    @TempDir Path dir;

    @Test
    void hashedNamesChangeWithTheContentOnly() throws IOException {
      Files.writeString(dir.resolve("pw.txt"), "s3cret");
      Files.writeString(dir.resolve("pw2.txt"), "s3cret");
      Stack a = Compose.stack("a", s -> s.baseDir(dir).hashedSecret("db_password", "pw.txt"));
      Stack b = Compose.stack("a", s -> s.baseDir(dir).hashedSecret("db_password", "pw2.txt"));
      String name = a.secrets().get("db_password").name().orElseThrow();
      assertThat(name).matches("db_password_[0-9a-f]{12}");
      assertThat(b.secrets().get("db_password").name()).contains(name);
      Files.writeString(dir.resolve("pw.txt"), "changed");
      Stack c = Compose.stack("a", s -> s.baseDir(dir).hashedSecret("db_password", "pw.txt"));
      assertThat(c.secrets().get("db_password").name().orElseThrow())
          .isNotEqualTo(name)
          .startsWith("db_password_");
      assertThat(c.secrets().get("db_password").file()).contains("pw.txt");
    }

    @Test
    void aMissingFileIsAClearError() {
      assertThatThrownBy(
              () -> Compose.stack("a", s -> s.baseDir(dir).hashedConfig("conf", "missing.conf")))
          .hasMessageContaining("cannot read")
          .hasMessageContaining("missing.conf")
          .hasMessageEndingWith(
              "to hash its content; check the path and baseDir, give the hash with "
                  + "hashedSecret/hashedConfig(key, file, sha256), or build the stack inside "
                  + "Compose.withPlaceholderHashes(...) in a test");
    }

    @Test
    void aSuppliedHashNamesTheSecretWithoutReadingTheFile() {
      Stack a =
          Compose.stack(
              "a",
              s -> {
                s.baseDir(dir).hashedSecret("db_password", "missing.txt", "3F2A9C81B0DE77aa00");
                s.hashedConfig("conf", "missing.conf", "0123456789abcdef");
              });
      assertThat(a.secrets().get("db_password").name()).contains("db_password_3f2a9c81b0de");
      assertThat(a.secrets().get("db_password").file()).contains("missing.txt");
      assertThat(a.configs().get("conf").name()).contains("conf_0123456789ab");
    }

    @Test
    void aSuppliedHashMustLookLikeOne() {
      assertThatThrownBy(
              () -> Compose.stack("a", s -> s.hashedSecret("db_password", "pw.txt", "v2")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the hash given for 'db_password' is not a SHA-256 in hexadecimal: \"v2\"; "
                  + "give at least its first 12 hex digits (sha256sum FILE | cut -c1-12)");
    }

    @Test
    void placeholderHashesNeedNoFileAndEndWithTheCall() throws IOException {
      Stack test =
          Compose.withPlaceholderHashes(
              () ->
                  Compose.stack(
                      "a",
                      s -> {
                        s.baseDir(dir).hashedSecret("db_password", "missing.txt");
                        s.hashedConfig("conf", "missing.conf");
                      }));
      assertThat(test.secrets().get("db_password").name()).contains("db_password_placeholder");
      assertThat(test.configs().get("conf").name()).contains("conf_placeholder");
      // outside the call the real file is read again: no silent fallback
      assertThatThrownBy(
              () ->
                  Compose.stack(
                      "a", s -> s.baseDir(dir).hashedSecret("db_password", "missing.txt")))
          .hasMessageContaining("cannot read");
      Files.writeString(dir.resolve("pw.txt"), "s3cret");
      Stack real = Compose.stack("a", s -> s.baseDir(dir).hashedSecret("db_password", "pw.txt"));
      assertThat(real.secrets().get("db_password").name().orElseThrow())
          .matches("db_password_[0-9a-f]{12}");
    }
  }

  @Test
  void declarationsRememberTheirJavaLine() {
    int[] lines = new int[2]; // the lines of s.network("front") and s.addService("api") below
    Stack stack =
        Compose.stack(
            "a",
            s -> {
              lines[0] = new Throwable().getStackTrace()[0].getLineNumber() + 1;
              var net = s.network("front");
              s.service("web", w -> w.image("nginx:1.27").network(net));
            });
    String here =
        "io.compose4j.dsl.ComposeDslTest.declarationsRememberTheirJavaLine(ComposeDslTest.java:";
    int line = lines[0];
    assertThat(stack.declaredAt())
        .containsExactly(
            java.util.Map.entry("networks.front", here + line + ")"),
            java.util.Map.entry("services.web", here + (line + 1) + ")"));
    assertThat(stack.declarationOf("services.web.deploy.replicas"))
        .contains(here + (line + 1) + ")");
    assertThat(stack.declarationOf("volumes.data")).isEmpty();
    Stack patched =
        Compose.patch(
            stack,
            s -> {
              s.service("web", w -> w.replicas(2));
              lines[1] = new Throwable().getStackTrace()[0].getLineNumber() + 1;
              s.addService("api", a -> a.image("nginx:1.27"));
            });
    assertThat(patched.declaredAt())
        .containsEntry("services.web", here + (line + 1) + ")")
        .containsEntry("services.api", here + lines[1] + ")");
    assertThat(patched.equals(patched.toBuilder().declaredAt(java.util.Map.of()).build())).isTrue();
  }

  @Test
  void presetsArePlainConsumers() {
    var production =
        Presets.rollingUpdate(2, seconds(10))
            .andThen(Presets.restartOnFailure(3, seconds(120)))
            .andThen(Presets.limits(cpus("1"), mib(512)));
    Stack stack =
        Compose.stack(
            "a",
            s ->
                s.service(
                    "x",
                    x ->
                        x.image("alpine:3.20")
                            .deploy(production)
                            .logging(Presets.rotatedJsonLogs(mib(10), 3))));
    Deploy d = stack.services().get("x").deploy().orElseThrow();
    assertThat(d.updateConfig().orElseThrow().failureAction()).contains(ROLLBACK);
    assertThat(d.restartPolicy().orElseThrow().maxAttempts()).hasValue(3);
    assertThat(d.resources().orElseThrow().reservations().orElseThrow().memory())
        .contains(mib(256));
    assertThat(stack.services().get("x").logging().orElseThrow().options())
        .containsEntry("max-size", java.util.Optional.of("10m"));
  }

  @Test
  void templatesAndManagersReadNaturally() {
    Stack stack =
        Compose.stack(
            "a",
            s ->
                s.service(
                    "db",
                    x ->
                        x.image("patroni/patroni:3.3.2")
                            .env("PATRONI_NAME", Template.nodeHostname())
                            .deploy(
                                d ->
                                    d.placement(
                                        p ->
                                            p.constraint(node.role().eq(MANAGER))
                                                .constraint(node.label("db").ne("no"))))));
    var c =
        stack.services().get("db").deploy().orElseThrow().placement().orElseThrow().constraints();
    assertThat(c)
        .extracting(Object::toString)
        .containsExactly("node.role == manager", "node.labels.db != no");
    assertThat(stack.services().get("db").environment().get("PATRONI_NAME"))
        .contains("{{.Node.Hostname}}");
  }
}
