package io.compose4j.yaml;

import java.util.Locale;

/**
 * Every bound the reader puts on its work, in one place. Each is checked before the expensive step
 * it guards, and exceeding one gives a positioned one-line {@link ComposeReadException} that names
 * the limit and how to raise it. The defaults accept every real Compose file (a 20,000-service
 * stack is 16 MB) and refuse hostile ones in milliseconds. See {@code docs/FORMAT.md}, "Limits".
 *
 * <p>Each default can be changed for a whole process with a system property {@code
 * compose4j.<name>} (for example {@code -Dcompose4j.maxFileBytes=134217728}; the CLI reads {@code
 * JDK_JAVA_OPTIONS}), or for one reader with {@link ComposeReader#withLimits}.
 *
 * <pre>{@code
 * ComposeReader reader = ComposeReader.create()
 *     .withLimits(ReaderLimits.defaults().withMaxExpandedPorts(200_000));
 * }</pre>
 */
public final class ReaderLimits {
  /** Default {@link #maxFileBytes()}: 64 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** Default {@link #maxScalarLength()}: 16 Mi characters. */
  public static final int DEFAULT_MAX_SCALAR_LENGTH = 16 * 1024 * 1024;

  /** Default {@link #maxNumberLength()}: 1,000 characters. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

  /** Default {@link #maxInterpolationDepth()}: 32 nested {@code ${...}}. */
  public static final int DEFAULT_MAX_INTERPOLATION_DEPTH = 32;

  /** Default {@link #maxExpandedPorts()}: 10,000 port mappings per file. */
  public static final int DEFAULT_MAX_EXPANDED_PORTS = 10_000;

  /** Default {@link #maxAliases()}: 10,000 aliases. */
  public static final int DEFAULT_MAX_ALIASES = 10_000;

  /** Default {@link #maxAliasExpansion()}: 1,000,000 nodes. */
  public static final long DEFAULT_MAX_ALIAS_EXPANSION = 1_000_000;

  /** Default {@link #maxNestingDepth()}: 100 levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

  private static final ReaderLimits DEFAULTS =
      new ReaderLimits(
          property("maxFileBytes", DEFAULT_MAX_FILE_BYTES),
          (int) property("maxScalarLength", DEFAULT_MAX_SCALAR_LENGTH),
          (int) property("maxNumberLength", DEFAULT_MAX_NUMBER_LENGTH),
          (int) property("maxInterpolationDepth", DEFAULT_MAX_INTERPOLATION_DEPTH),
          (int) property("maxExpandedPorts", DEFAULT_MAX_EXPANDED_PORTS),
          (int) property("maxAliases", DEFAULT_MAX_ALIASES),
          property("maxAliasExpansion", DEFAULT_MAX_ALIAS_EXPANSION),
          (int) property("maxNestingDepth", DEFAULT_MAX_NESTING_DEPTH));

  private final long maxFileBytes;
  private final int maxScalarLength;
  private final int maxNumberLength;
  private final int maxInterpolationDepth;
  private final int maxExpandedPorts;
  private final int maxAliases;
  private final long maxAliasExpansion;
  private final int maxNestingDepth;

  private ReaderLimits(
      long maxFileBytes,
      int maxScalarLength,
      int maxNumberLength,
      int maxInterpolationDepth,
      int maxExpandedPorts,
      int maxAliases,
      long maxAliasExpansion,
      int maxNestingDepth) {
    this.maxFileBytes = positive("maxFileBytes", maxFileBytes);
    this.maxScalarLength = (int) positive("maxScalarLength", maxScalarLength);
    this.maxNumberLength = (int) positive("maxNumberLength", maxNumberLength);
    this.maxInterpolationDepth = (int) positive("maxInterpolationDepth", maxInterpolationDepth);
    this.maxExpandedPorts = (int) positive("maxExpandedPorts", maxExpandedPorts);
    this.maxAliases = (int) positive("maxAliases", maxAliases);
    this.maxAliasExpansion = positive("maxAliasExpansion", maxAliasExpansion);
    this.maxNestingDepth = (int) positive("maxNestingDepth", maxNestingDepth);
  }

  /**
   * Returns the limits in force by default: the constants above, unless a system property changed
   * them.
   */
  public static ReaderLimits defaults() {
    return DEFAULTS;
  }

  private static long property(String name, long fallback) {
    String value = System.getProperty("compose4j." + name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long v = Long.parseLong(value.strip().replace("_", ""));
      return v > 0 ? v : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
    return value;
  }

  /**
   * Largest file accepted, in bytes (or characters for text); checked before the file is read or
   * parsed.
   */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /**
   * Longest scalar (string value or key) accepted, in characters; checked before it is resolved or
   * interpolated.
   */
  public int maxScalarLength() {
    return maxScalarLength;
  }

  /**
   * Longest plain scalar that reads as a number (integer or float), in characters; checked before
   * it is converted.
   */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /**
   * Deepest nesting of {@code ${VAR:-${...}}} in one value; checked while interpolating, before
   * going deeper.
   */
  public int maxInterpolationDepth() {
    return maxInterpolationDepth;
  }

  /**
   * Most port mappings the short syntax's ranges may expand to in one file; checked before a range
   * is expanded.
   */
  public int maxExpandedPorts() {
    return maxExpandedPorts;
  }

  /** Most aliases ({@code *name}) a file may use. */
  public int maxAliases() {
    return maxAliases;
  }

  /**
   * Most nodes aliases may add when expanded (the billion-laughs guard); checked before an alias is
   * used.
   */
  public long maxAliasExpansion() {
    return maxAliasExpansion;
  }

  /** Deepest nesting of mappings and sequences; checked while parsing, before going deeper. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** Returns a copy with this {@link #maxFileBytes()}. */
  public ReaderLimits withMaxFileBytes(long value) {
    return new ReaderLimits(
        value,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxScalarLength()}. */
  public ReaderLimits withMaxScalarLength(int value) {
    return new ReaderLimits(
        maxFileBytes,
        value,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxNumberLength()}. */
  public ReaderLimits withMaxNumberLength(int value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        value,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxInterpolationDepth()}. */
  public ReaderLimits withMaxInterpolationDepth(int value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        value,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxExpandedPorts()}. */
  public ReaderLimits withMaxExpandedPorts(int value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        value,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxAliases()}. */
  public ReaderLimits withMaxAliases(int value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        value,
        maxAliasExpansion,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxAliasExpansion()}. */
  public ReaderLimits withMaxAliasExpansion(long value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        value,
        maxNestingDepth);
  }

  /** Returns a copy with this {@link #maxNestingDepth()}. */
  public ReaderLimits withMaxNestingDepth(int value) {
    return new ReaderLimits(
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        value);
  }

  /**
   * Returns the message tail that names a limit and how to raise it: {@code (limit maxExpandedPorts
   * = 10000; raise it with -Dcompose4j.maxExpandedPorts=N or ReaderLimits)}.
   */
  public static String raise(String name, long value) {
    return "(limit "
        + name
        + " = "
        + value
        + "; raise it with -Dcompose4j."
        + name
        + "=N or ReaderLimits.with"
        + Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + ")";
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ReaderLimits[maxFileBytes=%d, maxScalarLength=%d, maxNumberLength=%d, maxInterpolationDepth=%d, "
            + "maxExpandedPorts=%d, maxAliases=%d, maxAliasExpansion=%d, maxNestingDepth=%d]",
        maxFileBytes,
        maxScalarLength,
        maxNumberLength,
        maxInterpolationDepth,
        maxExpandedPorts,
        maxAliases,
        maxAliasExpansion,
        maxNestingDepth);
  }
}
