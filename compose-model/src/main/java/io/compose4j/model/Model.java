package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A top-level AI model ({@code models.<name>}, Compose only). */
@Value.Immutable
public interface Model {
  /** Returns {@code model}: the model reference. */
  String model();

  /** Returns {@code name}: the model name. */
  Optional<String> name();

  /** Returns {@code context_size}: the context size. */
  OptionalLong contextSize();

  /** Returns {@code runtime_flags}: flags for the inference runtime. */
  List<String> runtimeFlags();

  /** Returns the {@code x-*} extension keys of this model, by key. */
  Map<String, RawValue> extensions();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Model copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Model} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableModel.Builder {
    /** Returns a new, empty builder; same as {@link Model#builder()}. */
    public Builder() {}
  }
}
