package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
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

  @ParameterizedTest(name = "rejects the exponent of \"{0}\" at once")
  @ValueSource(strings = {"1e99999999", "1e-99999999", "5E401", "1e99999999999"})
  void rejectsAnExponentBeyondRange(String text) {
    // 1e99999999 used to be expanded to a hundred million digits (minutes of CPU, then a heap)
    assertThatThrownBy(() -> Cpus.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid cpus \""
                + text
                + "\": the exponent is out of range; use a decimal number of CPUs such as 0.5 or 2");
  }

  /** The reference: what the class did when it held a BigDecimal. */
  private static BigDecimal reference(String text) {
    BigDecimal v = new BigDecimal(text.trim());
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static String randomDecimal(Random r) {
    StringBuilder s = new StringBuilder();
    switch (r.nextInt(4)) {
      case 0 -> s.append('-');
      case 1 -> s.append('+');
      default -> {}
    }
    int whole = r.nextInt(4) == 0 ? r.nextInt(22) : r.nextInt(4);
    int fraction = r.nextInt(3) == 0 ? r.nextInt(30) : r.nextInt(12);
    if (whole + fraction == 0) {
      whole = 1;
    }
    for (int i = 0; i < whole; i++) {
      s.append((char) ('0' + (r.nextInt(3) == 0 ? 0 : r.nextInt(10))));
    }
    if (fraction > 0 || r.nextBoolean()) {
      s.append('.');
      for (int i = 0; i < fraction; i++) {
        s.append((char) ('0' + (r.nextInt(3) == 0 ? 0 : r.nextInt(10))));
      }
    }
    if (r.nextInt(5) == 0) {
      s.append(r.nextBoolean() ? 'e' : 'E')
          .append(r.nextBoolean() ? "-" : "")
          .append(r.nextInt(25));
    }
    return s.toString();
  }

  @Test
  void agreesWithBigDecimalOnRandomDecimals() {
    Random r = new Random(20261207);
    Cpus previous = Cpus.parse("0");
    BigDecimal previousRef = BigDecimal.ZERO;
    for (int i = 0; i < 50_000; i++) {
      String text = randomDecimal(r);
      BigDecimal ref = reference(text);
      Cpus cpus = Cpus.parse(text);
      assertThat(cpus.value()).as(text).isEqualTo(ref);
      assertThat(cpus).as(text).hasToString(ref.toPlainString());
      assertThat(cpus.signum()).as(text).isEqualTo(ref.signum());
      assertThat(cpus.decimals()).as(text).isEqualTo(Math.max(0, ref.stripTrailingZeros().scale()));
      Long nanos;
      try {
        nanos = ref.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException e) {
        nanos = null;
      }
      if (nanos == null) {
        assertThatThrownBy(cpus::nanoCpus).as(text).isInstanceOf(ArithmeticException.class);
      } else {
        assertThat(cpus.nanoCpus()).as(text).isEqualTo(nanos);
      }
      assertThat(Integer.signum(cpus.compareTo(previous)))
          .as(text + " against " + previous)
          .isEqualTo(Integer.signum(ref.compareTo(previousRef)));
      // equal when the value and the scale are (BigDecimal's equality, which Cpus keeps)
      boolean same = ref.compareTo(previousRef) == 0 && ref.scale() == previousRef.scale();
      assertThat(cpus.equals(previous)).as(text).isEqualTo(same);
      assertThat(cpus).isEqualTo(Cpus.of(ref)).hasSameHashCodeAs(Cpus.of(ref));
      previous = cpus;
      previousRef = ref;
    }
  }

  @Test
  void aValueEqualsItselfSpelledWithAnExponent() {
    assertThat(Cpus.parse("1e2")).isEqualTo(Cpus.parse("100")).hasToString("100");
    assertThat(Cpus.parse("25e-2")).isEqualTo(Cpus.parse("0.25"));
    assertThat(Cpus.parse("12345678901234567890.5"))
        .isEqualTo(Cpus.of(new BigDecimal("12345678901234567890.5")))
        .hasToString("12345678901234567890.5");
    for (long n : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, (1L << 62) - 1, -(1L << 62)}) {
      assertThat(Cpus.of(n))
          .hasToString(Long.toString(n))
          .isEqualTo(Cpus.of(BigDecimal.valueOf(n)))
          .isEqualTo(Cpus.parse(Long.toString(n)))
          .hasSameHashCodeAs(Cpus.of(BigDecimal.valueOf(n)));
    }
  }
}
