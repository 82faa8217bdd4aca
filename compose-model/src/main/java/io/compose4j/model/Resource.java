package io.compose4j.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A set of resources: the {@code limits} or {@code reservations} of {@code deploy.resources}. */
@Value.Immutable
public interface Resource {
  /** Returns {@code cpus}: the number of CPUs. */
  Optional<Cpus> cpus();

  /** Returns {@code memory}: the amount of memory. */
  Optional<ByteSize> memory();

  /** Returns {@code pids}: the maximum number of processes (limits only). */
  OptionalLong pids();

  /** Returns {@code generic_resources}: generic resources such as GPUs (reservations only). */
  List<GenericResource> genericResources();

  /** Returns {@code devices}: device requests such as GPUs (reservations only; Compose). */
  List<DeviceRequest> devices();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Resource copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Resource} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableResource.Builder {
    /** Returns a new, empty builder; same as {@link Resource#builder()}. */
    public Builder() {}
  }
}
