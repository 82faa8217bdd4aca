package io.compose4j.model;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** When Swarm restarts the tasks of a service ({@code deploy.restart_policy}). */
@Value.Immutable
public interface RestartPolicy {
  /**
   * Returns {@code deploy.restart_policy.condition}: {@code none}, {@code on-failure} or {@code
   * any} (default).
   */
  Optional<String> condition();

  /** Returns {@code deploy.restart_policy.delay}: the wait between restart attempts. */
  Optional<Duration> delay();

  /** Returns {@code deploy.restart_policy.max_attempts}: how many times to try before giving up. */
  @PositiveOrZero(message = "SWARM-VER-008: must not be negative")
  OptionalLong maxAttempts();

  /**
   * Returns {@code deploy.restart_policy.window}: how long to wait before deciding a restart
   * succeeded.
   */
  Optional<Duration> window();

  /** {@code condition: none}. */
  String NONE = "none";

  /** {@code condition: on-failure}. */
  String ON_FAILURE = "on-failure";

  /** {@code condition: any} (the default). */
  String ANY = "any";

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default RestartPolicy copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link RestartPolicy} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableRestartPolicy.Builder {
    /** Returns a new, empty builder; same as {@link RestartPolicy#builder()}. */
    public Builder() {}
  }
}
