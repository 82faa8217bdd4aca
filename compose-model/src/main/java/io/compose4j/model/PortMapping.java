package io.compose4j.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A published port ({@code ports[]}) in long form. The short syntax {@code
 * [host_ip:][published:]target[/protocol]} is sugar Docker expands, ranges included, into one entry
 * per container port with {@code protocol} and {@code mode: ingress} set; see {@link
 * #parseAll(String)}.
 */
@Value.Immutable
public interface PortMapping {
  /** Returns {@code target}: the container port. */
  @Min(value = 0, message = "SWARM-EP-009: must be a port number between 1 and 65535")
  @Max(value = 65535, message = "SWARM-EP-009: must be a port number between 1 and 65535")
  OptionalInt target();

  /**
   * Returns {@code published}: the published port on the Swarm routing mesh or the host: a number,
   * or a range in the Compose Specification.
   */
  Optional<String> published();

  /**
   * Returns {@code host_ip}: the host address to bind (ignored by Swarm, which listens on every
   * address).
   */
  Optional<String> hostIp();

  /** Returns {@code protocol}: {@code tcp}, {@code udp} or {@code sctp}. */
  Optional<String> protocol();

  /** Returns {@code mode}: {@code ingress} (routing mesh) or {@code host}. */
  Optional<String> mode();

  /** Returns {@code name}: a name for the port (Compose only). */
  Optional<String> name();

  /** Returns {@code app_protocol}: the application protocol (Compose only). */
  Optional<String> appProtocol();

  /** Returns the {@code x-*} extension keys of this entry, by key. */
  Map<String, RawValue> extensions();

  /** Returns the published port as a number, if it is one (not absent, not a range). */
  default OptionalInt publishedPort() {
    if (published().isEmpty()) {
      return OptionalInt.empty();
    }
    String p = published().get();
    if (p.isEmpty() || p.length() > 5) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(Integer.parseInt(p));
  }

  /**
   * Parses a short-syntax port that maps exactly one container port ({@code 8080:80}, {@code
   * 127.0.0.1:53:53/udp}).
   *
   * @throws IllegalArgumentException with the input quoted if it is invalid or a range
   */
  static PortMapping parse(String spec) {
    List<PortMapping> all = parseAll(spec);
    if (all.size() != 1) {
      throw new IllegalArgumentException(
          "port \""
              + spec
              + "\" maps "
              + all.size()
              + " ports; use PortMapping.parseAll for ranges");
    }
    return all.get(0);
  }

  /**
   * Parses a short-syntax port the way {@code docker stack deploy} does: ranges are expanded into
   * one mapping per port, a host port range with a single container port publishes each host port,
   * and the result is ordered as Docker orders it.
   *
   * @throws IllegalArgumentException with the input quoted if Docker would refuse it
   */
  static List<PortMapping> parseAll(String spec) {
    return PortSpecs.parse(spec, Long.MAX_VALUE);
  }

  /**
   * Parses a short-syntax port like {@link #parseAll(String)}, but refuses, before expanding
   * anything, a spec whose ranges would expand to more than {@code maxMappings} mappings.
   *
   * @throws IllegalArgumentException with the input quoted if Docker would refuse it
   * @throws TooManyPortsException if it expands to more than {@code maxMappings} mappings
   */
  static List<PortMapping> parseAll(String spec, long maxMappings) {
    return PortSpecs.parse(spec, maxMappings);
  }

  /**
   * Thrown when a port range would expand to more mappings than allowed; holds how many it would.
   */
  final class TooManyPortsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long count;

    TooManyPortsException(String spec, long count) {
      super("the port \"" + spec + "\" expands to " + count + " mappings");
      this.count = count;
    }

    /** Returns how many mappings the spec expands to. */
    public long count() {
      return count;
    }
  }

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default PortMapping copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link PortMapping} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutablePortMapping.Builder {
    /** Returns a new, empty builder; same as {@link PortMapping#builder()}. */
    public Builder() {}
  }
}
