package io.compose4j.model;

import java.math.BigInteger;
import java.time.Duration;

/**
 * Go-style durations ({@code 1m30s}, {@code 500ms}, {@code 1.5h}), the format Docker uses for
 * {@code stop_grace_period}, {@code healthcheck.interval}, {@code update_config.delay} and the
 * like. They map to {@link java.time.Duration} with nanosecond precision.
 *
 * <p>{@link #parse} accepts exactly what Go's {@code time.ParseDuration} accepts: an optionally
 * signed sequence of decimal numbers, each with an optional fraction and a unit suffix ({@code ns},
 * {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), or a bare {@code 0}. There
 * is no unit for days. {@link #format} prints what Go's {@code Duration.String()} prints ({@code
 * 1m0s}, {@code 1h30m0s}, {@code 1.5s}, {@code 0s}).
 */
public final class GoDuration {
  private static final long NS = 1L;
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  private GoDuration() {}

  /**
   * Returns the duration a Go duration string denotes.
   *
   * @throws IllegalArgumentException with the input quoted if it is not a Go duration
   */
  public static Duration parse(String text) {
    return Duration.ofNanos(parseNanos(text));
  }

  /**
   * Returns the number of nanoseconds a Go duration string denotes.
   *
   * @throws IllegalArgumentException with the input quoted if it is not a Go duration
   */
  public static long parseNanos(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid duration: null");
    }
    String s = text;
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i >= s.length()) {
      throw invalid(text, "");
    }
    // accumulate in a BigDecimal-free way: integer nanos with overflow checks
    long total = 0;
    while (i < s.length()) {
      int start = i;
      long whole = 0;
      boolean overflow = false;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        int d = s.charAt(i) - '0';
        if (whole > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
        } else {
          whole = whole * 10 + d;
        }
        i++;
      }
      boolean hadWhole = i > start;
      long frac = 0;
      long scale = 1;
      boolean hadFrac = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
          if (scale < 1_000_000_000_000_000L) {
            frac = frac * 10 + (s.charAt(i) - '0');
            scale *= 10;
          }
          i++;
        }
        hadFrac = i > fs;
      }
      if (!hadWhole && !hadFrac) {
        throw invalid(text, "");
      }
      int us = i;
      while (i < s.length()
          && !(s.charAt(i) == '.' || (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128))) {
        i++;
      }
      String unitName = s.substring(us, i);
      long unit =
          switch (unitName) {
            case "ns" -> NS;
            case "us", "\u00b5s", "\u03bcs" -> US;
            case "ms" -> MS;
            case "s" -> S;
            case "m" -> M;
            case "h" -> H;
            case "" -> throw invalid(text, "missing unit");
            default -> throw invalid(text, "unknown unit \"" + unitName + "\"");
          };
      if (overflow || whole > Long.MAX_VALUE / unit) {
        throw invalid(text, "");
      }
      long v = whole * unit;
      if (frac > 0) {
        v += (long) ((double) frac * ((double) unit / (double) scale));
      }
      if (v < 0 || total > Long.MAX_VALUE - v) {
        throw invalid(text, "");
      }
      total += v;
    }
    return neg ? -total : total;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String detail = why.isEmpty() ? "" : " (" + why + ")";
    return new IllegalArgumentException(
        "invalid duration \""
            + text
            + "\""
            + detail
            + ": use a Go duration such as 30s, 1m30s, 500ms or 2h");
  }

  /** Returns the Go spelling of a duration ({@code 1m30s}); sub-nanosecond parts are dropped. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    long nanos = duration.getNano();
    // Duration normalizes nanos to [0, 1e9); convert to a signed total in nanos when it fits
    BigInteger total =
        BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(S)).add(BigInteger.valueOf(nanos));
    if (total.bitLength() >= 64) {
      throw new IllegalArgumentException("duration out of Go's range: " + duration);
    }
    return formatNanos(total.longValue());
  }

  /** Returns the Go spelling of a number of nanoseconds. */
  public static String formatNanos(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    // use unsigned arithmetic like Go (handles Long.MIN_VALUE)
    long u = neg ? -d : d;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, S) < 0) {
      int prec;
      String unit;
      if (Long.compareUnsigned(u, US) < 0) {
        return (neg ? "-" : "") + Long.toUnsignedString(u) + "ns";
      } else if (Long.compareUnsigned(u, MS) < 0) {
        prec = 3;
        unit = "\u00b5s";
      } else {
        prec = 6;
        unit = "ms";
      }
      long[] rest = new long[1];
      String frac = fraction(u, prec, rest);
      out.append(Long.toUnsignedString(rest[0])).append(frac).append(unit);
    } else {
      long[] rest = new long[1];
      String frac = fraction(u, 9, rest);
      long secs = rest[0];
      String sec = Long.toUnsignedString(Long.remainderUnsigned(secs, 60)) + frac + "s";
      long mins = Long.divideUnsigned(secs, 60);
      if (mins > 0) {
        String min = Long.toUnsignedString(mins % 60) + "m";
        long hours = mins / 60;
        if (hours > 0) {
          out.append(hours).append('h');
        }
        out.append(min);
      }
      out.append(sec);
    }
    return (neg ? "-" : "") + out;
  }

  /** Formats the lowest {@code prec} decimal digits of v as a fraction without trailing zeros. */
  private static String fraction(long v, int prec, long[] rest) {
    StringBuilder digits = new StringBuilder();
    boolean print = false;
    for (int i = 0; i < prec; i++) {
      long digit = Long.remainderUnsigned(v, 10);
      print = print || digit != 0;
      if (print) {
        digits.append((char) ('0' + digit));
      }
      v = Long.divideUnsigned(v, 10);
    }
    rest[0] = v;
    if (!print) {
      return "";
    }
    return "." + digits.reverse();
  }
}
