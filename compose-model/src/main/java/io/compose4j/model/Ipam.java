package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** IP address management of a network ({@code networks.<key>.ipam}). */
@Value.Immutable
public interface Ipam {
  /** Returns {@code ipam.driver}: the IPAM driver. */
  Optional<String> driver();

  /** Returns {@code ipam.config}: the address pools. */
  List<IpamConfig> config();

  /** Returns {@code ipam.options}: driver options. */
  Map<String, String> options();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Ipam copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Ipam} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableIpam.Builder {
    /** Returns a new, empty builder; same as {@link Ipam#builder()}. */
    public Builder() {}
  }
}
