package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileModeTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "0440, 288, 0440, 0o440",
    "440, 288, 0440, 0o440",
    "0o644, 420, 0644, 0o644",
    "0, 0, 0000, 0o0",
    "7777, 4095, 07777, 0o7777",
    "044, 36, 0044, 0o44",
  })
  void parsesOctal(String text, int bits, String printed, String yaml) {
    FileMode mode = FileMode.parse(text);
    assertThat(mode.bits()).isEqualTo(bits);
    assertThat(mode).hasToString(printed).isEqualTo(FileMode.of(bits));
    assertThat(mode.yamlOctal()).isEqualTo(yaml);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", "0o", "0448", "rw-r--r--", "0x1ff", "-1"})
  void rejectsWithTheInputQuoted(String text) {
    assertThatThrownBy(() -> FileMode.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
