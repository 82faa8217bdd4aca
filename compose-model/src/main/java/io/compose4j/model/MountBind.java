package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Bind mount options ({@code volumes[].bind}). */
@Value.Immutable
public interface MountBind {
  /**
   * Returns {@code bind.propagation}: the propagation mode ({@code rprivate}, {@code rshared},
   * ...).
   */
  Optional<String> propagation();

  /** Returns {@code bind.create_host_path}: whether a missing host path is created (Compose). */
  Optional<Boolean> createHostPath();

  /**
   * Returns {@code bind.selinux}: the SELinux relabeling: {@code z} (shared) or {@code Z}
   * (private); Compose only.
   */
  Optional<String> selinux();

  /** Returns {@code bind.recursive}: recursive read-only mode (Compose). */
  Optional<String> recursive();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default MountBind copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link MountBind} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableMountBind.Builder {
    /** Returns a new, empty builder; same as {@link MountBind#builder()}. */
    public Builder() {}
  }
}
