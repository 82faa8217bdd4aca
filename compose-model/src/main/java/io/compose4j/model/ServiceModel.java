package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** How a service uses a model ({@code services.*.models.<name>}). */
@Value.Immutable
public interface ServiceModel {
  /** Returns {@code endpoint_var}: the variable that receives the model endpoint. */
  Optional<String> endpointVar();

  /** Returns {@code model_var}: the variable that receives the model name. */
  Optional<String> modelVar();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default ServiceModel copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link ServiceModel} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableServiceModel.Builder {
    /** Returns a new, empty builder; same as {@link ServiceModel#builder()}. */
    public Builder() {}
  }
}
