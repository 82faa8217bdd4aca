package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A network the stack declares ({@code networks.<key>}). {@code external: true} refers to an
 * existing network; its Docker name is {@link #name()} or the key.
 */
@Value.Immutable
public interface Network {
  /** Returns {@code name}: the Docker name (by default the stack name and the key). */
  Optional<String> name();

  /** Returns {@code driver}: the driver ({@code overlay} in Swarm). */
  Optional<String> driver();

  /** Returns {@code driver_opts}: driver options. */
  Map<String, String> driverOpts();

  /** Returns {@code ipam}: IP address management. */
  Optional<Ipam> ipam();

  /** Returns {@code external}: whether the network exists outside the stack. */
  Optional<Boolean> external();

  /** Returns {@code internal}: whether the network has no outside connectivity. */
  Optional<Boolean> internal();

  /** Returns {@code attachable}: whether standalone containers may join the overlay network. */
  Optional<Boolean> attachable();

  /** Returns {@code enable_ipv4}: whether IPv4 is enabled. */
  Optional<Boolean> enableIpv4();

  /** Returns {@code enable_ipv6}: whether IPv6 is enabled. */
  Optional<Boolean> enableIpv6();

  /** Returns {@code labels}: network labels. */
  Map<String, String> labels();

  /** Returns the {@code x-*} extension keys of this network, by key. */
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
  default Network copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Network} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableNetwork.Builder {
    /** Returns a new, empty builder; same as {@link Network#builder()}. */
    public Builder() {}

    /** Sets {@code driver: overlay}, the Swarm network driver. */
    public Builder overlay() {
      return driver("overlay");
    }
  }
}
