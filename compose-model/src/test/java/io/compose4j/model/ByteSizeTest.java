package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @Test
  void keepsTheSpellingTheUserWroteForMessagesButComparesBytes() {
    assertThat(ByteSize.mib(-5).written()).isEqualTo("-5MiB");
    assertThat(ByteSize.gib(4).written()).isEqualTo("4GiB");
    assertThat(ByteSize.kib(3).written()).isEqualTo("3KiB");
    assertThat(ByteSize.of(2048).written()).isEqualTo("2048");
    assertThat(ByteSize.parse(" 1.5g ").written()).isEqualTo("1.5g");
    assertThat(ByteSize.parse("512m"))
        .isEqualTo(ByteSize.mib(512))
        .hasSameHashCodeAs(ByteSize.mib(512));
    assertThat(ByteSize.mib(512)).hasToString("512M");
    assertThat(ByteSize.mib(-5).bytes()).isEqualTo(-5242880);
  }

  @Nested
  class Valid {
    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
      "0, 0",
      "1024, 1024",
      "100b, 100",
      "1k, 1024",
      "1K, 1024",
      "1kb, 1024",
      "1KiB, 1024",
      "512m, 536870912",
      "512M, 536870912",
      "50M, 52428800",
      "1.5g, 1610612736",
      "2GB, 2147483648",
      "1 GB, 1073741824",
      "1t, 1099511627776",
      "1p, 1125899906842624",
      "-1, -1",
    })
    void parses(String text, long bytes) {
      assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} bytes prints {1}")
    @CsvSource({
      "0, 0",
      "1000, 1000",
      "1024, 1K",
      "1536, 1536",
      "1572864, 1536K",
      "536870912, 512M",
      "1073741824, 1G",
      "4294967296, 4G",
      "1099511627776, 1T",
      "-1, -1",
    })
    void printsTheLargestExactUnit(long bytes, String text) {
      assertThat(ByteSize.of(bytes)).hasToString(text);
      assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @Test
    void factoriesUseBinaryUnits() {
      assertThat(ByteSize.gib(4)).isEqualTo(ByteSize.parse("4G"));
      assertThat(ByteSize.mib(512)).isEqualTo(ByteSize.parse("512m"));
      assertThat(ByteSize.kib(2).bytes()).isEqualTo(2048);
      assertThat(ByteSize.mib(1)).isLessThan(ByteSize.gib(1));
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(
        strings = {"", "M", "1x", "1.2.3", "-5", "1 2", "one", "1mm", "0x10", "10000000000000P"})
    void rejectsWithTheInputQuoted(String text) {
      assertThatThrownBy(() -> ByteSize.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + text + "\"");
    }
  }

  /** What parse did with java.util.regex and the pattern's groups: bytes, or -2 for refused. */
  private static long groupsReference(String text) {
    String t = text.trim();
    if (t.equals("-1")) {
      return -1;
    }
    Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpPbB])?[iI]?[bB]?$").matcher(t);
    if (!m.matches()) {
      return -2;
    }
    double size = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    double mul =
        switch (unit) {
          case "k" -> 1024d;
          case "m" -> 1024d * 1024;
          case "g" -> 1024d * 1024 * 1024;
          case "t" -> 1024d * 1024 * 1024 * 1024;
          case "p" -> 1024d * 1024 * 1024 * 1024 * 1024;
          default -> 1d;
        };
    double value = size * mul;
    return value >= 0x1p63 ? -2 : (long) value;
  }

  @Test
  void readsWhatThePatternsGroupsRead() {
    Random r = new Random(7);
    String alphabet = "0123456789.. kKmMgGtTpPbBiIxX-";
    int accepted = 0;
    for (int i = 0; i < 40_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = 1 + r.nextInt(8);
      for (int k = 0; k < len; k++) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = s.toString();
      long expected = groupsReference(text);
      long actual;
      try {
        actual = ByteSize.parse(text).bytes();
        accepted++;
      } catch (IllegalArgumentException e) {
        actual = -2;
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
    assertThat(accepted).isGreaterThan(1000);
  }
}
