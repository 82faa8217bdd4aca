package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** An address pool of a network ({@code ipam.config[]}). */
@Value.Immutable
public interface IpamConfig {
  /** Returns {@code subnet}: the subnet in CIDR form. */
  Optional<String> subnet();

  /** Returns {@code gateway}: the gateway address. */
  Optional<String> gateway();

  /** Returns {@code ip_range}: the range addresses are allocated from. */
  Optional<String> ipRange();

  /** Returns {@code aux_addresses}: reserved addresses, by host name. */
  Map<String, String> auxAddresses();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default IpamConfig copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link IpamConfig} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableIpamConfig.Builder {
    /** Returns a new, empty builder; same as {@link IpamConfig#builder()}. */
    public Builder() {}
  }
}
