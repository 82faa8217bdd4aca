package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A config the stack declares ({@code configs.<key>}): from a file, inline content or an
 * environment variable (Compose), or an existing external config.
 */
@Value.Immutable
public interface Config {
  /** Returns {@code name}: the Docker name (by default the stack name and the key). */
  Optional<String> name();

  /** Returns {@code file}: the file holding the content. */
  Optional<String> file();

  /** Returns {@code content}: the content itself (Compose only). */
  Optional<String> content();

  /** Returns {@code environment}: the environment variable holding the content (Compose only). */
  Optional<String> environment();

  /** Returns {@code external}: whether the config exists outside the stack. */
  Optional<Boolean> external();

  /** Returns {@code labels}: config labels. */
  Map<String, String> labels();

  /** Returns {@code template_driver}: the template driver ({@code golang}). */
  Optional<String> templateDriver();

  /** Returns the {@code x-*} extension keys of this config, by key. */
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
  default Config copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Config} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableConfig.Builder {
    /** Returns a new, empty builder; same as {@link Config#builder()}. */
    public Builder() {}
  }
}
