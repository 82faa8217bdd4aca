package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A named volume the stack declares ({@code volumes.<key>}). */
@Value.Immutable
public interface Volume {
  /** Returns {@code name}: the Docker name (by default the stack name and the key). */
  Optional<String> name();

  /** Returns {@code driver}: the volume driver. */
  Optional<String> driver();

  /** Returns {@code driver_opts}: driver options. */
  Map<String, String> driverOpts();

  /** Returns {@code external}: whether the volume exists outside the stack. */
  Optional<Boolean> external();

  /** Returns {@code labels}: volume labels. */
  Map<String, String> labels();

  /**
   * Returns the {@code x-*} extension keys of this volume (such as {@code x-cluster-spec}), by key.
   */
  Map<String, RawValue> extensions();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Volume copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Volume} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableVolume.Builder {
    /** Returns a new, empty builder; same as {@link Volume#builder()}. */
    public Builder() {}
  }
}
