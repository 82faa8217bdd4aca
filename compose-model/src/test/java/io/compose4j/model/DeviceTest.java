package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "/dev/ttyUSB0, /dev/ttyUSB0, -, -, /dev/ttyUSB0",
        "/dev/ttyUSB0:/dev/ttyUSB0, /dev/ttyUSB0, /dev/ttyUSB0, -, /dev/ttyUSB0:/dev/ttyUSB0",
        "/dev/sda:/dev/xvda:rwm, /dev/sda, /dev/xvda, rwm, /dev/sda:/dev/xvda:rwm",
      })
  void parsesAndPrintsTheShortSyntax(
      String spec, String source, String target, String perms, String printed) {
    Device d = Device.parse(spec);
    assertThat(d.source()).isEqualTo(source);
    assertThat(d.target().orElse(null)).isEqualTo(target);
    assertThat(d.permissions().orElse(null)).isEqualTo(perms);
    assertThat(d.shortSyntax()).isEqualTo(printed);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", ":/dev/x", "a:b:c:d"})
  void rejectsWithTheInputQuoted(String spec) {
    assertThatThrownBy(() -> Device.parse(spec)).hasMessageContaining("\"" + spec + "\"");
  }
}
