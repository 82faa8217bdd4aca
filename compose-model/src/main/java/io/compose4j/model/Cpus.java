package io.compose4j.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A number of CPUs ({@code deploy.resources.limits.cpus}, {@code cpus}), a decimal such as {@code
 * 0.5} or {@code 2}. Docker keeps the value as written, so the decimal keeps its scale: {@code 2.0}
 * and {@code 2} are different spellings and {@link #toString()} returns the one given. Compose file
 * format 3.x requires it as a string; the writer quotes it.
 *
 * <p>A value is held as an unscaled {@code long} and a scale, as {@link BigDecimal} holds it, and
 * the {@code BigDecimal} is made only when {@link #value()} asks for it or the digits do not fit a
 * {@code long}: on Java 25 the first use of {@code BigDecimal} in a process costs about 19 ms (its
 * class initialiser multiplies large numbers), a fifth of a short CLI run.
 */
public final class Cpus implements Comparable<Cpus> {
  /**
   * The largest unscaled value kept in a long: 62 bits, so that sums and halves cannot overflow.
   */
  private static final long MAX_UNSCALED = (1L << 62) - 1;

  /** Powers of ten that fit a long: {@code TEN[i]} is 10^i. */
  private static final long[] TEN = {
    1L,
    10L,
    100L,
    1_000L,
    10_000L,
    100_000L,
    1_000_000L,
    10_000_000L,
    100_000_000L,
    1_000_000_000L,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L,
    10_000_000_000_000L,
    100_000_000_000_000L,
    1_000_000_000_000_000L,
    10_000_000_000_000_000L,
    100_000_000_000_000_000L,
    1_000_000_000_000_000_000L
  };

  /**
   * The largest exponent a value may have, either way ({@code 1e400}, {@code 1e-400}): beyond a
   * {@code double}'s range, which is all Docker reads; larger ones would print as millions of
   * digits.
   */
  private static final int MAX_SCALE = 400;

  /** The unscaled value when {@link #big} is null. */
  private final long unscaled;

  /** The scale (digits after the point, never negative) when {@link #big} is null. */
  private final int scale;

  /** The value when its unscaled digits do not fit {@link #MAX_UNSCALED}, else null. */
  private final BigDecimal big;

  private Cpus(long unscaled, int scale) {
    this.unscaled = unscaled;
    this.scale = scale;
    this.big = null;
  }

  private Cpus(BigDecimal value) {
    BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
    BigInteger u = v.unscaledValue();
    if (u.bitLength() <= 62) {
      this.unscaled = u.longValue();
      this.scale = v.scale();
      this.big = null;
    } else {
      this.unscaled = 0;
      this.scale = 0;
      this.big = v;
    }
  }

  /**
   * Parses a number of CPUs: {@code 0.5}, {@code 2}, {@code .25}, also with a sign or an exponent
   * ({@code 1e-3}), as Go's {@code ParseFloat} and {@code BigDecimal} read them.
   *
   * @throws IllegalArgumentException with the input quoted if it is not a decimal number
   */
  public static Cpus parse(String text) {
    if (text == null) {
      throw invalid(null);
    }
    String t = text.trim();
    int n = t.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    int whole = digits(t, i);
    i += whole;
    int fraction = 0;
    if (i < n && t.charAt(i) == '.') {
      fraction = digits(t, i + 1);
      i += 1 + fraction;
    }
    if (whole + fraction == 0) {
      throw invalid(text);
    }
    if (i < n) {
      // an exponent: [eE][+-]?digits, read by BigDecimal
      int e = i + 1;
      if ((t.charAt(i) != 'e' && t.charAt(i) != 'E') || e == n) {
        throw invalid(text);
      }
      if (t.charAt(e) == '+' || t.charAt(e) == '-') {
        e++;
      }
      int exponent = digits(t, e);
      if (exponent == 0 || e + exponent != n) {
        throw invalid(text);
      }
      BigDecimal v;
      try {
        v = new BigDecimal(t);
      } catch (NumberFormatException ex) {
        throw outOfRange(text); // an exponent beyond an int
      }
      if (Math.abs(v.scale()) > MAX_SCALE) {
        throw outOfRange(text); // its plain spelling would have more digits than any CPU count
      }
      return new Cpus(v);
    }
    if (whole + fraction > 18) {
      return new Cpus(new BigDecimal(t));
    }
    long u = 0;
    for (int k = negative || t.charAt(0) == '+' ? 1 : 0; k < n; k++) {
      char c = t.charAt(k);
      if (c != '.') {
        u = u * 10 + (c - '0');
      }
    }
    return new Cpus(negative ? -u : u, fraction);
  }

  /** The number of ASCII digits at {@code from}. */
  private static int digits(String t, int from) {
    int i = from;
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private static IllegalArgumentException outOfRange(String text) {
    return new IllegalArgumentException(
        "invalid cpus \""
            + text
            + "\": the exponent is out of range; use a decimal number of CPUs such as 0.5 or 2");
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid cpus \"" + text + "\": use a decimal number of CPUs such as 0.5 or 2");
  }

  /** Returns the given number of CPUs; {@code of("0.5")} is the same as {@link #parse}. */
  public static Cpus of(String text) {
    return parse(text);
  }

  /** Returns a whole number of CPUs. */
  public static Cpus of(long cpus) {
    return cpus >= -MAX_UNSCALED && cpus <= MAX_UNSCALED
        ? new Cpus(cpus, 0)
        : new Cpus(BigDecimal.valueOf(cpus));
  }

  /** Returns a number of CPUs from a decimal. */
  public static Cpus of(BigDecimal cpus) {
    return new Cpus(cpus);
  }

  /** Returns the value as a decimal. */
  public BigDecimal value() {
    return big != null ? big : BigDecimal.valueOf(unscaled, scale);
  }

  /** Returns -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return big != null ? big.signum() : Long.signum(unscaled);
  }

  /**
   * Returns the number of decimals the value needs, trailing zeros left out: 2 for {@code 0.250}, 0
   * for {@code 2.0} and {@code 100}. Swarm refuses more than 9.
   */
  public int decimals() {
    if (big != null) {
      return Math.max(0, big.stripTrailingZeros().scale());
    }
    long u = unscaled;
    int d = scale;
    while (d > 0 && u % 10 == 0) {
      u /= 10;
      d--;
    }
    return d;
  }

  /**
   * Returns the value in nano-CPUs, as Swarm stores it ({@code 0.5} is 500000000), rounded half up.
   *
   * @throws ArithmeticException if it does not fit a {@code long}
   */
  public long nanoCpus() {
    if (big != null || scale > 9 + 18) {
      return value().movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
    if (scale <= 9) {
      return Math.multiplyExact(unscaled, TEN[9 - scale]);
    }
    long divisor = TEN[scale - 9];
    long quotient = unscaled / divisor;
    long remainder = Math.abs(unscaled % divisor);
    if (remainder >= divisor - remainder) {
      quotient += unscaled < 0 ? -1 : 1; // half up: away from zero
    }
    return quotient;
  }

  @Override
  public int compareTo(Cpus other) {
    if (big == null && other.big == null) {
      if (scale == other.scale) {
        return Long.compare(unscaled, other.unscaled);
      }
      int gap = Math.abs(scale - other.scale);
      if (gap < TEN.length) {
        long factor = TEN[gap];
        long a = unscaled;
        long b = other.unscaled;
        // bring both to the larger scale where that cannot overflow
        if (scale < other.scale && Math.abs(a) <= Long.MAX_VALUE / factor) {
          return Long.compare(a * factor, b);
        }
        if (scale > other.scale && Math.abs(b) <= Long.MAX_VALUE / factor) {
          return Long.compare(a, b * factor);
        }
      }
    }
    return value().compareTo(other.value());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Cpus other)) {
      return false;
    }
    return big == null
        ? other.big == null && unscaled == other.unscaled && scale == other.scale
        : big.equals(other.big);
  }

  @Override
  public int hashCode() {
    return big != null ? big.hashCode() : 31 * Long.hashCode(unscaled) + scale;
  }

  /** Returns the decimal as written ({@code 0.50} stays {@code 0.50}). */
  @Override
  public String toString() {
    if (big != null) {
      return big.toPlainString();
    }
    String digits = Long.toString(Math.abs(unscaled));
    StringBuilder s = new StringBuilder(digits.length() + scale + 3);
    if (unscaled < 0) {
      s.append('-');
    }
    if (scale == 0) {
      return s.append(digits).toString();
    }
    if (digits.length() > scale) {
      int point = digits.length() - scale;
      return s.append(digits, 0, point)
          .append('.')
          .append(digits, point, digits.length())
          .toString();
    }
    s.append("0.");
    for (int i = digits.length(); i < scale; i++) {
      s.append('0');
    }
    return s.append(digits).toString();
  }
}
