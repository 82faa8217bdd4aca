package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Resource limits and reservations of a service ({@code deploy.resources}). */
@Value.Immutable
public interface Resources {
  /** Returns {@code deploy.resources.limits}: the most each task may use. */
  Optional<Resource> limits();

  /**
   * Returns {@code deploy.resources.reservations}: what each task needs to be scheduled on a node.
   */
  Optional<Resource> reservations();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Resources copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Resources} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableResources.Builder {
    /** Returns a new, empty builder; same as {@link Resources#builder()}. */
    public Builder() {}

    /** Sets the CPU and memory {@code limits}. */
    public Builder limits(Cpus cpus, ByteSize memory) {
      limitsBuilder().cpus(cpus).memory(memory);
      return this;
    }

    /** Sets the CPU and memory {@code reservations}. */
    public Builder reservations(Cpus cpus, ByteSize memory) {
      reservationsBuilder().cpus(cpus).memory(memory);
      return this;
    }
  }
}
