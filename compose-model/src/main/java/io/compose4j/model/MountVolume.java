package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Volume mount options ({@code volumes[].volume}). */
@Value.Immutable
public interface MountVolume {
  /** Returns {@code volume.nocopy}: whether image data is not copied into a new volume. */
  Optional<Boolean> nocopy();

  /** Returns {@code volume.subpath}: a path inside the volume to mount (Compose). */
  Optional<String> subpath();

  /** Returns {@code volume.labels}: labels for the volume created for this mount. */
  Map<String, String> labels();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default MountVolume copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link MountVolume} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableMountVolume.Builder {
    /** Returns a new, empty builder; same as {@link MountVolume#builder()}. */
    public Builder() {}
  }
}
