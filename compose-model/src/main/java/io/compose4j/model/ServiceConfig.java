package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A config mounted into a service ({@code services.*.configs[]}); the short form {@code -
 * app_config} is {@code {source: app_config}}.
 */
@Value.Immutable
public interface ServiceConfig {
  /** Returns {@code source}: the key of the top-level config to mount. */
  String source();

  /** Returns {@code target}: the file name or path in the container. */
  Optional<String> target();

  /** Returns {@code uid}: the owner user id of the file. */
  Optional<String> uid();

  /** Returns {@code gid}: the owner group id of the file. */
  Optional<String> gid();

  /** Returns {@code mode}: the permission bits of the file. */
  Optional<FileMode> mode();

  /** Returns the {@code x-*} extension keys of this entry, by key. */
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
  default ServiceConfig copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link ServiceConfig} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableServiceConfig.Builder {
    /** Returns a new, empty builder; same as {@link ServiceConfig#builder()}. */
    public Builder() {}
  }
}
