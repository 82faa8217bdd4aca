package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpusTest {
  @ParameterizedTest(name = "{0} is {1} nano-CPUs and prints {2}")
  @CsvSource({
    "0.5, 500000000, 0.5",
    "2, 2000000000, 2",
    "2.0, 2000000000, 2.0",
    ".25, 250000000, 0.25",
    "0.001, 1000000, 0.001",
    "1e-3, 1000000, 0.001",
    "0.50, 500000000, 0.50",
  })
  void parsesAndKeepsTheSpelling(String text, long nanos, String printed) {
    Cpus cpus = Cpus.parse(text);
    assertThat(cpus.nanoCpus()).isEqualTo(nanos);
    assertThat(cpus).hasToString(printed);
  }

  @Test
  void spellingsAreDistinctButCompareEqual() {
    assertThat(Cpus.parse("2.0"))
        .isNotEqualTo(Cpus.parse("2"))
        .isEqualByComparingTo(Cpus.parse("2"));
    assertThat(Cpus.of(2)).isEqualTo(Cpus.parse("2"));
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", "half", "0,5", "1/2", "2 cpus", "."})
  void rejectsWithTheInputQuoted(String text) {
    assertThatThrownBy(() -> Cpus.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
