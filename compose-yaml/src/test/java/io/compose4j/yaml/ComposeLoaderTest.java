package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {
  @TempDir Path dir;

  Path file(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void positionsPointIntoTheFileEachKeyCameFrom() throws IOException {
    Path base =
        file("compose.yml", "services:\n  web:\n    image: nginx:1.25\n    user: \"1000\"\n");
    Path prod =
        file(
            "prod.yml",
            "services:\n  web:\n    deploy:\n      replicas: 3\n    image: nginx:1.27\n");
    ReadResult read = ComposeLoader.create().withEnvironment(Map.of()).load(base, prod);
    SourceMap map = read.sourceMap();
    assertThat(map.get("services.web.user")).contains(new SourcePosition(base.toString(), 4, 5));
    assertThat(map.get("services.web.deploy.replicas"))
        .contains(new SourcePosition(prod.toString(), 4, 7));
    // a key both files set keeps the first file's key position
    assertThat(map.get("services.web.image")).contains(new SourcePosition(base.toString(), 3, 5));
    assertThat(read.stack().services().get("web").image()).contains("nginx:1.27");
  }

  @Test
  void errorsInALaterFileNameThatFile() throws IOException {
    Path base = file("compose.yml", "services:\n  web:\n    image: nginx:1.25\n");
    Path bad = file("bad.yml", "services:\n  web:\n    deploy:\n      replica: 2\n");
    assertThatThrownBy(() -> ComposeLoader.create().withEnvironment(Map.of()).load(base, bad))
        .isInstanceOf(ComposeReadException.class)
        .hasMessage(
            bad
                + ":4:7: error: services.web.deploy.replica: unknown key 'replica' in services.web.deploy; "
                + "did you mean 'replicas'?");
  }

  @Test
  void theFirstFilesFolderIsTheProjectFolderForEveryFile() throws IOException {
    Path base = file("compose.yml", "services:\n  web:\n    image: nginx:1.25\n");
    Path override = file("overrides/local.yml", "services:\n  web:\n    env_file: ./local.env\n");
    ReadResult read = ComposeLoader.create().withEnvironment(Map.of()).load(base, override);
    assertThat(read.stack().services().get("web").envFile())
        .extracting(f -> f.path())
        .containsExactly("./local.env");
  }

  @Test
  void envFilesReplaceDotEnvAndTheProcessWins() throws IOException {
    file(".env", "TAG=from-dotenv\nMODE=dotenv\n");
    Path vars = file("vars.env", "TAG=from-env-file\n");
    Path f =
        file(
            "compose.yml",
            "services:\n  web:\n    image: nginx:${TAG}\n    environment: {MODE: \"${MODE:-none}\"}\n");
    assertThat(
            ComposeLoader.create()
                .withEnvironment(Map.of())
                .load(f)
                .stack()
                .services()
                .get("web")
                .image())
        .contains("nginx:from-dotenv");
    ReadResult withFile =
        ComposeLoader.create().withEnvironment(Map.of()).withEnvFiles(List.of(vars)).load(f);
    assertThat(withFile.stack().services().get("web").image()).contains("nginx:from-env-file");
    assertThat(withFile.stack().services().get("web").environment().get("MODE")).contains("none");
    assertThat(
            ComposeLoader.create()
                .withEnvironment(Map.of("TAG", "process"))
                .load(f)
                .stack()
                .services()
                .get("web")
                .image())
        .contains("nginx:process");
  }

  @Test
  void allProfilesWithStar() throws IOException {
    Path f =
        file(
            "compose.yml",
            "services:\n  web:\n    image: a:1\n  tool:\n    image: b:1\n    profiles: [tools]\n");
    assertThat(ComposeLoader.create().withEnvironment(Map.of()).load(f).stack().services())
        .containsOnlyKeys("web");
    assertThat(
            ComposeLoader.create()
                .withEnvironment(Map.of())
                .withProfiles(List.of("*"))
                .load(f)
                .stack()
                .services())
        .containsOnlyKeys("web", "tool");
  }

  @Test
  void anExtendedServiceCanBeExtendedTwiceWithoutSharingState() throws IOException {
    Path f =
        file(
            "compose.yml",
            """
        services:
          base: {image: app:1.0, environment: {A: "1"}}
          one: {extends: base, environment: {B: "2"}}
          two: {extends: base, environment: {C: "3"}}
        """);
    ReadResult read = ComposeLoader.create().withEnvironment(Map.of()).load(f);
    assertThat(read.stack().services().get("one").environment()).containsOnlyKeys("A", "B");
    assertThat(read.stack().services().get("two").environment()).containsOnlyKeys("A", "C");
    assertThat(read.stack().services().get("base").environment()).containsOnlyKeys("A");
  }
}
