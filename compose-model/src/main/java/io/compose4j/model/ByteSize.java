package io.compose4j.model;

import io.compose4j.model.internal.Rx;

/**
 * A number of bytes: {@code deploy.resources.limits.memory}, {@code shm_size}, {@code mem_limit},
 * tmpfs sizes. Units are binary as in Docker ({@code 1k = 1024}); {@code b}, {@code k}, {@code m},
 * {@code g}, {@code t}, {@code p} in either case, optionally followed by {@code i} and/or {@code b}
 * ({@code 512M}, {@code 1.5GiB}, {@code 1 GB}). A negative value is only used for {@code
 * memswap_limit: -1} (unlimited).
 *
 * <p>{@link #toString()} is the canonical spelling: the largest exact unit ({@code 512M}, {@code
 * 1G}, {@code 1536K}) or plain digits when the size is not a multiple of 1024.
 */
public final class ByteSize implements Comparable<ByteSize> {
  private static final Rx SIZE = Rx.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpPbB])?[iI]?[bB]?$");
  private static final String UNITS = "KMGTP";

  private final long bytes;
  private final String written;

  private ByteSize(long bytes, String written) {
    this.bytes = bytes;
    this.written = written;
  }

  private ByteSize(long bytes) {
    this(bytes, Long.toString(bytes));
  }

  /** Returns a size of the given number of bytes. */
  public static ByteSize of(long bytes) {
    return new ByteSize(bytes);
  }

  /** Returns a size in kibibytes (written {@code 512KiB}). */
  public static ByteSize kib(long n) {
    return new ByteSize(Math.multiplyExact(n, 1024L), n + "KiB");
  }

  /** Returns a size in mebibytes ({@code 512M}; written {@code 512MiB}). */
  public static ByteSize mib(long n) {
    return new ByteSize(Math.multiplyExact(n, 1024L * 1024), n + "MiB");
  }

  /** Returns a size in gibibytes ({@code 4G}; written {@code 4GiB}). */
  public static ByteSize gib(long n) {
    return new ByteSize(Math.multiplyExact(n, 1024L * 1024 * 1024), n + "GiB");
  }

  /**
   * Parses a Docker size string such as {@code 512m}, {@code 1.5G}, {@code 2GiB} or {@code 1024}.
   *
   * @throws IllegalArgumentException with the input quoted if it is not a size
   */
  public static ByteSize parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid size: null");
    }
    String t = text.trim();
    if (t.equals("-1")) {
      return new ByteSize(-1, t);
    }
    if (!SIZE.matches(t)) {
      throw new IllegalArgumentException(
          "invalid size \""
              + text
              + "\": use a number of bytes with an optional unit b, k, m, g, t or p (for example 512M or 2G)");
    }
    // the number: digits, and a fraction when a point and digits follow (the pattern matched)
    int end = 0;
    while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
      end++;
    }
    if (end + 1 < t.length() && t.charAt(end) == '.') {
      end++;
      while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
        end++;
      }
    }
    double size = Double.parseDouble(t.substring(0, end));
    int u = end < t.length() && t.charAt(end) == ' ' ? end + 1 : end;
    // the unit letter, when there is one: the pattern's group takes it before [iI]?[bB]?
    String unit =
        u < t.length() && "kKmMgGtTpPbB".indexOf(t.charAt(u)) >= 0
            ? String.valueOf(Character.toLowerCase(t.charAt(u)))
            : "";
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
    if (value >= 0x1p63) {
      throw new IllegalArgumentException("invalid size \"" + text + "\": too large");
    }
    return new ByteSize((long) value, t);
  }

  /** Returns the number of bytes. */
  public long bytes() {
    return bytes;
  }

  /**
   * Returns the size as the user wrote it, for messages: the text given to {@link #parse}
   * (trimmed), {@code -5MiB} for {@code mib(-5)}, the digits for {@link #of}. Two sizes of the same
   * number of bytes are equal however they were written; {@link #toString()} is the canonical
   * spelling.
   */
  public String written() {
    return written;
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteSize other && other.bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  /** Returns the canonical spelling: {@code 512M}, {@code 1G}, or plain digits. */
  @Override
  public String toString() {
    if (bytes <= 0) {
      return Long.toString(bytes);
    }
    long v = bytes;
    int unit = -1;
    while (unit + 1 < UNITS.length() && v % 1024 == 0) {
      v /= 1024;
      unit++;
    }
    return unit < 0 ? Long.toString(bytes) : v + String.valueOf(UNITS.charAt(unit));
  }
}
