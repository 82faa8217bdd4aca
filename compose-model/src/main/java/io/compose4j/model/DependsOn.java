package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A dependency on another service ({@code depends_on}); the list form means
 * {@code condition: service_started} and {@code required: true}. Ignored by {@code docker stack deploy}.
 */
@Value.Immutable
public interface DependsOn {
  /** Returns {@code depends_on[]}: the name of the service depended on. */
  String service();

  /**
   * Returns {@code condition}: {@code service_started}, {@code service_healthy} or {@code
   * service_completed_successfully}.
   */
  Optional<String> condition();

  /** Returns {@code required}: whether the dependency must exist. */
  Optional<Boolean> required();

  /** Returns {@code restart}: whether this service restarts when the dependency is updated. */
  Optional<Boolean> restart();

  /** Returns a dependency on a service with the defaults of the list form. */
  static DependsOn on(String service) {
    return builder().service(service).build();
  }

  /** Returns whether this is what the list form means: started, required, no restart. */
  default boolean isDefault() {
    return condition().map("service_started"::equals).orElse(true)
        && required().orElse(true)
        && !restart().orElse(false);
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

  /** Builds {@link DependsOn} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableDependsOn.Builder {
    /** Returns a new, empty builder; same as {@link DependsOn#builder()}. */
    public Builder() {}
  }
}
