package io.compose4j.model;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A resource limit ({@code ulimits.<name>}): a single value for both limits, or soft and hard. */
@Value.Immutable
public interface Ulimit {
  /**
   * Returns {@code ulimits.<name>}: the value when one number sets both the soft and the hard
   * limit.
   */
  @PositiveOrZero(message = "SWARM-MISC-002: must not be negative")
  OptionalLong single();

  /** Returns {@code ulimits.<name>.soft}: the soft limit. */
  @PositiveOrZero(message = "SWARM-MISC-002: must not be negative")
  OptionalLong soft();

  /** Returns {@code ulimits.<name>.hard}: the hard limit. */
  @PositiveOrZero(message = "SWARM-MISC-002: must not be negative")
  OptionalLong hard();

  /** Returns a limit that sets soft and hard to the same value ({@code nproc: 65535}). */
  static Ulimit of(long value) {
    return builder().single(value).build();
  }

  /** Returns a limit with different soft and hard values. */
  static Ulimit of(long soft, long hard) {
    return builder().soft(soft).hard(hard).build();
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
  default Ulimit copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Ulimit} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableUlimit.Builder {
    /** Returns a new, empty builder; same as {@link Ulimit#builder()}. */
    public Builder() {}
  }
}
