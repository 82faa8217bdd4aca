package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An environment file ({@code env_file[]}); the string form {@code - .env} is {@code {path: .env,
 * required: true}}.
 */
@Value.Immutable
public interface EnvFile {
  /** Returns {@code path}: the file, relative to the Compose file. */
  String path();

  /** Returns {@code required}: whether a missing file is an error (default true). */
  Optional<Boolean> required();

  /** Returns {@code format}: the file format ({@code raw} takes values verbatim). */
  Optional<String> format();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default EnvFile copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link EnvFile} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableEnvFile.Builder {
    /** Returns a new, empty builder; same as {@link EnvFile#builder()}. */
    public Builder() {}
  }
}
