package io.compose4j.model;

import java.util.function.Consumer;
import org.immutables.value.Value;

/** A per-device block IO weight. */
@Value.Immutable
public interface BlkioWeight {
  /** Returns {@code path}: the device. */
  String path();

  /** Returns {@code weight}: the weight. */
  int weight();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default BlkioWeight copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link BlkioWeight} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableBlkioWeight.Builder {
    /** Returns a new, empty builder; same as {@link BlkioWeight#builder()}. */
    public Builder() {}
  }
}
