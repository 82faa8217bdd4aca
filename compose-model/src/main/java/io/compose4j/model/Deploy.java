package io.compose4j.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** The Swarm deployment settings of a service ({@code deploy}). */
@Value.Immutable
public interface Deploy {
  /**
   * Returns {@code deploy.mode}: the service mode: {@code replicated} (default), {@code global},
   * {@code replicated-job} or {@code global-job}.
   */
  Optional<String> mode();

  /** Returns {@code deploy.replicas}: the number of tasks of a replicated service or job. */
  @PositiveOrZero(message = "SWARM-MODE-006: must not be negative")
  OptionalLong replicas();

  /** Returns {@code deploy.labels}: labels of the Swarm service. */
  Map<String, String> labels();

  /** Returns {@code deploy.update_config}: how the service is updated. */
  Optional<@Valid UpdateConfig> updateConfig();

  /** Returns {@code deploy.rollback_config}: how a failed update is rolled back. */
  Optional<@Valid RollbackConfig> rollbackConfig();

  /** Returns {@code deploy.resources}: resource limits and reservations. */
  Optional<Resources> resources();

  /** Returns {@code deploy.restart_policy}: when Swarm restarts tasks. */
  Optional<@Valid RestartPolicy> restartPolicy();

  /** Returns {@code deploy.placement}: where tasks may run. */
  Optional<@Valid Placement> placement();

  /**
   * Returns {@code deploy.endpoint_mode}: service discovery: {@code vip} (default) or {@code
   * dnsrr}.
   */
  Optional<String> endpointMode();

  /** Returns the {@code x-*} extension keys of the deploy section, by key. */
  Map<String, RawValue> extensions();

  /** {@code mode: replicated}: a fixed number of tasks (the default). */
  String REPLICATED = "replicated";

  /** {@code mode: global}: one task on every eligible node. */
  String GLOBAL = "global";

  /** {@code mode: replicated-job}: run to completion a fixed number of times. */
  String REPLICATED_JOB = "replicated-job";

  /** {@code mode: global-job}: run to completion once on every eligible node. */
  String GLOBAL_JOB = "global-job";

  /** {@code endpoint_mode: vip}: a virtual IP (the default). */
  String VIP = "vip";

  /** {@code endpoint_mode: dnsrr}: DNS round robin. */
  String DNSRR = "dnsrr";

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Deploy copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Deploy} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableDeploy.Builder {
    /** Returns a new, empty builder; same as {@link Deploy#builder()}. */
    public Builder() {}

    /** Sets {@code mode: global} (one task on every eligible node). */
    public Builder global() {
      return mode(GLOBAL);
    }

    /** Sets one Swarm service label ({@code deploy.labels}). */
    public Builder label(String key, String value) {
      putLabel(key, value);
      return this;
    }
  }
}
