package io.compose4j.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.valueextraction.Unwrapping;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** How Swarm rolls out a change to a service ({@code deploy.update_config}). */
@Value.Immutable
public interface UpdateConfig {
  /**
   * Returns {@code deploy.update_config.parallelism}: how many tasks change at once; 0 means all at
   * once.
   */
  @PositiveOrZero(message = "SWARM-VER-008: must not be negative")
  OptionalLong parallelism();

  /** Returns {@code deploy.update_config.delay}: the wait between batches. */
  Optional<Duration> delay();

  /**
   * Returns {@code deploy.update_config.failure_action}: what to do when a task fails: {@code
   * continue}, {@code pause} or {@code rollback}.
   */
  Optional<String> failureAction();

  /**
   * Returns {@code deploy.update_config.monitor}: how long each task is watched for failure after
   * it changes.
   */
  Optional<Duration> monitor();

  /**
   * Returns {@code deploy.update_config.max_failure_ratio}: the tolerated fraction of failed tasks,
   * 0 to 1.
   */
  @DecimalMin(
      value = "0",
      payload = Unwrapping.Unwrap.class,
      message = "SWARM-UPD-003: must be between 0 and 1")
  @DecimalMax(
      value = "1",
      payload = Unwrapping.Unwrap.class,
      message = "SWARM-UPD-003: must be between 0 and 1")
  Optional<Double> maxFailureRatio();

  /**
   * Returns {@code deploy.update_config.order}: {@code stop-first} (default) or {@code start-
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
  default UpdateConfig copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link UpdateConfig} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableUpdateConfig.Builder {
    /** Returns a new, empty builder; same as {@link UpdateConfig#builder()}. */
    public Builder() {}
  }
}
