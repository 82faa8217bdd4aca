package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  @TempDir Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static Run run(Map<String, String> env, String... args) {
    return FmtCommandTest.run(env, args);
  }

  static final String PROJECT =
      """
      name: shop
      services:
        web:
          image: nginx:${TAG}
          depends_on:
            api: {condition: service_healthy}
          ports: ["80:80"]
        api:
          extends:
            file: common.yml
            service: app
          scale: 2
        debug:
          image: busybox:1.36
          profiles: [debug]
      """;

  void project() throws IOException {
    file("compose.yml", PROJECT);
    file("common.yml", "services:\n  app:\n    image: api:1.0\n    environment: {LOG: info}\n");
    file(
        "compose.prod.yml",
        "services:\n  web:\n    deploy: {replicas: 3}\n  api:\n    environment: {LOG: warn}\n");
    file(".env", "TAG=1.25\n");
  }

  @Test
  void mergesLowersAndReportsOnStderr() throws IOException {
    project();
    Run r =
        run(
            Map.of(),
            "convert",
            "--to",
            "swarm",
            dir.resolve("compose.yml").toString(),
            dir.resolve("compose.prod.yml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        version: "3.2"
        services:
          api:
            image: api:1.0
            environment:
              LOG: warn
            deploy:
              replicas: 2
          web:
            image: nginx:1.25
            ports:
              - target: 80
                published: 80
                protocol: tcp
                mode: ingress
            deploy:
              replicas: 3
            depends_on:
              - api
        """);
    assertThat(r.err())
        .contains(
            "compose.yml:13:3: info: service debug is left out: its profiles [debug] are not active [profile-inactive]")
        .contains("compose.yml:1:1: info: the project name shop is not part of a stack file")
        .contains(
            "compose.yml:6:7: warning: depends_on api (condition service_healthy) is lowered to a plain dependency")
        .contains("info: scale: 2 becomes deploy.replicas [convert-scale]");
  }

  @Test
  void profilesEnvFilesOutputFileAndQuiet() throws IOException {
    project();
    Path vars = file("prod.env", "TAG=1.27\n");
    Path out = dir.resolve("out/stack.yml");
    Files.createDirectories(out.getParent());
    Run r =
        run(
            Map.of(),
            "convert",
            "--profile",
            "debug",
            "--env-file",
            vars.toString(),
            "--quiet",
            "-o",
            out.toString(),
            dir.resolve("compose.yml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("info:").contains("warning:");
    assertThat(out)
        .content()
        .contains("image: nginx:1.27")
        .contains("debug:")
        .doesNotContain("profiles");
  }

  @Test
  void theProcessEnvironmentWinsOverDotEnv() throws IOException {
    project();
    Run r = run(Map.of("TAG", "2.0"), "convert", dir.resolve("compose.yml").toString());
    assertThat(r.out()).contains("image: nginx:2.0");
  }

  @Test
  void badInputExitsWithTwoAndOnePositionedLine() throws IOException {
    Path f =
        file(
            "cycle.yml", "services:\n  a:\n    extends: b\n    image: x:1\n  b:\n    extends: a\n");
    Run r = run(Map.of(), "convert", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            f
                + ":2:3: error: services.a.extends: extends cycle: cycle.yml:a -> cycle.yml:b -> cycle.yml:a");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(run(Map.of(), "convert", "--to", "k8s", f.toString()).err())
        .contains("--to k8s is not a target; use --to swarm");
    Run missing = run(Map.of(), "convert", dir.resolve("nope.yml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.yml").contains("no such file");
  }

  @Test
  void fmtMergesSeveralFilesKeepingEveryProfile() throws IOException {
    project();
    Run r =
        run(
            Map.of(),
            "fmt",
            "--target",
            "compose",
            dir.resolve("compose.yml").toString(),
            dir.resolve("compose.prod.yml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("debug:")
        .contains("profiles:")
        .contains("LOG: warn")
        .contains("replicas: 3")
        .doesNotContain("extends");
  }
}
