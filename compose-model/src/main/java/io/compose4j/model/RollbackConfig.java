package io.compose4j.model;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** How Swarm rolls a service back after a failed update ({@code deploy.rollback_config}). */
@Value.Immutable
public interface RollbackConfig {
  /**
   * Returns {@code deploy.rollback_config.parallelism}: how many tasks change at once; 0 means all
   * at once.
   */
  @PositiveOrZero(message = "SWARM-VER-008: must not be negative")
  OptionalLong parallelism();

  /** Returns {@code deploy.rollback_config.delay}: the wait between batches. */
  Optional<Duration> delay();

  /**
   * Returns {@code deploy.rollback_config.failure_action}: what to do when a task fails: {@code
   * continue}, {@code pause}.
   */
  Optional<String> failureAction();

  /**
   * Returns {@code deploy.rollback_config.monitor}: how long each task is watched for failure after
   * it changes.
   */
  Optional<Duration> monitor();

  /**
   * Returns {@code deploy.rollback_config.max_failure_ratio}: the tolerated fraction of failed
   * tasks, 0 to 1.
   */
  Optional<Double> maxFailureRatio();

  /**
   * Returns {@code deploy.rollback_config.order}: {@code stop-first} (default) or {@code start-
   * first}.
   */
  Optional<String> order();

  /** {@code failure_action: pause} (the default). */
  String PAUSE = "pause";

  /** {@code failure_action: continue}. */
  String CONTINUE = "continue";

  /** {@code failure_action: rollback}. */
  String ROLLBACK = "rollback";

  /** {@code order: stop-first} (the default). */
  String STOP_FIRST = "stop-first";

  /** {@code order: start-first}. */
  String START_FIRST = "start-first";

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default RollbackConfig copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link RollbackConfig} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableRollbackConfig.Builder {
    /** Returns a new, empty builder; same as {@link RollbackConfig#builder()}. */
    public Builder() {}
  }
}
