package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link NetworkRules#ipv4Range} reads a CIDR as the pattern's groups did. */
class Ipv4RangeTest {
  private static long[] reference(String cidr) {
    Matcher m =
        Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})")
            .matcher(cidr.strip());
    if (!m.matches()) {
      return null;
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return null;
      }
      address = address << 8 | octet;
    }
    int bits = Integer.parseInt(m.group(5));
    if (bits > 32) {
      return null;
    }
    long size = 1L << (32 - bits);
    long first = address & ~(size - 1) & 0xFFFFFFFFL;
    return new long[] {first, first + size - 1};
  }

  @Test
  void agreesWithTheGroupsOnRandomAddresses() {
    Random r = new Random(3);
    String alphabet = "0123456789../ ";
    int ranges = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder s = new StringBuilder();
      if (r.nextBoolean()) {
        s.append(r.nextInt(300))
            .append('.')
            .append(r.nextInt(300))
            .append('.')
            .append(r.nextInt(300))
            .append('.')
            .append(r.nextInt(300))
            .append('/')
            .append(r.nextInt(40));
      } else {
        int len = r.nextInt(16);
        for (int k = 0; k < len; k++) {
          s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String cidr = s.toString();
      long[] expected = reference(cidr);
      assertThat(NetworkRules.ipv4Range(cidr)).as(cidr).isEqualTo(expected);
      ranges += expected != null ? 1 : 0;
    }
    assertThat(ranges).isGreaterThan(1000);
  }
}
