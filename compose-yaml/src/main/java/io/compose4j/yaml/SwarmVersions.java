package io.compose4j.yaml;

/**
 * The Compose file format 3.x versions and the keys each added (docker/cli's
 * {@code config_schema_v3.0} to {@code v3.13}); the {@code SWARM} writer writes the lowest
 * version that allows every key it writes, or the stack's own version when that allows them.
 */
final class SwarmVersions {
  /** The newest 3.x minor version Docker knows. */
  static final int NEWEST_MINOR = 13;

  private SwarmVersions() {}

  /**
   * Returns the version to write: the model's own when it is a 3.x version that allows every key
   * used ({@code 3} counts as {@code 3.0}), otherwise {@code 3.<required>}.
   */
  static String choose(String own, int requiredMinor) {
    if (own != null) {
      int minor = minorOf(own);
      if (minor >= requiredMinor) {
        return own;
      }
    }
    return "3." + requiredMinor;
  }

  /** Returns the minor version of a 3.x version string, or -1 if it is not one Docker knows. */
  static int minorOf(String version) {
    return io.compose4j.model.SwarmFormat.minorOf(version);
  }
}
