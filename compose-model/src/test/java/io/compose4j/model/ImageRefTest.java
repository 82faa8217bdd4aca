package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "nginx, -, nginx, -, -, docker.io/library/nginx, false",
        "nginx:1.25, -, nginx, 1.25, -, docker.io/library/nginx, true",
        "nginx:latest, -, nginx, latest, -, docker.io/library/nginx, false",
        "team/app:1.4.2, -, team/app, 1.4.2, -, docker.io/team/app, true",
        "registry.example.com:5000/team/app:1.0, registry.example.com:5000, team/app, 1.0, -, registry.example.com:5000/team/app, true",
        "localhost/app, localhost, app, -, -, localhost/app, false",
        "ghcr.io/owner/repo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, ghcr.io, owner/repo, -, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, ghcr.io/owner/repo, true",
        "redis:6-alpine, -, redis, 6-alpine, -, docker.io/library/redis, true",
        "a__b/c-d:x_y, -, a__b/c-d, x_y, -, docker.io/a__b/c-d, true",
      })
  void parsesDockerReferences(
      String text,
      String registry,
      String repository,
      String tag,
      String digest,
      String normalized,
      boolean pinned) {
    ImageRef ref = ImageRef.parse(text);
    assertThat(ref.registry().orElse(null)).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag().orElse(null)).isEqualTo(tag);
    assertThat(ref.digest().orElse(null)).isEqualTo(digest);
    assertThat(ref.normalizedName()).isEqualTo(normalized);
    assertThat(ref.isPinned()).isEqualTo(pinned);
    assertThat(ref).hasToString(text);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "Nginx",
        "nginx:",
        "nginx:-bad",
        "nginx@sha256:short",
        "-nginx",
        "a//b",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "nginx:1 0"
      })
  void rejectsWhatDockerRefuses(String text) {
    assertThatThrownBy(() -> ImageRef.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
    assertThat(ImageRef.isValid(text)).isFalse();
  }
}
