package io.compose4j.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** The logging driver of a service ({@code logging}). */
@Value.Immutable
public interface Logging {
  /** Returns {@code logging.driver}: the driver ({@code json-file}, {@code syslog}, ...). */
  Optional<String> driver();

  /** Returns {@code logging.options}: the driver options. */
  Map<String, Optional<String>> options();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Logging copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Logging} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableLogging.Builder {
    /** Returns a new, empty builder; same as {@link Logging#builder()}. */
    public Builder() {}
  }
}
