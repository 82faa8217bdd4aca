package io.compose4j.model;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** How Docker checks that a container is healthy ({@code healthcheck}). */
@Value.Immutable
public interface Healthcheck {
  /**
   * Returns {@code healthcheck.test}: the test: {@code [CMD, ...]}, {@code [CMD-SHELL, cmd]} or
   * {@code [NONE]}; a string test is {@code [CMD-SHELL, string]}.
   */
  List<String> test();

  /** Returns {@code healthcheck.interval}: the time between checks. */
  Optional<Duration> interval();

  /** Returns {@code healthcheck.timeout}: how long one check may take. */
  Optional<Duration> timeout();

  /**
   * Returns {@code healthcheck.retries}: how many consecutive failures make the container
   * unhealthy.
   */
  @PositiveOrZero(message = "SWARM-HC-004: must not be negative")
  OptionalLong retries();

  /**
   * Returns {@code healthcheck.start_period}: the grace period after start during which failures do
   * not count.
   */
  Optional<Duration> startPeriod();

  /**
   * Returns {@code healthcheck.start_interval}: the time between checks during the start period.
   */
  Optional<Duration> startInterval();

  /** Returns {@code healthcheck.disable}: whether the image's health check is disabled. */
  Optional<Boolean> disable();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Healthcheck copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Healthcheck} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableHealthcheck.Builder {
    /** Returns a new, empty builder; same as {@link Healthcheck#builder()}. */
    public Builder() {}

    /**
     * Sets {@code test} to these words ({@code test("CMD", "curl", "-f", "http://localhost/")}).
     */
    public Builder test(String... words) {
      return test(List.of(words));
    }
  }
}
