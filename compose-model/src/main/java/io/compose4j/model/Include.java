package io.compose4j.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An included Compose application ({@code include[]}); the string form is {@code {path: [file]}}.
 */
@Value.Immutable
public interface Include {
  /** Returns {@code include.path}: the Compose files to include. */
  List<String> path();

  /**
   * Returns {@code include.project_directory}: the directory relative paths are resolved against.
   */
  Optional<String> projectDirectory();

  /** Returns {@code include.env_file}: environment files for interpolating the included files. */
  List<String> envFile();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Include copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Include} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableInclude.Builder {
    /** Returns a new, empty builder; same as {@link Include#builder()}. */
    public Builder() {}
  }
}
