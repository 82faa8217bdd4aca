package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The service another service extends ({@code extends}); {@code extends: web} is {@code {service:
 * web}}.
 */
@Value.Immutable
public interface Extends {
  /** Returns {@code extends.service}: the name of the extended service. */
  String service();

  /** Returns {@code extends.file}: the file it is in, when not this one. */
  Optional<String> file();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Extends copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Extends} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableExtends.Builder {
    /** Returns a new, empty builder; same as {@link Extends#builder()}. */
    public Builder() {}
  }
}
