package io.compose4j.dsl;

import java.util.Objects;

/**
 * A handle on something a stack declares: a network, volume, secret, config or service. Handles are
 * returned by the declarations of {@link StackDsl} and are the only way a service refers to those
 * objects, so a reference to something undeclared cannot be written.
 */
public abstract sealed class Ref permits NetworkRef, VolumeRef, SecretRef, ConfigRef, ServiceRef {
  private final StackDsl owner;
  private final String key;

  Ref(StackDsl owner, String key) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * Returns the key the stack declares it under ({@code networks.<key>}, {@code services.<key>}).
   */
  public String key() {
    return key;
  }

  /** Returns what kind of object this is, as in the YAML section name ({@code network}, ...). */
  abstract String kind();

  /** Checks that the handle belongs to the stack being built. */
  void checkOwner(StackDsl stack) {
    if (owner != stack) {
      throw new IllegalArgumentException(
          "the "
              + kind()
              + " handle '"
              + key
              + "' belongs to another stack; declare the "
              + kind()
              + " in this stack and use its handle");
    }
  }

  @Override
  public String toString() {
    return kind() + " " + key;
  }
}
