package io.compose4j.model;

import java.util.function.Consumer;
import org.immutables.value.Value;

/** A per-device block IO rate limit. */
@Value.Immutable
public interface BlkioLimit {
  /** Returns {@code path}: the device. */
  String path();

  /** Returns {@code rate}: the rate (bytes such as {@code 12mb}, or operations). */
  String rate();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default BlkioLimit copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link BlkioLimit} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableBlkioLimit.Builder {
    /** Returns a new, empty builder; same as {@link BlkioLimit#builder()}. */
    public Builder() {}
  }
}
