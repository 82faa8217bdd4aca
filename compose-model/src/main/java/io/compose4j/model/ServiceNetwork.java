package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How a service joins one network ({@code services.*.networks.<name>}); an empty value is the same
 * as listing the network by name.
 */
@Value.Immutable
public interface ServiceNetwork {
  /** Returns {@code aliases}: extra DNS names of the service on this network. */
  List<String> aliases();

  /** Returns {@code ipv4_address}: a static IPv4 address. */
  Optional<String> ipv4Address();

  /** Returns {@code ipv6_address}: a static IPv6 address. */
  Optional<String> ipv6Address();

  /** Returns {@code link_local_ips}: link-local addresses. */
  List<String> linkLocalIps();

  /** Returns {@code mac_address}: the MAC address on this network. */
  Optional<String> macAddress();

  /** Returns {@code driver_opts}: driver options of the endpoint. */
  Map<String, String> driverOpts();

  /** Returns {@code priority}: the order in which networks are connected. */
  OptionalInt priority();

  /** Returns {@code gw_priority}: which network provides the default gateway. */
  OptionalInt gwPriority();

  /** Returns {@code interface_name}: the interface name in the container. */
  Optional<String> interfaceName();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default ServiceNetwork copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link ServiceNetwork} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableServiceNetwork.Builder {
    /** Returns a new, empty builder; same as {@link ServiceNetwork#builder()}. */
    public Builder() {}
  }
}
