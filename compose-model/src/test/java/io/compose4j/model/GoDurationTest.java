package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  @Nested
  class Valid {
    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
      "0, 0",
      "+0, 0",
      "-0, 0",
      "1ns, 1",
      "1us, 1000",
      "1µs, 1000",
      "1μs, 1000",
      "1ms, 1000000",
      "1s, 1000000000",
      "1m, 60000000000",
      "1h, 3600000000000",
      "1m30s, 90000000000",
      "1.5h, 5400000000000",
      "1h2m3s4ms5us6ns, 3723004005006",
      ".5s, 500000000",
      "1.s, 1000000000",
      "-1.5s, -1500000000",
      "2562047h47m16.854775807s, 9223372036854775807",
    })
    void parses(String text, long nanos) {
      assertThat(GoDuration.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "{0} ns prints {1}")
    @CsvSource({
      "0, 0s",
      "1, 1ns",
      "1100, 1.1µs",
      "2200000, 2.2ms",
      "1000000000, 1s",
      "60000000000, 1m0s",
      "90000000000, 1m30s",
      "3600000000000, 1h0m0s",
      "5400000000000, 1h30m0s",
      "1500000000, 1.5s",
      "-1500000000, -1.5s",
      "3723004005006, 1h2m3.004005006s",
    })
    void formatsLikeGo(long nanos, String text) {
      assertThat(GoDuration.formatNanos(nanos)).isEqualTo(text);
      assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m30s", "500ms", "2h", "1.5s", "0s", "-3s", "1h0m0.5s"})
    void formatOfParseIsStable(String text) {
      String once = GoDuration.format(GoDuration.parse(text));
      assertThat(GoDuration.format(GoDuration.parse(once))).isEqualTo(once);
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(
        strings = {
          "",
          "1",
          "10",
          "1d",
          "1 s",
          "s",
          ".s",
          "1.2.3s",
          "1sx",
          "-",
          "+",
          "abc",
          "9223372036854775808ns",
          "3000000h"
        })
    void rejectsWithTheInputQuoted(String text) {
      assertThatThrownBy(() -> GoDuration.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void explainsMissingAndUnknownUnits() {
      assertThatThrownBy(() -> GoDuration.parse("30")).hasMessageContaining("missing unit");
      assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessageContaining("unknown unit \"d\"");
    }
  }
}
