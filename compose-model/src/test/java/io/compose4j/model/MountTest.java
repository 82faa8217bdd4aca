package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "/var/lib/mysql, volume, -, /var/lib/mysql, -",
        "/a, volume, -, /a, -",
        "data:/var/lib/data, volume, data, /var/lib/data, -",
        "./conf:/etc/app:ro, bind, ./conf, /etc/app, true",
        "~/configs:/etc/configs/:ro, bind, ~/configs, /etc/configs/, true",
        "/opt/data:/var/lib/mysql:rw, bind, /opt/data, /var/lib/mysql, false",
        ".:/code, bind, ., /code, -",
        "C:\\data:/data, bind, C:\\data, /data, -",
      })
  void parsesShortSyntax(String spec, String type, String source, String target, Boolean readOnly) {
    Mount m = Mount.parse(spec);
    assertThat(m.type()).isEqualTo(type);
    assertThat(m.source().orElse(null)).isEqualTo(source);
    assertThat(m.target()).contains(target);
    assertThat(m.readOnly().orElse(null)).isEqualTo(readOnly);
  }

  @Test
  void understandsOptionsAndReportsTheOnesDockerIgnores() {
    Mount m = Mount.parse("/x:/y:ro,rshared,Z");
    assertThat(m.bind().flatMap(MountBind::propagation)).contains("rshared");
    assertThat(m.bind().flatMap(MountBind::selinux)).contains("Z");
    assertThat(Mount.parse("data:/c:nocopy").volume().flatMap(MountVolume::nocopy)).contains(true);
    assertThat(Mount.ignoredOptions("./b:/b:cached,transient"))
        .containsExactly("cached", "transient");
    assertThat(Mount.ignoredOptions("./b:/b:ro")).isEmpty();
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", ":/media/", "src::b", "src:/b:/c:d"})
  void rejectsWithTheInputQuoted(String spec) {
    assertThatThrownBy(() -> Mount.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + spec + "\"");
  }
}
