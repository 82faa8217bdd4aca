package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** tmpfs mount options ({@code volumes[].tmpfs}). */
@Value.Immutable
public interface MountTmpfs {
  /** Returns {@code tmpfs.size}: the size of the tmpfs. */
  Optional<ByteSize> size();

  /** Returns {@code tmpfs.mode}: the permission bits of the tmpfs (Compose). */
  Optional<FileMode> mode();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default MountTmpfs copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link MountTmpfs} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableMountTmpfs.Builder {
    /** Returns a new, empty builder; same as {@link MountTmpfs#builder()}. */
    public Builder() {}
  }
}
