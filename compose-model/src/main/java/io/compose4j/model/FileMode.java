package io.compose4j.model;

/**
 * Unix permission bits of a mounted secret, config or tmpfs ({@code mode: 0440}). In YAML Docker
 * reads a leading {@code 0} as octal, so {@code 0440} is 288. {@link #toString()} writes the
 * traditional octal spelling ({@code 0440}); {@link #yamlOctal()} the YAML 1.2 one ({@code 0o440}),
 * which the canonical writer uses because YAML emitters quote a number with a leading zero.
 */
public final class FileMode {
  private final int bits;

  private FileMode(int bits) {
    this.bits = bits;
  }

  /** Returns the mode with the given permission bits ({@code of(0440)}). */
  public static FileMode of(int bits) {
    if (bits < 0) {
      throw new IllegalArgumentException("invalid file mode " + bits + ": must not be negative");
    }
    return new FileMode(bits);
  }

  /**
   * Parses an octal mode: {@code 0440}, {@code 440}, {@code 0o440}.
   *
   * @throws IllegalArgumentException with the input quoted if it is not octal
   */
  public static FileMode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid file mode: null");
    }
    String t = text.trim();
    if (t.startsWith("0o") || t.startsWith("0O")) {
      t = t.substring(2);
    }
    if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '7') || t.length() > 11) {
      throw new IllegalArgumentException(
          "invalid file mode \"" + text + "\": use octal permission bits such as 0440 or 0644");
    }
    return new FileMode(Integer.parseInt(t, 8));
  }

  /** Returns the permission bits. */
  public int bits() {
    return bits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileMode other && other.bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** Returns the YAML 1.2 octal spelling: {@code 0o440}. */
  public String yamlOctal() {
    return "0o" + Integer.toOctalString(bits);
  }

  /** Returns the octal spelling with a leading zero: {@code 0440}. */
  @Override
  public String toString() {
    String octal = Integer.toOctalString(bits);
    return "0" + "000".substring(Math.min(3, octal.length())) + octal;
  }
}
