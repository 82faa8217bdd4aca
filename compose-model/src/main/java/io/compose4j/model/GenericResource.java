package io.compose4j.model;

import java.util.function.Consumer;
import org.immutables.value.Value;

/** A discrete generic resource ({@code generic_resources[].discrete_resource_spec}). */
@Value.Immutable
public interface GenericResource {
  /** Returns {@code discrete_resource_spec.kind}: the kind of resource ({@code gpu}). */
  String kind();

  /** Returns {@code discrete_resource_spec.value}: how many are needed. */
  long value();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default GenericResource copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link GenericResource} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableGenericResource.Builder {
    /** Returns a new, empty builder; same as {@link GenericResource#builder()}. */
    public Builder() {}
  }
}
