package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A secret the stack declares ({@code secrets.<key>}): from a file, from an environment variable
 * (Compose), or an existing external secret. Swarm never updates a secret in place.
 */
@Value.Immutable
public interface Secret {
  /** Returns {@code name}: the Docker name (by default the stack name and the key). */
  Optional<String> name();

  /** Returns {@code file}: the file holding the content. */
  Optional<String> file();

  /** Returns {@code environment}: the environment variable holding the content (Compose only). */
  Optional<String> environment();

  /** Returns {@code external}: whether the secret exists outside the stack. */
  Optional<Boolean> external();

  /** Returns {@code labels}: secret labels. */
  Map<String, String> labels();

  /** Returns {@code driver}: the secret driver. */
  Optional<String> driver();

  /** Returns {@code driver_opts}: driver options. */
  Map<String, String> driverOpts();

  /** Returns {@code template_driver}: the template driver ({@code golang}). */
  Optional<String> templateDriver();

  /** Returns the {@code x-*} extension keys of this secret, by key. */
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
  default Secret copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Secret} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableSecret.Builder {
    /** Returns a new, empty builder; same as {@link Secret#builder()}. */
    public Builder() {}
  }
}
