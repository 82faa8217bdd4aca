package io.compose4j.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A number of CPUs ({@code deploy.resources.limits.cpus}, {@code cpus}), a decimal such as {@code
 * 0.5} or {@code 2}. Docker keeps the value as written, so the decimal keeps its scale: {@code 2.0}
 * and {@code 2} are different spellings and {@link #toString()} returns the one given. Compose file
 * format 3.x requires it as a string; the writer quotes it.
 */
public final class Cpus implements Comparable<Cpus> {
  private static final Pattern DECIMAL =
      Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");

  private final BigDecimal value;

  private Cpus(BigDecimal value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Parses a number of CPUs: {@code 0.5}, {@code 2}, {@code .25}.
   *
   * @throws IllegalArgumentException with the input quoted if it is not a decimal number
   */
  public static Cpus parse(String text) {
    if (text == null || !DECIMAL.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException(
          "invalid cpus \"" + text + "\": use a decimal number of CPUs such as 0.5 or 2");
    }
    BigDecimal value = new BigDecimal(text.trim());
    return new Cpus(value.scale() < 0 ? value.setScale(0) : value);
  }

  /** Returns the given number of CPUs; {@code of("0.5")} is the same as {@link #parse}. */
  public static Cpus of(String text) {
    return parse(text);
  }

  /** Returns a whole number of CPUs. */
  public static Cpus of(long cpus) {
    return new Cpus(BigDecimal.valueOf(cpus));
  }

  /** Returns a number of CPUs from a decimal. */
  public static Cpus of(BigDecimal cpus) {
    return new Cpus(cpus.scale() < 0 ? cpus.setScale(0) : cpus);
  }

  /** Returns the value as a decimal. */
  public BigDecimal value() {
    return value;
  }

  /** Returns the value in nano-CPUs, as Swarm stores it ({@code 0.5} is 500000000). */
  public long nanoCpus() {
    return value.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  @Override
  public int compareTo(Cpus other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cpus other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the decimal as written ({@code 0.50} stays {@code 0.50}). */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
