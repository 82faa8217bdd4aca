package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.yaml.read.Interpolator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolatorTest {
  private static final Map<String, String> ENV =
      Map.of("NAME", "shop", "EMPTY", "", "Mixed_Case1", "x");

  private static String interpolate(String text) {
    return new Interpolator(ENV::get, "t.yml").interpolate(text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "plain text|plain text",
        "$NAME|shop",
        "${NAME}|shop",
        "a$NAME.b|ashop.b",
        "$Mixed_Case1-$NAME|x-shop",
        "${UNSET}|''",
        "$UNSET|''",
        "${UNSET:-def}|def",
        "${EMPTY:-def}|def",
        "${UNSET-def}|def",
        "${EMPTY-def}|''",
        "${NAME:+alt}|alt",
        "${EMPTY:+alt}|''",
        "${EMPTY+alt}|alt",
        "${UNSET+alt}|''",
        "${NAME:?msg}|shop",
        "${EMPTY?msg}|''",
        "$$|$",
        "$${NAME}|${NAME}",
        "$$$NAME|$shop",
        "${UNSET:-${NAME}}|shop",
        "${UNSET:-a-${UNSET2:-b}-c}|a-b-c",
        "${UNSET:-$2y$05$x}|$2y$05$x",
        "${UNSET:-{braces}}|{braces}",
        "100%|100%",
      })
  void interpolates(String text, String expected) {
    assertThat(interpolate(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rejects {0}")
  @ValueSource(
      strings = {"$", "a $", "$(date)", "${}", "${1A}", "${NAME", "${NAME:x}", "$-", "${NAME!}"})
  void rejectsInvalidFormatsWithAnEscapeHint(String text) {
    assertThatThrownBy(() -> interpolate(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid interpolation format")
        .hasMessageContaining("write $$ for a literal $");
  }

  @Test
  void requiredVariablesFailWithTheirMessage() {
    assertThatThrownBy(() -> interpolate("${UNSET:?please set it}"))
        .hasMessageStartingWith("required variable UNSET is missing a value: please set it");
    assertThatThrownBy(() -> interpolate("${EMPTY:?}"))
        .hasMessageStartingWith("required variable EMPTY");
    assertThatThrownBy(() -> interpolate("${UNSET?}"))
        .hasMessageStartingWith("required variable UNSET");
  }

  @Test
  void recordsUnsetVariablesWithoutDefaults() {
    Interpolator i = new Interpolator(ENV::get, "t.yml");
    i.interpolate("$A ${B} ${C:-x} ${D-y} ${NAME}");
    assertThat(i.unsetVariables()).containsExactly("A", "B");
  }

  @Test
  void onlyValuesAreInterpolatedNotKeys() {
    ReadResult r =
        ComposeReader.create()
            .withEnvironment(Map.of("V", "value"))
            .read("services:\n  s:\n    image: x\n    labels:\n      $KEY: $V\n", "k.yml");
    assertThat(r.stack().services().get("s").labels()).containsEntry("$KEY", "value");
  }

  @Test
  void interpolatedValuesAreCastToTheKeysType() {
    ReadResult r =
        ComposeReader.create()
            .withEnvironment(Map.of("N", "4", "RO", "yes"))
            .read(
                "services:\n  s:\n    image: x\n    read_only: ${RO}\n    deploy: {replicas: $N}\n",
                "c.yml");
    assertThat(r.stack().services().get("s").deploy().orElseThrow().replicas()).hasValue(4);
    assertThat(r.stack().services().get("s").readOnly()).contains(true);
  }
}
