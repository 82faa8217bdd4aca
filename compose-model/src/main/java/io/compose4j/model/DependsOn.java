package io.compose4j.model;

import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A dependency on another service ({@code depends_on}). The list form {@code depends_on: [db]}
 * means {@code condition: service_started}, {@code required: true}, {@code restart: false}; the
 * model holds those defaults, so both spellings are the same value. Ignored by {@code docker stack
 * deploy}.
 */
@Value.Immutable
public interface DependsOn {
  /** The condition of the list form. */
  String SERVICE_STARTED = "service_started";

  /** Wait until the dependency is healthy. */
  String SERVICE_HEALTHY = "service_healthy";

  /** Wait until the dependency ran to completion. */
  String SERVICE_COMPLETED_SUCCESSFULLY = "service_completed_successfully";

  /** Returns {@code depends_on[]}: the name of the service depended on. */
  String service();

  /**
   * Returns {@code condition}: {@code service_started} (default), {@code service_healthy} or {@code
   * service_completed_successfully}.
   */
  @Value.Default
  default String condition() {
    return SERVICE_STARTED;
  }

  /** Returns {@code required}: whether the dependency must exist (default true). */
  @Value.Default
  default boolean required() {
    return true;
  }

  /**
   * Returns {@code restart}: whether this service restarts when the dependency is updated (default
   * false).
   */
  @Value.Default
  default boolean restart() {
    return false;
  }

  /** Returns a dependency on a service with the defaults of the list form. */
  static DependsOn on(String service) {
    return builder().service(service).build();
  }

  /** Returns whether this is what the list form means: started, required, no restart. */
  default boolean isDefault() {
    return condition().equals(SERVICE_STARTED) && required() && !restart();
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
  default DependsOn copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link DependsOn} values. */
  final class Builder extends ImmutableDependsOn.Builder {
    /** Returns a new, empty builder; same as {@link DependsOn#builder()}. */
    public Builder() {}
  }
}
