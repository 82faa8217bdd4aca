package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.compose4j.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --cluster docker}, {@code validate --cluster FILE|docker}, against a fake engine on a
 * local port.
 */
class ClusterOptionTest {
  @TempDir Path dir;

  HttpServer engine;

  static final Map<String, String> ANSWERS =
      Map.of(
          "/info", "{\"Swarm\":{\"LocalNodeState\":\"active\",\"ControlAvailable\":true}}",
          "/nodes",
              """
          [{"ID":"id1","Spec":{"Role":"manager","Availability":"active","Labels":{"zone":"a"}},
            "Description":{"Hostname":"live-1","Platform":{"Architecture":"x86_64","OS":"linux"},
              "Resources":{"NanoCPUs":2000000000,"MemoryBytes":8589934592},"Engine":{"EngineVersion":"24.0.7"}}},
           {"ID":"id2","Spec":{"Role":"worker","Availability":"active","Labels":{"zone":"b"}},
            "Description":{"Hostname":"live-2","Platform":{"Architecture":"x86_64","OS":"linux"},
              "Resources":{"NanoCPUs":2000000000,"MemoryBytes":8589934592},"Engine":{"EngineVersion":"24.0.7"}}}]
          """,
          "/networks",
              "[{\"Name\":\"ingress\",\"Scope\":\"swarm\",\"Ingress\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.0.0.0/24\"}]}}]",
          "/secrets", "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"db_password\"}}]",
          "/configs", "[]");

  @BeforeEach
  void startEngine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    engine.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
          String json = ANSWERS.getOrDefault(path, "{\"message\":\"page not found\"}");
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(ANSWERS.containsKey(path) ? 200 : 404, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    engine.start();
  }

  @AfterEach
  void stopEngine() {
    engine.stop(0);
  }

  Map<String, String> env() {
    return Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.getAddress().getPort());
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final String STACK =
      """
      version: "3.9"
      services:
        api:
          image: nginx:1.25
          secrets: [db_password, api_key]
          deploy:
            replicas: 2
            placement:
              constraints: [node.labels.zone == %s]
      secrets:
        db_password:
          external: true
        api_key:
          external: true
      """;

  @Test
  void planPlacesOnTheLiveEnginesNodes() throws IOException {
    Run r =
        FmtCommandTest.run(
            env(),
            "plan",
            "--cluster",
            "docker",
            file("shop.yml", "services:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n")
                .toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .containsPattern("live-1 +a +active")
        .containsPattern("live-2 +b +active")
        .contains("shop_web.1")
        .contains("shop_web.2")
        .contains("every task placed");
  }

  @Test
  void planWithoutAnEngineIsAOneLineErrorAndExitTwo() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r =
        FmtCommandTest.run(
            Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port),
            "plan",
            "--cluster",
            "docker",
            file("shop.yml", "services:\n  web:\n    image: nginx\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "compose4j plan: --cluster docker: no Docker engine answers at tcp://127.0.0.1:"
                + port
                + " (")
        .endsWith(
            "); start Docker, or set DOCKER_HOST to a swarm manager" + System.lineSeparator());
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void validateWithTheLiveEngineMakesClusterFindingsCertain() throws IOException {
    Path stack = file("shop.yml", STACK.formatted("c"));
    Run r = FmtCommandTest.run(env(), "validate", "--cluster", "docker", stack.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("[SWARM-PLC-010]")
        .contains("secret not found: api_key")
        .doesNotContain("secret not found: db_password");

    Run fits =
        FmtCommandTest.run(
            env(),
            "validate",
            "--cluster",
            "docker",
            file(
                    "ok.yml",
                    STACK
                        .formatted("a")
                        .replace("db_password, api_key", "db_password")
                        .replace("  api_key:\n    external: true\n", ""))
                .toString());
    assertThat(fits.out()).doesNotContain("SWARM-PLC-010").doesNotContain("SWARM-REF-005");
    assertThat(fits.code()).isZero();
  }

  @Test
  void withoutTheClusterTheseFindingsAreNotErrors() throws IOException {
    Run r =
        FmtCommandTest.run(env(), "validate", file("shop.yml", STACK.formatted("c")).toString());
    assertThat(r.out()).doesNotContain("SWARM-PLC-010").doesNotContain("secret not found");
    assertThat(r.code()).isZero();
  }

  @Test
  void validateWithAClusterFileKnowsTheNodesOnly() throws IOException {
    Path cluster =
        file(
            "cluster.yml",
            """
        nodes:
          - {hostname: n1, cpus: 2, memory: 8GiB, labels: {zone: a}}
          - {hostname: n2, cpus: 2, memory: 8GiB, labels: {zone: b}}
        """);
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "validate",
            "--cluster",
            cluster.toString(),
            file("shop.yml", STACK.formatted("c")).toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("[SWARM-PLC-010]").doesNotContain("secret not found");

    Run ok =
        FmtCommandTest.run(
            Map.of(),
            "validate",
            "--cluster",
            cluster.toString(),
            file("ok.yml", STACK.formatted("b")).toString());
    assertThat(ok.out()).doesNotContain("SWARM-PLC-010");
    assertThat(ok.code()).isZero();
  }

  @Test
  void validateWithABadClusterFileExitsTwo() throws IOException {
    Path cluster =
        file("cluster.yml", "nodes:\n  - {hostname: n1, cpus: 2, memory: 8GiB, colour: red}\n");
    Run r =
        FmtCommandTest.run(
            Map.of(),
            "validate",
            "--cluster",
            cluster.toString(),
            file("shop.yml", STACK.formatted("a")).toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cluster.yml").contains("colour");
  }
}
