package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Image mount options ({@code volumes[].image}, Compose only). */
@Value.Immutable
public interface MountImage {
  /** Returns {@code image.subpath}: the path inside the image to mount. */
  Optional<String> subpath();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default MountImage copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link MountImage} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableMountImage.Builder {
    /** Returns a new, empty builder; same as {@link MountImage#builder()}. */
    public Builder() {}
  }
}
